import type { AuthField, Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { buildAuthorizeUrl, connectionLabel, encodeForm, exchangeCode, FORM_CONTENT_TYPE, refreshToken, testAnswerProblem, type HttpClient } from '../shared/oauth';
import type { VendorDefinition } from '../shared/types';
import { fromAuthData, toAuthData, toRefreshedAuthData, type AuthData } from './auth-data';
import { oauthClient, zapierEnv } from './env';
import { tokenTransport } from './http-client';
import { tokenError } from './token-errors';
import { hostRootUrl } from './operations/send';
import { apiUrl, userInfoUrlOf } from './urls';

/**
 * Zapier core 19.1 censors every authData value in its logs, but not inputData (19.2.1 adds that:
 * https://docs.zapier.com/integrations/news/2026/v19.2.1). The code exchange's form body holds the
 * authorization code and PKCE verifier, so they are added to this invocation's authData, which core's
 * logger reads from the same bundle; the exchange's result, not this bundle, is what Zapier stores.
 */
function censorInLogs(bundle: Bundle, values: Record<string, unknown>): void {
	bundle.authData = bundle.authData ?? {};
	for (const [key, value] of Object.entries(values)) {
		if (typeof value === 'string' && value !== '') (bundle.authData as Record<string, string>)[`censor_${key}`] = value;
	}
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function requireClientId(z: ZObject, vendor: VendorDefinition): string {
	const { clientId } = zapierEnv();
	if (!clientId) {
		throw new z.errors.Error(`${vendor.displayName}: CLIENT_ID is not set for this integration version (zapier-platform env:set)`, 'invalid_input');
	}
	return clientId;
}

/** Token-response fields kept beside the token (Worksection account_url, Weekdone user): filled by Zapier, never by the user. */
function computedFields(vendor: VendorDefinition): AuthField[] {
	return vendor.oauth2.keepFields.map((key) => ({ key, type: 'string', required: false, computed: true }));
}

/**
 * n8n's OAuth2 flow always sends RFC 6749's `redirect_uri` on authorize and on the code exchange (the flow owns
 * it: n8n cannot leave it out), besides a vendor's renamed field (Worktual's `Redirect_url`, which its doc
 * describes as "the redirect_uri given to OAuth Application"). So that both adapters send the same parameters,
 * Zapier sends `redirect_uri` too, with the same value, wherever the vendor renames it.
 */
const RFC_REDIRECT_URI = 'redirect_uri';

function withFormField(http: HttpClient, name: string, value: string): HttpClient {
	return async (request) => http({ ...request, body: [request.body, encodeForm({ [name]: value })].filter((part) => part).join('&') });
}

/**
 * The Zapier `authentication` block for a vendor: OAuth2 authorization code, with every vendor quirk (names,
 * client auth, refresh URL, rotation, array responses, redirect_uri on refresh) handled by the shared lifecycle.
 */
export function buildAuthentication(vendor: VendorDefinition): Authentication {
	const { oauth2 } = vendor;

	const authorizeUrl = async (z: ZObject, bundle: Bundle): Promise<string> => {
		const redirectUri = text(bundle.inputData.redirect_uri);
		const url = new URL(
			buildAuthorizeUrl(vendor, {
				clientId: requireClientId(z, vendor),
				redirectUri,
				state: text(bundle.inputData.state),
				codeChallenge: text(bundle.inputData.code_challenge) || undefined,
				authorizeUrl: zapierEnv().authorizeUrl,
			}),
		);
		if (oauth2.authorize.paramNames.redirectUri !== RFC_REDIRECT_URI) url.searchParams.set(RFC_REDIRECT_URI, redirectUri);
		return url.toString();
	};

	const getAccessToken = async (z: ZObject, bundle: Bundle): Promise<AuthData> => {
		censorInLogs(bundle, { code: bundle.inputData.code, code_verifier: bundle.inputData.code_verifier });
		const transport = tokenTransport(z);
		const redirectUri = text(bundle.inputData.redirect_uri);
		const http = oauth2.token.paramNames.redirectUri !== RFC_REDIRECT_URI ? withFormField(transport.http, RFC_REDIRECT_URI, redirectUri) : transport.http;
		try {
			const token = await exchangeCode(http, vendor, oauthClient(), {
				code: text(bundle.inputData.code),
				redirectUri,
				codeVerifier: text(bundle.inputData.code_verifier) || undefined,
			});
			return toAuthData(token);
		} catch (error) {
			throw tokenError(z, vendor, error, transport.platformError(), 'exchange');
		}
	};

	const refreshAccessToken = async (z: ZObject, bundle: Bundle): Promise<AuthData> => {
		const env = zapierEnv();
		// the platform passes redirect_uri on refresh; `zapier-platform invoke auth refresh` does not
		const redirectUri = text(bundle.inputData?.redirect_uri) || env.redirectUri;
		if (oauth2.refresh?.sendRedirectUri && !redirectUri) {
			throw new z.errors.Error(`${vendor.displayName}: refreshing needs the redirect URI; set REDIRECT_URI for this integration version`, 'invalid_input');
		}
		const transport = tokenTransport(z);
		try {
			const merged = await refreshToken(transport.http, vendor, oauthClient(env), fromAuthData(vendor, bundle.authData), { redirectUri });
			return toRefreshedAuthData(merged);
		} catch (error) {
			throw tokenError(z, vendor, error, transport.platformError(), 'refresh');
		}
	};

	// errors (401, 429, vendor messages) are raised by the app's afterResponse; a 200 that is not the
	// success shape (an HTML login page, an empty body) fails here instead of saving a dead connection
	const answered = (z: ZObject, response: { status: number; content: unknown; data?: unknown }, setting: string): unknown => {
		const problem = testAnswerProblem(response.status, typeof response.content === 'string' ? response.content : '', vendor.api.errorEnvelopes);
		if (problem) {
			throw new z.errors.Error(`${vendor.displayName}: the connection test got ${problem} (HTTP ${response.status}); check ${setting}`, 'invalid_response', response.status);
		}
		return response.data;
	};

	const test = async (z: ZObject, bundle: Bundle): Promise<unknown> => {
		const userInfo = vendor.api.userInfo;
		if (userInfo) {
			// the vendor's documented user information (Worksection POST /oauth2/resource): client and token in the form
			const env = zapierEnv();
			const { fields } = userInfo;
			const response = await z.request({
				method: 'POST',
				url: userInfoUrlOf(vendor, env) ?? userInfo.url.url,
				headers: { 'Content-Type': FORM_CONTENT_TYPE, Accept: 'application/json' },
				body: encodeForm({ [fields.clientId]: env.clientId, [fields.clientSecret]: env.clientSecret, [fields.accessToken]: text(bundle.authData.access_token) }),
			});
			return answered(z, response, 'the token URL (TOKEN_URL), beside which it sits');
		}
		const { method, path, qs, fromHostRoot } = vendor.api.testRequest;
		const url = fromHostRoot ? hostRootUrl(vendor, bundle, path) : apiUrl(vendor, bundle.authData, path);
		const response = await z.request({ method, url, params: qs });
		return answered(z, response, 'the API base URL (API_BASE_URL)');
	};

	// bundle.inputData holds the test result here; kept token fields (Weekdone user) come from authData,
	// the tokens themselves never do: a label is shown to the user. A vendor whose test answer names no
	// account (Worktual lists contacts) is labelled with the API host the connection uses, which tells
	// regional accounts (worktual.co.uk, worktual.in) apart (integration check D003: every app has a label).
	const label = async (z: ZObject, bundle: Bundle): Promise<string> => {
		const { access_token: _access, refresh_token: _refresh, ...kept } = fromAuthData(vendor, bundle.authData);
		const named = connectionLabel(vendor, { ...kept, ...(bundle.inputData ?? {}) });
		if (named) return named;
		try {
			return new URL(apiUrl(vendor, bundle.authData, '/')).host;
		} catch {
			return new URL(vendor.api.baseUrl.url).host;
		}
	};

	const scope = oauth2.scopes.default.join(oauth2.scopes.separator);
	return {
		type: 'oauth2',
		oauth2Config: {
			authorizeUrl,
			getAccessToken,
			...(oauth2.refresh ? { refreshAccessToken, autoRefresh: true } : {}),
			...(scope ? { scope } : {}),
			...(oauth2.authorize.pkce ? { enablePkce: true } : {}),
		},
		fields: computedFields(vendor),
		test,
		connectionLabel: label,
	};
}
