import type { ClientAuth, TokenSet, VendorDefinition } from '../types';
import { redact, VendorAuthError } from './errors';
import { assertTokenHost } from './hosts';
import { collectSecrets } from './redact';
import { sendCapturingFailure, type HttpClient, type HttpRequest } from './http';
import { mergeRefreshedToken, parseTokenResponse } from './token-response';
import {
	buildClientCredentialsRequest,
	buildCodeExchangeRequest,
	buildPasswordRequest,
	buildRefreshRequest,
	buildRevokeRequest,
	type OAuthClient,
} from './token-requests';

/**
 * Form fields whose values are public and explain the commonest setup errors (a redirect URL mismatch, a
 * grant type), so they are not masked in the vendor's error text.
 */
function publicFields(vendor: VendorDefinition): Set<string> {
	const names = vendor.oauth2.token.paramNames;
	return new Set([names.grantType, names.redirectUri, names.clientId, 'scope']);
}

/** Secrets that may appear in a request and must never appear in an error. */
function secretsOf(request: HttpRequest, extra: Array<string | undefined>, publicNames: Set<string> = new Set()): string[] {
	const authorization = request.headers.Authorization;
	// The header itself, and the credential after its scheme (a Basic value, a raw or Bearer token).
	const values = [...extra, authorization, authorization?.replace(/^\S+\s+/, '')];
	if (request.body) {
		for (const [name, value] of new URLSearchParams(request.body)) if (!publicNames.has(name)) values.push(value);
	}
	return values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

/** A transport failure as a vendor-named, redacted error: a timeout says so, anything else is "could not be reached". */
export function transportError(vendor: VendorDefinition, endpoint: string, failure: string, timedOut: boolean, secrets: readonly string[]): VendorAuthError {
	if (timedOut) return new VendorAuthError(vendor.displayName, 'timeout', `the ${endpoint} did not answer in time; try again later`);
	return new VendorAuthError(vendor.displayName, 'server_error', `the ${endpoint} could not be reached (${redact(failure, secrets)})`);
}

/**
 * A host the response names (Worksection account_url) must pass the host rule before anything is stored;
 * a refresh that omits it keeps the stored, already checked one (mergeRefreshedToken).
 */
function checkTokenHosts(vendor: VendorDefinition, token: TokenSet, client: Partial<OAuthClient>, secrets: readonly string[]): void {
	const fromToken = vendor.api.baseUrlFromToken;
	if (!fromToken || token[fromToken.field] === undefined) return;
	assertTokenHost(vendor, fromToken.field, token[fromToken.field], client.trustedOrigins ?? [], [...secrets, ...collectSecrets(token)]);
}

async function send(
	http: HttpClient,
	vendor: VendorDefinition,
	client: Partial<OAuthClient>,
	built: HttpRequest,
	now: number,
	extraSecrets: Array<string | undefined>,
) {
	const request: HttpRequest = client.timeoutMs ? { ...built, timeoutMs: client.timeoutMs } : built;
	const secrets = secretsOf(request, extraSecrets, publicFields(vendor));
	const { response, failure, timedOut } = await sendCapturingFailure(http, request);
	if (failure !== undefined) throw transportError(vendor, 'token endpoint', failure, timedOut, secrets);
	const token = parseTokenResponse(vendor, response, now, secrets);
	checkTokenHosts(vendor, token, client, secrets);
	return token;
}

export async function exchangeCode(
	http: HttpClient,
	vendor: VendorDefinition,
	client: OAuthClient,
	params: { code: string; redirectUri: string; codeVerifier?: string },
	now = Date.now(),
): Promise<TokenSet> {
	return send(http, vendor, client, buildCodeExchangeRequest(vendor, client, params), now, [client.clientSecret, params.code]);
}

/** Refreshes and merges: the result is what must be stored (rotated refresh token kept, old one never lost). */
export async function refreshToken(
	http: HttpClient,
	vendor: VendorDefinition,
	client: Partial<OAuthClient>,
	stored: TokenSet,
	params: { redirectUri?: string } = {},
	now = Date.now(),
): Promise<TokenSet> {
	if (typeof stored.refresh_token !== 'string' || stored.refresh_token === '') {
		throw new VendorAuthError(vendor.displayName, 'no_refresh_token', 'the access token expired and no refresh token is stored; reconnect the account');
	}
	const request = buildRefreshRequest(vendor, client, { refreshToken: stored.refresh_token, redirectUri: params.redirectUri });
	const refreshed = await send(http, vendor, client, request, now, [client.clientSecret, stored.refresh_token, stored.access_token]);
	return mergeRefreshedToken(stored, refreshed);
}

export async function clientCredentialsToken(
	http: HttpClient,
	vendor: VendorDefinition,
	client: OAuthClient,
	params: { clientAuth: ClientAuth; scopes?: string[] },
	now = Date.now(),
): Promise<TokenSet> {
	return send(http, vendor, client, buildClientCredentialsRequest(vendor, client, params), now, [client.clientSecret]);
}

export async function passwordToken(
	http: HttpClient,
	vendor: VendorDefinition,
	client: Partial<OAuthClient>,
	params: { username: string; password: string; clientAuth: ClientAuth | 'none' },
	now = Date.now(),
): Promise<TokenSet> {
	return send(http, vendor, client, buildPasswordRequest(vendor, client, params), now, [client.clientSecret, params.password]);
}

export async function revokeToken(
	http: HttpClient,
	vendor: VendorDefinition,
	client: Partial<OAuthClient>,
	params: { accessToken: string },
): Promise<void> {
	const built = buildRevokeRequest(vendor, client, params);
	const request: HttpRequest = client.timeoutMs ? { ...built, timeoutMs: client.timeoutMs } : built;
	const { response, failure, timedOut } = await sendCapturingFailure(http, request);
	// As in send(): a transport error may quote the request, which carries the token (header and body).
	if (failure !== undefined) throw transportError(vendor, 'revoke endpoint', failure, timedOut, secretsOf(request, [params.accessToken, client.clientSecret]));
	if (response.status >= 300) {
		const cause = response.status >= 500 ? 'server_error' : 'error_response';
		throw new VendorAuthError(vendor.displayName, cause, `the revoke endpoint refused the request with HTTP ${response.status}`, {
			status: response.status,
		});
	}
}
