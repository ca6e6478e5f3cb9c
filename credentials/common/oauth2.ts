import type { IAuthenticateRuleResponseCode, ICredentialDataDecryptedObject, ICredentialTestRequest, IDataObject, INodeProperties } from 'n8n-workflow';

import type { ApiRequestSpec, VendorDefinition } from '../../shared/types';
import {
	alternativeOf,
	apiBaseUrlField,
	clientAuthToN8n,
	editableHeaderFields,
	FIELD,
	hidden,
	mandatoryHeaderValues,
	needsPrefixChoice,
	notice,
	redirectUriField,
	tokenPrefixField,
	unconfirmedHeaderFormat,
	unconfirmedHeaderValues,
	unconfirmedNotice,
	unconfirmedUrl,
	urlField,
} from './fields';

/**
 * Expression building blocks. n8n resolves credential fields as expressions with `$self` = the credential's
 * own data, including the stored `oauthTokenData` (github.com/n8n-io/n8n packages/cli/src/credentials-helper.ts,
 * `applyDefaultsAndOverwrites`). Every refresh, in any context (execution, poll, dropdown, webhook
 * activation), posts to the resolved `accessTokenUrl`: n8n-core `createOAuth2Client` reads it, and
 * `@n8n/client-oauth2` `ClientOAuth2Token.refresh` posts there with a fixed body. The code exchange in the
 * OAuth callback resolves the same field. `$executionId` only tells executions apart, so what separates a
 * refresh from a first connect is whether a grant is stored.
 */
const TOKEN_DATA = '($self.oauthTokenData || {})';

function self(field: string): string {
	return `$self[${JSON.stringify(field)}]`;
}

function appendQuery(urlExpr: string, name: string, valueExpr: string): string {
	return `${urlExpr} + (${urlExpr}.includes("?") ? "&" : "?") + ${JSON.stringify(`${encodeURIComponent(name)}=`)} + encodeURIComponent(${valueExpr})`;
}

/**
 * A refresh token is stored and may still be alive. Where the vendor documents the refresh token's lifetime
 * (Worksection: one month), a grant older than that counts as gone: it was issued with the last access token,
 * at `n8n_expires_at - expires_in` (n8n writes both, `addExpiresAt`). Then the next token request is a
 * reconnect's code exchange, not a refresh that could still succeed.
 */
export function liveGrantExpression(vendor: VendorDefinition): string {
	const stored = `Boolean(${TOKEN_DATA}.refresh_token)`;
	const lifetime = vendor.oauth2.lifetimes.refreshToken;
	if (!lifetime) return stored;
	const issuedAt = `(Number(${TOKEN_DATA}.n8n_expires_at) - Number(${TOKEN_DATA}.expires_in) * 1000)`;
	// NaN (no expiry stored) compares false: the grant counts as alive.
	return `(${stored} && !(${issuedAt} + ${lifetime * 1000} < Date.now()))`;
}

/** True when the user must paste the callback URL: a vendor wants it somewhere n8n does not send it. */
export function needsRedirectUri(vendor: VendorDefinition): boolean {
	const { authorize, token, refresh } = vendor.oauth2;
	return refresh?.sendRedirectUri === true || authorize.paramNames.redirectUri !== 'redirect_uri' || token.paramNames.redirectUri !== 'redirect_uri';
}

/**
 * n8n has one token URL for the code exchange and every refresh (github.com/n8n-io/n8n
 * packages/core/src/execution-engine/node-execution-context/utils/request-helpers/oauth.ts, createOAuth2Client).
 * Where the vendor refreshes elsewhere, or wants redirect_uri on refresh, the URL is switched on a stored, live
 * grant, which holds in every context n8n refreshes in (executions, polls, dropdowns, webhook (de)activation):
 * - separate refresh URL (Worksection /oauth2/refresh);
 * - redirect_uri on refresh (Weekdone): n8n's refresh body is fixed (refresh_token, grant_type, client
 *   auth; `ClientOAuth2Token.refresh` builds it and merges only its own options, n8n#24624), so the value rides
 *   in the query. That Weekdone reads it there is an assumption (README, "Weekdone refresh in n8n").
 * Limit: a reconnect while the grant is alive resolves to the refresh URL too, so the credential's notice
 * asks the user to Disconnect first (n8n then deletes the stored token data).
 */
