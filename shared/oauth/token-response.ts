import type { TokenSet, VendorDefinition } from '../types';
import { excerpt, VendorAuthError } from './errors';
import type { HttpResponse } from './http';

const RFC_FIELDS = ['access_token', 'refresh_token', 'token_type', 'expires_in', 'scope'];

function parseBody(vendor: VendorDefinition, response: HttpResponse, secrets: string[]): unknown {
	const type = response.headers['content-type'] ?? '';
	const text = response.body.trim();
	if (type.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	if (text.startsWith('<')) {
		throw new VendorAuthError(
			vendor.displayName,
			'invalid_response',
			`the token endpoint answered HTML instead of JSON (HTTP ${response.status}); check the token URL`,
			{ status: response.status },
		);
	}
	const parsed = parseJson(text);
	if (!parsed.ok) {
		throw new VendorAuthError(
			vendor.displayName,
			'invalid_response',
			`the token endpoint answered something that is not JSON (HTTP ${response.status}): ${excerpt(text, secrets, 80)}`,
			{ status: response.status },
		);
	}
	return parsed.value;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function oauthErrorOf(body: unknown): { code: string; description?: string } | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	if (typeof record.error === 'string') {
		const description = record.error_description ?? record.message;
		return { code: record.error, description: typeof description === 'string' ? description : undefined };
	}
	if (record.status === 'error' || record.success === false) {
		const message = record.message ?? record.error_description;
		return { code: 'error', description: typeof message === 'string' ? message : undefined };
	}
	return undefined;
}

/**
 * Reads a token endpoint response into a TokenSet: unwraps the vendor's documented shape (object or
 * one-element array), rejects error bodies (also when sent with HTTP 200), HTML and bodies without an
 * access_token, keeps the vendor's extra fields, and stamps expires_at.
 * `secrets` are values that must never reach an error message (client secret, codes, tokens sent).
 */
export function parseTokenResponse(
	vendor: VendorDefinition,
	response: HttpResponse,
	now: number,
	secrets: string[] = [],
): TokenSet {
	const name = vendor.displayName;
	if (response.status >= 500) {
		throw new VendorAuthError(name, 'server_error', `the token endpoint failed with HTTP ${response.status}; try again later`, {
			status: response.status,
		});
	}
	const body = parseBody(vendor, response, secrets);
	const oauthError = oauthErrorOf(body);
	if (oauthError || response.status >= 300) {
		const what = oauthError
			? `${oauthError.code}${oauthError.description ? ` (${excerpt(oauthError.description, secrets, 120)})` : ''}`
			: excerpt(response.body, secrets, 120);
		throw new VendorAuthError(name, 'error_response', `the token endpoint refused the request with HTTP ${response.status}: ${what}`, {
			status: response.status,
			oauthError: oauthError?.code,
		});
	}
	// Tolerate either shape: a vendor documented as 'array' may fix its API, and vice versa.
	const unwrapped = Array.isArray(body) ? body[0] : body;
	if (!unwrapped || typeof unwrapped !== 'object' || Array.isArray(unwrapped)) {
		const expected = vendor.oauth2.token.responseShape === 'array' ? 'a one-element JSON array' : 'a JSON object';
		throw new VendorAuthError(name, 'invalid_response', `the token endpoint answered an unexpected shape (expected ${expected})`, {
			status: response.status,
		});
	}
	const record = unwrapped as Record<string, unknown>;
	if (typeof record.access_token !== 'string' || record.access_token === '') {
		const keys = Object.keys(record).join(', ') || 'none';
		throw new VendorAuthError(name, 'missing_access_token', `the token response has no access_token (fields: ${keys})`, {
			status: response.status,
		});
	}
	return normaliseTokenFields(vendor, record, now);
}

/** Keeps the RFC fields and the vendor's declared extra fields; computes expires_at. */
export function normaliseTokenFields(vendor: VendorDefinition, record: Record<string, unknown>, now: number): TokenSet {
	const token: TokenSet = { access_token: String(record.access_token) };
	for (const field of [...RFC_FIELDS, ...vendor.oauth2.keepFields]) {
		if (field !== 'access_token' && record[field] !== undefined && record[field] !== null) token[field] = record[field];
	}
	if (token.expires_in !== undefined) {
		const seconds = Number(token.expires_in);
		if (Number.isFinite(seconds) && seconds > 0) token.expires_in = seconds;
		else delete token.expires_in;
	}
	// A vendor that documents a lifetime but omits expires_in (Weekdone: "expire in 60 minutes") still gets an expiry.
	const lifetime = token.expires_in ?? vendor.oauth2.lifetimes.accessToken;
	if (typeof lifetime === 'number' && lifetime > 0) token.expires_at = now + lifetime * 1000;
	return token;
}

/**
 * Merges a refresh result over the stored token: a rotated refresh token replaces the old one, a missing one
 * never erases it, and kept fields the refresh omits (account_url, user) survive.
 */
export function mergeRefreshedToken(previous: TokenSet, refreshed: TokenSet): TokenSet {
	const merged: TokenSet = { ...previous, ...refreshed };
	if (!refreshed.refresh_token) merged.refresh_token = previous.refresh_token;
	if (refreshed.expires_at === undefined) delete merged.expires_at;
	if (refreshed.expires_in === undefined) delete merged.expires_in;
	if (merged.refresh_token === undefined) delete merged.refresh_token;
	return merged;
}

/** True when the token is known to expire within `skewSeconds`. Tokens without expiry never count as expired. */
export function isExpiringSoon(token: Pick<TokenSet, 'expires_at'>, now: number, skewSeconds = 60): boolean {
	return typeof token.expires_at === 'number' && token.expires_at - skewSeconds * 1000 <= now;
}
