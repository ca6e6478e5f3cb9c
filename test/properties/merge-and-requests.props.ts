/** Properties of the refresh merge and of the token request builders (shared/oauth). */
import fc from 'fast-check';

import {
	buildClientCredentialsRequest,
	buildCodeExchangeRequest,
	buildPasswordRequest,
	buildRefreshRequest,
	DEFAULT_REQUEST_TIMEOUT_MS,
	isTokenString,
	mergeRefreshedToken,
	type HttpRequest,
} from '../../shared/oauth';
import type { TokenSet } from '../../shared/types';
import { nonString, tokenString, VENDORS, vendorArb } from './arbitraries';
import { checkProperty } from './runner';

const refreshable = VENDORS.filter((v) => v.oauth2.refresh !== null);

/** Any printable or non-printable text a user might paste: full Unicode, including '&', '=', '%', '+', spaces. */
const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });

function formOf(request: HttpRequest): Map<string, string> {
	return new Map(new URLSearchParams(request.body ?? ''));
}

/** The client credentials a request carries, wherever the vendor puts them (form fields or a Basic header). */
function clientOf(request: HttpRequest, names: { clientId: string; clientSecret: string }): { id?: string; secret?: string } {
	const basic = request.headers.Authorization;
	if (basic?.startsWith('Basic ')) {
		const [id, secret] = Buffer.from(basic.slice(6), 'base64').toString('utf8').split(':');
		return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) };
	}
	const form = formOf(request);
	return { id: form.get(names.clientId), secret: form.get(names.clientSecret) };
}

export function mergeAndRequestProperties(): void {
	checkProperty(
		'merge: the new access token wins; a valid rotated refresh token replaces the old, anything else keeps it',
		fc.property(
			tokenString,
			fc.option(tokenString, { nil: undefined }),
			tokenString,
			fc.oneof(tokenString, nonString, fc.constant(undefined), fc.constant('')),
			fc.option(fc.webUrl(), { nil: undefined }),
			(oldAccess, oldRefresh, newAccess, newRefresh, accountUrl) => {
				const previous: TokenSet = { access_token: oldAccess, refresh_token: oldRefresh, account_url: accountUrl ?? 'https://a.worksection.com', expires_at: 5 };
				const refreshed = { access_token: newAccess, refresh_token: newRefresh } as TokenSet;
				const merged = mergeRefreshedToken(previous, refreshed);
				const expected = isTokenString(newRefresh) ? newRefresh : oldRefresh;
				return (
					merged.access_token === newAccess &&
					merged.refresh_token === expected &&
					('refresh_token' in merged) === (expected !== undefined) &&
					merged.account_url === previous.account_url &&
					!('expires_at' in merged)
				);
			},
		),
		1500,
	);

	checkProperty(
		'builders: code, redirect URI and client credentials survive form encoding exactly; the URL carries none; a timeout is set',
		fc.property(vendorArb, anyText, anyText, anyText, fc.webUrl(), (vendor, code, id, secret, redirect) => {
			const request = buildCodeExchangeRequest(vendor, { clientId: id, clientSecret: secret }, { code, redirectUri: redirect });
			const names = vendor.oauth2.token.paramNames;
			const form = formOf(request);
			const client = clientOf(request, names);
			return (
				request.method === 'POST' &&
				request.url === vendor.oauth2.token.url.url &&
				form.get(names.code) === code &&
				form.get(names.redirectUri) === redirect &&
				form.get(names.grantType) === vendor.oauth2.token.grantTypes.authorizationCode &&
				client.id === id &&
				client.secret === secret &&
				request.timeoutMs === DEFAULT_REQUEST_TIMEOUT_MS &&
				!request.url.includes('?')
			);
		}),
		1000,
	);

	checkProperty(
		'builders: refresh, client-credentials and password requests carry their values exactly, never in the URL',
		fc.property(fc.constantFrom(...refreshable), anyText, anyText, anyText, anyText, (vendor, refresh, id, secret, password) => {
			const client = { clientId: id, clientSecret: secret };
			const refreshRequest = buildRefreshRequest(vendor, client, { refreshToken: refresh, redirectUri: 'https://r.example.com/cb' });
			const cc = buildClientCredentialsRequest(vendor, client, { clientAuth: 'basic' });
			const pw = buildPasswordRequest(vendor, client, { username: 'u@example.com', password, clientAuth: 'body' });
			const names = vendor.oauth2.token.paramNames;
			return (
				formOf(refreshRequest).get(names.refreshToken) === refresh &&
				clientOf(cc, names).secret === secret &&
				formOf(pw).get('password') === password &&
				refreshRequest.url === (vendor.oauth2.refresh?.url?.url ?? vendor.oauth2.token.url.url) &&
				[cc, pw].every((r) => r.url === vendor.oauth2.token.url.url) &&
				[refreshRequest, cc, pw].every((r) => r.timeoutMs === DEFAULT_REQUEST_TIMEOUT_MS)
			);
		}),
		1000,
	);
}