export function accessTokenUrlExpression(vendor: VendorDefinition): string {
	const refresh = vendor.oauth2.refresh;
	const tokenUrl = self(FIELD.tokenUrl);
	if (!refresh || (!refresh.url && !refresh.sendRedirectUri)) return `={{ ${tokenUrl} }}`;
	let refreshUrl = refresh.url ? self(FIELD.refreshUrl) : tokenUrl;
	if (refresh.sendRedirectUri) {
		refreshUrl = `(${appendQuery(refreshUrl, vendor.oauth2.token.paramNames.redirectUri, self(FIELD.redirectUri))})`;
	}
	return `={{ ${liveGrantExpression(vendor)} ? ${refreshUrl} : ${tokenUrl} }}`;
}

/** Fixed extra authorize parameters, plus the vendor's own redirect parameter when it renames it (Worktual). */
export function authQueryParametersValue(vendor: VendorDefinition): string {
	const { authorize } = vendor.oauth2;
	const fixed = Object.entries(authorize.extraParams).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
	if (authorize.paramNames.redirectUri === 'redirect_uri') return fixed.join('&');
	const prefix = [...fixed, `${encodeURIComponent(authorize.paramNames.redirectUri)}=`].join('&');
	return `={{ ${JSON.stringify(prefix)} + encodeURIComponent(${self(FIELD.redirectUri)}) }}`;
}

/**
 * Overrides merged into the code-exchange body (n8n's OAuth2 callback parses `additionalBodyProperties` into the
 * exchange body, github.com/n8n-io/n8n packages/cli/src/controllers/oauth/oauth2-credential.controller.ts): the vendor's grant spelling and its
 * renamed redirect field. Undefined when the vendor uses the RFC names.
 */
export function codeExchangeBodyExpression(vendor: VendorDefinition): string | undefined {
	const { token } = vendor.oauth2;
	const parts: string[] = [];
	if (token.grantTypes.authorizationCode !== 'authorization_code') {
		parts.push(`${JSON.stringify(token.paramNames.grantType)}: ${JSON.stringify(token.grantTypes.authorizationCode)}`);
	}
	if (token.paramNames.redirectUri !== 'redirect_uri') {
		parts.push(`${JSON.stringify(token.paramNames.redirectUri)}: ${self(FIELD.redirectUri)}`);
	}
	if (parts.length === 0) return undefined;
	return `={{ JSON.stringify({ ${parts.join(', ')} }) }}`;
}

function scopeValue(vendor: VendorDefinition, scopes: string[]): string {
	return scopes.join(vendor.oauth2.scopes.separator);
}

const DAY_SECONDS = 86400;

/**
 * The refresh token dies when unused for its documented lifetime (WebWork 30 days, Worksection one month).
 * n8n refreshes only when a call gets the vendor's expired status, so a credential no workflow uses for
 * that long has to be reconnected.
 */
export function idleExpiryNotice(vendor: VendorDefinition): string | undefined {
	const lifetime = vendor.oauth2.lifetimes.refreshToken;
	if (!lifetime || !vendor.oauth2.refresh) return undefined;
	const days = Math.round(lifetime / DAY_SECONDS);
	const renewed = vendor.oauth2.refresh.rotatesRefreshToken ? 'Each renewal starts the period again' : 'Renewing does not extend it';
	return `${vendor.displayName} refresh tokens expire after ${days} days without use. n8n renews the access token only when a workflow using this credential calls ${vendor.displayName}; ${renewed.charAt(0).toLowerCase()}${renewed.slice(1)}. If nothing uses the credential for ${days} days, reconnect it. To avoid that, let a workflow use it at least weekly (for example a Schedule Trigger or a polling trigger).`;
}

