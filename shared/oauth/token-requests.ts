import type { ClientAuth, VendorDefinition } from '../types';
import { VendorAuthError } from './errors';
import { DEFAULT_REQUEST_TIMEOUT_MS, encodeForm, FORM_CONTENT_TYPE, type HttpRequest } from './http';

/** The OAuth app the user registered at the vendor, plus URL overrides for undocumented URLs or the sandbox. */
export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	tokenUrl?: string;
	refreshUrl?: string;
	revokeUrl?: string;
	/**
	 * Exact origins (`http://127.0.0.1:5678`) accepted besides the vendor's own HTTPS domains for a host read
	 * from a token response: the sandbox and playground set them from the user's or operator's settings.
	 * Never filled from a response. See shared/oauth/hosts.ts.
	 */
	trustedOrigins?: string[];
	/** Per-request timeout in ms for token requests; DEFAULT_REQUEST_TIMEOUT_MS when unset. */
	timeoutMs?: number;
}

const ACCEPT_JSON = 'application/json';

function basicHeader(clientId: string, clientSecret: string): string {
	// RFC 6749 §2.3.1: form-encode each part before joining
	const id = encodeURIComponent(clientId);
	const secret = encodeURIComponent(clientSecret);
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/** Puts client credentials where the vendor wants them: into the form fields or an Authorization header. */
function withClientAuth(
	vendor: VendorDefinition,
	method: ClientAuth | 'none',
	client: Partial<OAuthClient>,
	fields: Record<string, string | undefined>,
): { fields: Record<string, string | undefined>; headers: Record<string, string> } {
	const names = vendor.oauth2.token.paramNames;
	if (method === 'none') return { fields, headers: {} };
	if (!client.clientId || !client.clientSecret) {
		throw new VendorAuthError(vendor.displayName, 'invalid_input', 'the Client ID and Client Secret are required');
	}
	if (method === 'basic') {
		return { fields, headers: { Authorization: basicHeader(client.clientId, client.clientSecret) } };
	}
	return {
		fields: { ...fields, [names.clientId]: client.clientId, [names.clientSecret]: client.clientSecret },
		headers: {},
	};
}

function formPost(url: string, fields: Record<string, string | undefined>, headers: Record<string, string>): HttpRequest {
	return {
		method: 'POST',
		url,
		headers: { 'Content-Type': FORM_CONTENT_TYPE, Accept: ACCEPT_JSON, ...headers },
		body: encodeForm(fields),
		timeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
	};
}

export function tokenUrlOf(vendor: VendorDefinition, client: Partial<OAuthClient>): string {
	return client.tokenUrl || vendor.oauth2.token.url.url;
}

/** The URL refreshes go to: the vendor's own refresh URL where it has one, else the token URL. */
export function refreshUrlOf(vendor: VendorDefinition, client: Partial<OAuthClient>): string {
	const refreshUrl = vendor.oauth2.refresh?.url;
	if (refreshUrl) return client.refreshUrl || refreshUrl.url;
	return tokenUrlOf(vendor, client);
}

/** Authorization-code exchange (RFC 6749 §4.1.3) with the vendor's names, grant spelling and client auth. */
export function buildCodeExchangeRequest(
	vendor: VendorDefinition,
	client: OAuthClient,
	params: { code: string; redirectUri: string; codeVerifier?: string },
): HttpRequest {
	const { token } = vendor.oauth2;
	const names = token.paramNames;
	const base = {
		[names.grantType]: token.grantTypes.authorizationCode,
		[names.code]: params.code,
		[names.redirectUri]: params.redirectUri,
		code_verifier: vendor.oauth2.authorize.pkce ? params.codeVerifier : undefined,
	};
	const { fields, headers } = withClientAuth(vendor, token.clientAuth, client, base);
	return formPost(tokenUrlOf(vendor, client), fields, headers);
}

/** Refresh (RFC 6749 §6), to the vendor's refresh URL, with redirect_uri where the vendor demands it. */
export function buildRefreshRequest(
	vendor: VendorDefinition,
	client: Partial<OAuthClient>,
	params: { refreshToken: string; redirectUri?: string },
): HttpRequest {
	const { token, refresh } = vendor.oauth2;
	if (!refresh) {
		throw new VendorAuthError(vendor.displayName, 'not_supported', 'tokens do not expire and cannot be refreshed; reconnect instead');
	}
	if (refresh.sendRedirectUri && !params.redirectUri) {
		throw new VendorAuthError(vendor.displayName, 'invalid_input', 'the redirect URL is required to refresh a token');
	}
	const names = token.paramNames;
	const base = {
		[names.grantType]: token.grantTypes.refreshToken,
		[names.refreshToken]: params.refreshToken,
		[names.redirectUri]: refresh.sendRedirectUri ? params.redirectUri : undefined,
	};
	const { fields, headers } = withClientAuth(vendor, refresh.clientAuth, client, base);
	return formPost(refreshUrlOf(vendor, client), fields, headers);
}

/** Client-credentials grant (RFC 6749 §4.4). */
export function buildClientCredentialsRequest(
	vendor: VendorDefinition,
	client: OAuthClient,
	params: { clientAuth: ClientAuth; scopes?: string[] },
): HttpRequest {
	const { token, scopes } = vendor.oauth2;
	const base = {
		[token.paramNames.grantType]: token.grantTypes.clientCredentials,
		scope: params.scopes && params.scopes.length > 0 ? params.scopes.join(scopes.separator) : undefined,
	};
	const { fields, headers } = withClientAuth(vendor, params.clientAuth, client, base);
	return formPost(tokenUrlOf(vendor, client), fields, headers);
}

/** Resource-owner password grant (RFC 6749 §4.3); the client is optional where the vendor needs none. */
export function buildPasswordRequest(
	vendor: VendorDefinition,
	client: Partial<OAuthClient>,
	params: { username: string; password: string; clientAuth: ClientAuth | 'none' },
): HttpRequest {
	if (!params.username || !params.password) {
		throw new VendorAuthError(vendor.displayName, 'invalid_input', 'the username and password are required');
	}
	const { token } = vendor.oauth2;
	const base = {
		[token.paramNames.grantType]: token.grantTypes.password,
		username: params.username,
		password: params.password,
	};
	const useClient = params.clientAuth !== 'none' && client.clientId && client.clientSecret ? params.clientAuth : 'none';
	const { fields, headers } = withClientAuth(vendor, useClient, client, base);
	return formPost(tokenUrlOf(vendor, client), fields, headers);
}

/** Token revocation, as the vendor documents it (Wordapp: token field plus a Bearer header). */
export function buildRevokeRequest(
	vendor: VendorDefinition,
	client: Partial<OAuthClient>,
	params: { accessToken: string },
): HttpRequest {
	const revoke = vendor.oauth2.revoke;
	if (!revoke) throw new VendorAuthError(vendor.displayName, 'not_supported', 'the vendor documents no token revocation');
	const headers: Record<string, string> = revoke.bearer ? { Authorization: `Bearer ${params.accessToken}` } : {};
	return formPost(client.revokeUrl || revoke.url.url, { [revoke.tokenParam]: params.accessToken }, headers);
}
