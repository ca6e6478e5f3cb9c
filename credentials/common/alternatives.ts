import { createHash } from 'crypto';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { passwordToken, refreshToken } from '../../shared/oauth/lifecycle';
import type { HttpClient } from '../../shared/oauth/http';
import type { OAuthClient } from '../../shared/oauth/token-requests';
import type { AlternativeAuth, TokenPlacement, VendorDefinition } from '../../shared/types';
import {
	alternativeOf,
	apiBaseUrlField,
	editableHeaderFields,
	FIELD,
	mandatoryHeaderValues,
	needsPrefixChoice,
	tokenPrefixField,
	unconfirmedHeaderFormat,
	unconfirmedHeaderValues,
	unconfirmedNotice,
	unconfirmedUrl,
} from './fields';
import { n8nHttpClient } from './http';
import { RenewalMemo } from './renewals';
import { apiTestRequest, tokenUrlEndpoints, vendorErrorRules } from './oauth2';

const cred = (field: string) => `$credentials[${JSON.stringify(field)}]`;

/** Generic authenticate that puts `{{$credentials.<field>}}` where the placement says, plus the vendor's headers. */
function placeToken(vendor: VendorDefinition, placement: TokenPlacement, field: string, prefixField?: string): IAuthenticateGeneric {
	const headers: IDataObject = { ...mandatoryHeaderValues(vendor) };
	const qs: IDataObject = {};
	if (placement.in === 'query') {
		qs[placement.name] = `={{ ${cred(field)} }}`;
	} else {
		const prefix = prefixField ? `(${cred(prefixField)} || "")` : JSON.stringify(placement.prefix);
		headers[placement.name] = `={{ ${prefix} + ${cred(field)} }}`;
	}
	return {
		type: 'generic',
		properties: {
			...(Object.keys(headers).length > 0 ? { headers } : {}),
			...(Object.keys(qs).length > 0 ? { qs } : {}),
		},
	};
}

// ---- personal / private app token -------------------------------------------------------------

/** How a definition says the vendor states no lifetime for a token (`AlternativeAuth` personalToken `lifetime`). */
const NOT_DOCUMENTED = 'not documented';

export function personalTokenProperties(vendor: VendorDefinition, credentialName: string): INodeProperties[] {
	const alt = alternativeOf(vendor, 'personalToken', credentialName);
	// A lifetime the vendor does not state is an unconfirmed fact for the notice, not advice on the field.
	const lifetimeKnown = alt.lifetime !== NOT_DOCUMENTED;
	const unconfirmed = [
		lifetimeKnown ? undefined : 'how long the token stays valid',
		unconfirmedHeaderFormat(alt.tokenPlacement),
		unconfirmedUrl('API Base URL', vendor.api.baseUrl),
		...unconfirmedHeaderValues(vendor),
	];
	const props: INodeProperties[] = [
		...unconfirmedNotice(vendor, unconfirmed),
		{
			displayName: 'Access Token',
			name: FIELD.accessToken,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `Create it in ${alt.whereToCreate}.${lifetimeKnown ? ` Lifetime: ${alt.lifetime}.` : ''}`,
		},
	];
	if (needsPrefixChoice(alt.tokenPlacement)) props.push(tokenPrefixField(vendor));
	props.push(apiBaseUrlField(vendor), ...editableHeaderFields(vendor));
	return props;
}

export function personalTokenAuthenticate(vendor: VendorDefinition, credentialName: string): IAuthenticateGeneric {
	const alt = alternativeOf(vendor, 'personalToken', credentialName);
	return placeToken(vendor, alt.tokenPlacement, FIELD.accessToken, needsPrefixChoice(alt.tokenPlacement) ? FIELD.tokenPrefix : undefined);
}

export function personalTokenTest(vendor: VendorDefinition): ICredentialTestRequest {
	return apiTestRequest(vendor);
}

// ---- resource-owner password grant ------------------------------------------------------------