/**
 * With a separate refresh URL, the token URL switches on a stored grant (accessTokenUrlExpression): a
 * reconnect over a grant that still works must start from a disconnected credential.
 */
function reconnectNotice(vendor: VendorDefinition): string | undefined {
	if (!vendor.oauth2.refresh?.url) return undefined;
	return `To connect another ${vendor.displayName} account while this connection still works, click Disconnect first, then Connect.`;
}

/**
 * n8n's HTTP Request node ("Predefined Credential Type") signs OAuth2 credentials itself: an
 * `Authorization: Bearer` header, no extra headers and no node options for community credentials
 * (github.com/n8n-io/n8n packages/nodes-base/nodes/HttpRequest/GenericFunctions.ts,
 * getOAuth2AdditionalParameters). What a vendor needs beyond that is said here, with the way out.
 */
export function httpRequestNodeNotice(vendor: VendorDefinition): string | undefined {
	const { tokenPlacement, headers, baseUrlFromToken } = vendor.api;
	const name = vendor.displayName;
	const way = `use the ${name} node's Custom API Call operation, which applies it`;
	if (tokenPlacement.in === 'query') {
		return `n8n's HTTP Request node cannot use this credential: ${name} wants the token in the "${tokenPlacement.name}" query parameter, and the HTTP Request node only sends a Bearer header. For endpoints the node does not cover, ${way}.`;
	}
	const notes: string[] = [];
	if (tokenPlacement.name.toLowerCase() === 'authorization' && tokenPlacement.prefix === '') {
		notes.push(`it sends the token as "Bearer <token>": if ${name} rejects that, ${way}`);
	}
	const headerList = Object.entries(headers).map(([key, value]) => `${key}: ${value}`);
	if (headerList.length > 0) notes.push(`add the header ${headerList.join(', ')} yourself under Send Headers (the credential cannot add it there), or ${way}`);
	if (baseUrlFromToken) notes.push(`use your account's own address + ${baseUrlFromToken.path} as the URL`);
	return notes.length > 0 ? `In n8n's HTTP Request node ${notes.join('; ')}.` : undefined;
}

function notices(vendor: VendorDefinition): INodeProperties[] {
	return [
		['idleExpiryNotice', idleExpiryNotice(vendor)],
		['reconnectNotice', reconnectNotice(vendor)],
		['httpRequestNodeNotice', httpRequestNodeNotice(vendor)],
	].flatMap(([name, text]) => (text ? [notice(name as string, text)] : []));
}

/**
 * n8n's oAuth2Api grant for the authorization-code flow: 'pkce' when the vendor's authorize step uses PKCE (n8n
 * then sends code_challenge (S256) on the authorize URL and code_verifier on the exchange, as Zapier's
 * enablePkce does), else 'authorizationCode'. The values are the options of oAuth2Api's grantType in n8n 2.41
 * (packages/nodes-base/credentials/OAuth2Api.credentials.ts).
 */
export function authorizationCodeGrant(vendor: VendorDefinition): 'pkce' | 'authorizationCode' {
	return vendor.oauth2.authorize.pkce ? 'pkce' : 'authorizationCode';
}

