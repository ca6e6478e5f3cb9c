import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import type { ApiRequestSpec, VendorDefinition } from '../../shared/types';
import {
	alternativeOf,
	apiBaseUrlField,
	clientAuthToN8n,
	FIELD,
	hidden,
	needsPrefixChoice,
	redirectUriField,
	tokenPrefixField,
	urlField,
} from './fields';

/**
 * Expression building blocks. n8n resolves credential fields as expressions with `$self` = the credential's
 * own data (including oauthTokenData) and `$executionId`, which is "__UNKNOWN__" outside a workflow
 * execution, e.g. in the OAuth callback that exchanges the code (research/n8n.md §1.2).
 */
const IN_EXECUTION = '($executionId && $executionId !== "__UNKNOWN__")';
const HAS_STORED_GRANT = '($self.oauthTokenData || {}).refresh_token';

function self(field: string): string {
	return `$self[${JSON.stringify(field)}]`;
}

function appendQuery(urlExpr: string, name: string, valueExpr: string): string {
	return `${urlExpr} + (${urlExpr}.includes("?") ? "&" : "?") + ${JSON.stringify(`${encodeURIComponent(name)}=`)} + encodeURIComponent(${valueExpr})`;
}

/** True when the user must paste the callback URL: a vendor wants it somewhere n8n does not send it. */
export function needsRedirectUri(vendor: VendorDefinition): boolean {
	const { authorize, token, refresh } = vendor.oauth2;
	return refresh?.sendRedirectUri === true || authorize.paramNames.redirectUri !== 'redirect_uri' || token.paramNames.redirectUri !== 'redirect_uri';
}

/**
 * n8n has one token URL for the code exchange and refreshes (n8n.md §10.1). Where the vendor refreshes
 * elsewhere, or wants redirect_uri on refresh (n8n's refresh body cannot carry it, n8n#24624), the URL is
 * switched by context:
 * - separate refresh URL (Worksection): only inside executions. Keying on stored tokens would send a
 *   reconnect's code exchange to the refresh URL (verified breakage, n8n.md §1.2).
 * - redirect_uri on refresh (Weekdone): appended as a query parameter inside executions, and whenever a
 *   grant is stored, so refreshes in polls and option lists (no execution id) carry it too. A reconnect then
 *   sends it in the query besides the body, with the same value.
 */
export function accessTokenUrlExpression(vendor: VendorDefinition): string {
	const refresh = vendor.oauth2.refresh;
	const tokenUrl = self(FIELD.tokenUrl);
	if (!refresh || (!refresh.url && !refresh.sendRedirectUri)) return `={{ ${tokenUrl} }}`;
	let refreshUrl = refresh.url ? self(FIELD.refreshUrl) : tokenUrl;
	if (refresh.sendRedirectUri) {
		refreshUrl = `(${appendQuery(refreshUrl, vendor.oauth2.token.paramNames.redirectUri, self(FIELD.redirectUri))})`;
	}
	const when = refresh.url ? IN_EXECUTION : `${IN_EXECUTION} || ${HAS_STORED_GRANT}`;
	return `={{ ${when} ? ${refreshUrl} : ${tokenUrl} }}`;
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
 * Overrides merged into the code-exchange body (n8n.md §2.1, verified): the vendor's grant spelling and its
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

/** Properties of `<prefix>OAuth2Api` (authorization code), layered over n8n's oAuth2Api. */
export function oAuth2Properties(vendor: VendorDefinition): INodeProperties[] {
	const { oauth2, api } = vendor;
	const props: INodeProperties[] = [
		hidden('grantType', 'authorizationCode', 'Grant Type'),
		urlField(FIELD.authUrl, 'Authorization URL', oauth2.authorize.url),
		urlField(FIELD.tokenUrl, 'Access Token URL', oauth2.token.url),
	];
	if (oauth2.refresh?.url) props.push(urlField(FIELD.refreshUrl, 'Refresh Token URL', oauth2.refresh.url));
	if (oauth2.revoke) props.push(urlField(FIELD.revokeUrl, 'Revoke Token URL', oauth2.revoke.url));
	props.push(apiBaseUrlField(vendor));
	if (needsRedirectUri(vendor)) props.push(redirectUriField(vendor));
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

/** Properties of a client-credentials alternative (server-to-server, no user consent). */
export function clientCredentialsProperties(vendor: VendorDefinition, credentialName: string): INodeProperties[] {
	const alt = alternativeOf(vendor, 'clientCredentials', credentialName);
	return [
		hidden('grantType', 'clientCredentials', 'Grant Type'),
		urlField(FIELD.tokenUrl, 'Access Token URL', vendor.oauth2.token.url),
		apiBaseUrlField(vendor),
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
	const { headers } = vendor.api;
	return {
		request: {
			baseURL: `={{ $credentials[${JSON.stringify(target.baseField ?? FIELD.apiBaseUrl)}] }}`,
			url: target.path,
			method: target.method ?? 'GET',
			...(target.qs ? { qs: { ...target.qs } } : {}),
			...(Object.keys(headers).length > 0 ? { headers: { ...headers } } : {}),
		},
		rules: vendorErrorRules(vendor),
	};
}

/** Error envelopes some vendors send with HTTP 200 (Worksection status:error, WebWork success:false). */
export function vendorErrorRules(vendor: VendorDefinition): NonNullable<ICredentialTestRequest['rules']> {
	return [
		{ type: 'responseSuccessBody', properties: { key: 'status', value: 'error', message: `${vendor.displayName} rejected the credential` } },
		{ type: 'responseSuccessBody', properties: { key: 'success', value: false, message: `${vendor.displayName} rejected the credential` } },
	];
}