export function passwordProperties(vendor: VendorDefinition, credentialName: string): INodeProperties[] {
	const alt = alternativeOf(vendor, 'password', credentialName);
	const optionalClient = alt.clientAuth === 'none' ? 'Not needed' : 'Optional';
	const endpoints = tokenUrlEndpoints(vendor);
	return [
		...unconfirmedNotice(vendor, endpoints.unconfirmed),
		{ displayName: 'Username', name: FIELD.username, type: 'string', default: '', required: true, description: alt.whereToCreate },
		{ displayName: 'Password', name: FIELD.password, type: 'string', typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'Client ID', name: FIELD.clientId, type: 'string', default: '', description: `${optionalClient}: your application's API Key` },
		{
			displayName: 'Client Secret',
			name: FIELD.clientSecret,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `${optionalClient}: your application's Secret Key`,
		},
		...endpoints.fields,
		// Obtained and renewed by preAuthentication: n8n calls it when this is empty or a request got a 401,
		// and stores what it returns.
		{ displayName: 'Access Token', name: FIELD.accessToken, type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
		{ displayName: 'Refresh Token', name: FIELD.refreshToken, type: 'hidden', typeOptions: { password: true }, default: '' },
	];
}

/**
 * Gets a token by the stored refresh token when there is one, else (or when the refresh is refused) by the
 * password grant. Returns the fields n8n persists.
 */
export async function renewPasswordToken(
	http: HttpClient,
	vendor: VendorDefinition,
	alt: Extract<AlternativeAuth, { kind: 'password' }>,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const text = (field: string) => textOf(credentials, field);
	const client: Partial<OAuthClient> = {
		clientId: text(FIELD.clientId) || undefined,
		clientSecret: text(FIELD.clientSecret) || undefined,
		tokenUrl: text(FIELD.tokenUrl) || undefined,
	};
	const stored = text(FIELD.refreshToken);
	if (stored && vendor.oauth2.refresh) {
		try {
			const token = await refreshToken(http, vendor, client, { access_token: text(FIELD.accessToken), refresh_token: stored });
			return { [FIELD.accessToken]: token.access_token, [FIELD.refreshToken]: token.refresh_token ?? '' };
		} catch {
			// a refused or expired refresh token: start over with the password
		}
	}
	const token = await passwordToken(http, vendor, client, {
		username: text(FIELD.username),
		password: text(FIELD.password),
		clientAuth: alt.clientAuth,
	});
	return { [FIELD.accessToken]: token.access_token, [FIELD.refreshToken]: token.refresh_token ?? '' };
}

function textOf(credentials: ICredentialDataDecryptedObject, field: string): string {
	return typeof credentials[field] === 'string' ? (credentials[field] as string) : '';
}

/** One memo per process for every password credential; keys include the connection, so connections never share. */
const passwordRenewals = new RenewalMemo<IDataObject>();

/**
 * n8n calls this when the access token is empty or a request got a 401, without any lock, and persists what
 * it returns. Renewals are single-flight per process (renewals.ts): every run that saw the same token fail
 * gets the same new token, because each new Wordapp token invalidates the previous one. Separate processes
 * (queue-mode workers) can still renew once each.
 */
export function passwordPreAuthentication(vendor: VendorDefinition, credentialName: string) {
	const alt = alternativeOf(vendor, 'password', credentialName);
	return async function (this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		// everything the renewal depends on: a changed password or client never reuses another's renewal
		const connection = [credentialName, ...[FIELD.tokenUrl, FIELD.clientId, FIELD.clientSecret, FIELD.username, FIELD.password].map((field) => textOf(credentials, field))];
		const keyOf = (accessToken: unknown) => RenewalMemo.key(...connection, typeof accessToken === 'string' ? accessToken : '');
		return await passwordRenewals.renew(
			keyOf(credentials[FIELD.accessToken]),
			async () => await renewPasswordToken(n8nHttpClient(this.helpers), vendor, alt, credentials),
			(result) => keyOf(result[FIELD.accessToken]),
		);
	};
}

export function passwordAuthenticate(vendor: VendorDefinition): IAuthenticateGeneric {
	return placeToken(vendor, vendor.api.tokenPlacement, FIELD.accessToken);
}

export function passwordTest(vendor: VendorDefinition): ICredentialTestRequest {
	return apiTestRequest(vendor);
}

// ---- signed admin API key (Worksection) -------------------------------------------------------

export function adminApiKeyProperties(vendor: VendorDefinition, credentialName: string): INodeProperties[] {
	const alt = alternativeOf(vendor, 'adminApiKey', credentialName);
	return [
		{
			displayName: 'Account URL',
			name: FIELD.accountUrl,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://youraccount.worksection.com',
			description: `Your ${vendor.displayName} address; requests go to this host + ${alt.basePath}`,
		},
		{
			displayName: 'Admin API Key',
			name: FIELD.apiKey,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `${alt.whereToCreate}. It signs every request and is never sent itself.`,
		},
	];
}

/** RFC 3986 encoding (spaces as %20): the exact bytes hashed are the bytes sent, so any stable choice works. */
export function serializeQuery(qs: IDataObject | undefined): string {
	const parts: string[] = [];
	for (const [key, raw] of Object.entries(qs ?? {})) {
		if (raw === undefined || raw === null) continue;
		const value = Array.isArray(raw) ? raw.join(',') : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
		parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
	}
	return parts.join('&');
}

/**
 * hash = md5(<query string exactly as sent> + api key), appended as the last parameter. The query is
 * serialised here and moved into the URL, so nothing downstream re-encodes or reorders it.
 */
export function adminApiKeyAuthenticate(vendor: VendorDefinition, credentialName: string) {
	const alt = alternativeOf(vendor, 'adminApiKey', credentialName);
	return async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => {
		const [path, existing = ''] = (requestOptions.url ?? '').split('?', 2);
		const query = [existing, serializeQuery(requestOptions.qs)].filter((part) => part !== '').join('&');
		const hash = createHash('md5')
			.update(query + String(credentials[FIELD.apiKey] ?? ''))
			.digest('hex');
		const signed: IHttpRequestOptions = { ...requestOptions, url: `${path}?${query ? `${query}&` : ''}${alt.hashParam}=${hash}` };
		delete signed.qs;
		return signed;
	};
}

/** The account URL without trailing slashes, joined with the admin base path. */
export function adminBaseUrl(accountUrl: string, basePath: string): string {
	return `${accountUrl.replace(/\/+$/, '')}/${basePath.replace(/^\/+/, '')}`;
}

export function adminApiKeyTest(vendor: VendorDefinition, credentialName: string): ICredentialTestRequest {
	const alt = alternativeOf(vendor, 'adminApiKey', credentialName);
	const path = `/${alt.basePath.replace(/^\/+/, '')}`;
	return {
		request: {
			baseURL: `={{ String(${cred(FIELD.accountUrl)}).replace(/\\/+$/, "") }}${path}`,
			url: alt.testRequest.path,
			method: alt.testRequest.method,
			...(alt.testRequest.qs ? { qs: { ...alt.testRequest.qs } } : {}),
		},
		rules: vendorErrorRules(vendor),
	};
}