/** Properties of `<prefix>OAuth2Api` (authorization code), layered over n8n's oAuth2Api. */
export function oAuth2Properties(vendor: VendorDefinition): INodeProperties[] {
	const { oauth2, api } = vendor;
	const unconfirmed = [
		unconfirmedUrl('Authorization URL', oauth2.authorize.url),
		unconfirmedUrl('Access Token URL', oauth2.token.url),
		oauth2.refresh?.url ? unconfirmedUrl('Refresh Token URL', oauth2.refresh.url) : undefined,
		oauth2.revoke ? unconfirmedUrl('Revoke Token URL', oauth2.revoke.url) : undefined,
		unconfirmedUrl('API Base URL', api.baseUrl),
		...unconfirmedHeaderValues(vendor),
		unconfirmedHeaderFormat(api.tokenPlacement),
	];
	const props: INodeProperties[] = [
		...notices(vendor),
		// Required and easy to miss: first, right under n8n's own OAuth Redirect URL that it copies.
		...(needsRedirectUri(vendor) ? [redirectUriField(vendor)] : []),
		// Right above the URL fields it is about.
		...unconfirmedNotice(vendor, unconfirmed),
		hidden('grantType', authorizationCodeGrant(vendor), 'Grant Type'),
		urlField(FIELD.authUrl, 'Authorization URL', oauth2.authorize.url),
		urlField(FIELD.tokenUrl, 'Access Token URL', oauth2.token.url),
	];
	if (oauth2.refresh?.url) props.push(urlField(FIELD.refreshUrl, 'Refresh Token URL', oauth2.refresh.url));
	if (oauth2.revoke) props.push(urlField(FIELD.revokeUrl, 'Revoke Token URL', oauth2.revoke.url));
	props.push(apiBaseUrlField(vendor), ...editableHeaderFields(vendor));
	if (needsPrefixChoice(api.tokenPlacement)) props.push(tokenPrefixField(vendor));
	props.push(
		hidden('accessTokenUrl', accessTokenUrlExpression(vendor), 'Access Token URL (Resolved)'),
		hidden('scope', scopeValue(vendor, oauth2.scopes.default), 'Scope'),
		hidden('authQueryParameters', authQueryParametersValue(vendor), 'Auth URI Query Parameters'),
		hidden('authentication', clientAuthToN8n(oauth2.token.clientAuth), 'Authentication'),
	);
	const body = codeExchangeBodyExpression(vendor);
	if (body) props.push(hidden('additionalBodyProperties', body, 'Additional Body Properties'));
	return props;
}

/**
 * For vendors that answer the token in a one-element array (Worktual), n8n stores it as {"0": {...}} and its
 * own signing (HTTP Request node, any caller without our `property` option) finds no access_token. n8n runs a
 * credential's preAuthentication before each OAuth2 request and signs with what it returns, in memory
 * (n8n-core >= 2.25, requestOAuth2 → runPreAuthentication), so the array entry is lifted to the top level.
 * Returns nothing (n8n then keeps the data as it is) when there is nothing to lift.
 */
export function liftArrayTokenPreAuthentication(vendor: VendorDefinition) {
	return async function (credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		if (vendor.oauth2.token.responseShape !== 'array') return {};
		const data = credentials.oauthTokenData;
		if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
		const first = (data as IDataObject)['0'];
		if (!first || typeof first !== 'object' || Array.isArray(first)) return {};
		const token = first as IDataObject;
		if (typeof token.access_token !== 'string' || token.access_token === '') return {};
		return { oauthTokenData: { ...(data as IDataObject), ...token } };
	};
}

/**
 * The endpoints of a credential whose grant goes straight to the token URL (client credentials, password): the
 * Access Token URL and API Base URL fields with the vendor's editable headers, and which of them no document confirms.
 */
export function tokenUrlEndpoints(vendor: VendorDefinition): { unconfirmed: Array<string | undefined>; fields: INodeProperties[] } {
	return {
		unconfirmed: [unconfirmedUrl('Access Token URL', vendor.oauth2.token.url), unconfirmedUrl('API Base URL', vendor.api.baseUrl), ...unconfirmedHeaderValues(vendor)],
		fields: [urlField(FIELD.tokenUrl, 'Access Token URL', vendor.oauth2.token.url), apiBaseUrlField(vendor), ...editableHeaderFields(vendor)],
	};
}

