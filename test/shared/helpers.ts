/** Shared fixtures for the shared/oauth lifecycle tests: a real axios transport and the strict mocks. */
import { apiAuthParts, apiBaseUrl, joinUrl, VendorAuthError } from '../../shared/oauth';
import type { ApiRequestSpec, TokenSet, VendorDefinition } from '../../shared/types';
import { createAxiosHttpClient } from '../mocks/axios-http-client';
import { MOCK_CLIENT } from '../mocks/vendor-mocks';

export const http = createAxiosHttpClient();
export const client = { ...MOCK_CLIENT };
export const REDIRECT = 'https://n8n.example.com/rest/oauth2-credential/callback';
/** A fixed clock, so expires_at is exact. */
export const NOW = 1_700_000_000_000;

/**
 * The token set stored from the strict mock's n-th default reply in RFC 6749 §5.1 shape (token_type bearer,
 * expires_in): the mock's `<vendor>-access-<n>` / `<vendor>-refresh-<n>` tokens, and expires_at stamped at `at`.
 */
export function storedBearerTokens(vendor: string, n: number, expiresInSeconds: number, at: number): TokenSet {
	return {
		access_token: `${vendor}-access-${n}`,
		refresh_token: `${vendor}-refresh-${n}`,
		token_type: 'bearer',
		expires_in: expiresInSeconds,
		expires_at: at + expiresInSeconds * 1000,
	};
}

/** An API call the way the adapters make it: vendor base, token placement and mandatory headers from shared/oauth. */
export async function callApi(vendor: VendorDefinition, token: TokenSet, request: ApiRequestSpec, override?: string) {
	const parts = apiAuthParts(vendor, token.access_token);
	const url = new URL(joinUrl(apiBaseUrl(vendor, token, override), request.path));
	for (const [key, value] of Object.entries({ ...request.qs, ...parts.qs })) url.searchParams.set(key, value);
	return http({ method: request.method, url: url.toString(), headers: parts.headers });
}

/** Runs `fn`, which must throw a VendorAuthError, and returns it. */
export async function authError(fn: () => Promise<unknown>): Promise<VendorAuthError> {
	try {
		await fn();
	} catch (error) {
		expect(error).toBeInstanceOf(VendorAuthError);
		return error as VendorAuthError;
	}
	throw new Error('expected a VendorAuthError, nothing was thrown');
}

/** No secret may appear in an error's message or its serialised form. */
export function expectNoSecrets(error: Error, secrets: string[]): void {
	const texts = [error.message, JSON.stringify(error), String(error)];
	for (const secret of secrets) {
		for (const text of texts) expect(text).not.toContain(secret);
	}
}