/** Properties of a client-credentials alternative (server-to-server, no user consent). */
export function clientCredentialsProperties(vendor: VendorDefinition, credentialName: string): INodeProperties[] {
	const alt = alternativeOf(vendor, 'clientCredentials', credentialName);
	const endpoints = tokenUrlEndpoints(vendor);
	return [
		...unconfirmedNotice(vendor, endpoints.unconfirmed),
		hidden('grantType', 'clientCredentials', 'Grant Type'),
		...endpoints.fields,
		hidden('accessTokenUrl', `={{ ${self(FIELD.tokenUrl)} }}`, 'Access Token URL (Resolved)'),
		hidden('scope', scopeValue(vendor, alt.scopes), 'Scope'),
		hidden('authentication', clientAuthToN8n(alt.clientAuth), 'Authentication'),
		// Visible in oAuth2Api for client credentials with body auth; nothing to add for these vendors.
		hidden('sendAdditionalBodyProperties', false, 'Send Additional Body Properties'),
		hidden('additionalBodyProperties', '', 'Additional Body Properties'),
	];
}

/** Where a credential test goes: a path under one of the credential's URL fields (default: the API base). */
export interface TestTarget {
	baseField?: string;
	fromHostRoot?: boolean;
	method?: ApiRequestSpec['method'];
	path: string;
	qs?: Record<string, string>;
}

/**
 * The vendor's cheap request (or `target`) at the credential's API base, with the mandatory headers. For
 * client credentials n8n fetches the token on the first signed request, so the test proves the whole grant
 * (the editor runs tests for that grant, not for authorization code).
 */
export function apiTestRequest(vendor: VendorDefinition, target: TestTarget = vendor.api.testRequest): ICredentialTestRequest {
	const headers = mandatoryHeaderValues(vendor);
	// A host-root route (Wordapp token info) climbs out of the API base path, as the nodes do (nodes/transport/request-options.ts hostRootPath).
	const depth = new URL(vendor.api.baseUrl.url).pathname.split('/').filter((s) => s !== '').length;
	const url = target.fromHostRoot ? '../'.repeat(depth) + target.path.replace(/^\/+/, '') : target.path;
	return {
		request: {
			baseURL: `={{ $credentials[${JSON.stringify(target.baseField ?? FIELD.apiBaseUrl)}] }}`,
			url,
			method: target.method ?? 'GET',
			...(target.qs ? { qs: { ...target.qs } } : {}),
			...(Object.keys(headers).length > 0 ? { headers: { ...headers } } : {}),
		},
		// n8n checks each rule by its type; its declared type only lists single-kind arrays
		rules: [...vendorErrorRules(vendor), ...unconfirmedRouteRules(vendor, target)] as NonNullable<ICredentialTestRequest['rules']>,
	};
}

/**
 * A test request no vendor document names (Wordapp's token info, `documented: false` API base): a 404 says
 * which URL to set instead of n8n's bare "Not Found".
 */
function unconfirmedRouteRules(vendor: VendorDefinition, target: TestTarget): IAuthenticateRuleResponseCode[] {
	if (vendor.api.baseUrl.documented || target.baseField) return [];
	return [
		{
			type: 'responseCode',
			properties: {
				value: 404,
				message: `${vendor.displayName} has no ${target.path} at this address: set API Base URL to your ${vendor.displayName} API address (default ${vendor.api.baseUrl.url})`,
			},
		},
	];
}

/** The error envelopes the vendor answers with HTTP 200 (its definition's `api.errorEnvelopes`), as n8n test rules. */
export function vendorErrorRules(vendor: VendorDefinition): NonNullable<ICredentialTestRequest['rules']> {
	return vendor.api.errorEnvelopes.map((envelope) => ({
		type: 'responseSuccessBody' as const,
		properties: { key: envelope.path, value: envelope.equals, message: `${vendor.displayName} rejected the credential` },
	}));
}
