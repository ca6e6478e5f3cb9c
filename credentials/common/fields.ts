import type { INodeProperties } from 'n8n-workflow';

import type { AlternativeAuth, TokenPlacement, VendorDefinition, VendorUrl } from '../../shared/types';

/**
 * Property names the e2e suite overwrites through CREDENTIALS_OVERWRITE_DATA (and the transport reads).
 * Fixed: changing one breaks stored credentials and the sandbox wiring.
 */
export const FIELD = {
	clientId: 'clientId',
	clientSecret: 'clientSecret',
	authUrl: 'authUrl',
	tokenUrl: 'tokenUrl',
	refreshUrl: 'refreshUrl',
	revokeUrl: 'revokeUrl',
	apiBaseUrl: 'apiBaseUrl',
	redirectUri: 'redirectUri',
	tokenPrefix: 'tokenPrefix',
	accessToken: 'accessToken',
	refreshToken: 'refreshToken',
	accountUrl: 'accountUrl',
	apiKey: 'apiKey',
	username: 'username',
	password: 'password',
} as const;

/**
 * A URL the vendor documents is pinned (hidden, so a new package version wins over stored values);
 * one it leaves out stays editable, prefilled with the best guess and flagged as unconfirmed.
 */
export function urlField(name: string, displayName: string, url: VendorUrl): INodeProperties {
	if (url.documented) return { displayName, name, type: 'hidden', default: url.url };
	return {
		displayName,
		name,
		type: 'string',
		default: url.url,
		required: true,
		hint: `Unconfirmed: the vendor's documentation does not give this URL${url.note ? ` (${url.note})` : ''}. Check it against your app settings.`,
	};
}

/** A line of advice shown in the credential form (n8n's `notice` property type); it stores nothing. */
export function notice(name: string, text: string): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '' };
}

export function hidden(name: string, value: string | boolean, displayName = name): INodeProperties {
	return { displayName, name, type: 'hidden', default: value };
}

/** The user pastes n8n's callback URL where a vendor needs it outside the flow-owned redirect_uri. */
export function redirectUriField(vendor: VendorDefinition): INodeProperties {
	return {
		displayName: 'Redirect URL (Copy of the OAuth Redirect URL)',
		name: FIELD.redirectUri,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://your-n8n.example.com/rest/oauth2-credential/callback',
		description: `Paste the OAuth Redirect URL shown above. ${vendor.displayName} needs it again where n8n cannot add it by itself.`,
	};
}

/** A header placement without a scheme is what the doc prints but an unusual one: let the user add Bearer. */
export function needsPrefixChoice(placement: TokenPlacement): boolean {
	return placement.in === 'header' && placement.prefix === '';
}

export function tokenPrefixField(vendor: VendorDefinition): INodeProperties {
	return {
		displayName: 'Authorization Header Format',
		name: FIELD.tokenPrefix,
		type: 'options',
		default: '',
		options: [
			{ name: 'Token Only (as Documented)', value: '' },
			{ name: 'Bearer Token', value: 'Bearer ' },
		],
		description: `${vendor.displayName}'s documentation shows the token without a scheme. Switch to Bearer if your account rejects it.`,
	};
}

export function apiBaseUrlField(vendor: VendorDefinition): INodeProperties {
	return urlField(FIELD.apiBaseUrl, 'API Base URL', vendor.api.baseUrl);
}

/** The vendor's editable mandatory headers (`api.editableHeaders`) as credential fields, prefilled with the default value. */
export function editableHeaderFields(vendor: VendorDefinition): INodeProperties[] {
	return (vendor.api.editableHeaders ?? []).map((header) => ({
		displayName: `${header.name} Header`,
		name: header.credentialField,
		type: 'string' as const,
		default: vendor.api.headers[header.name] ?? '',
		description: `Sent as ${header.name} on every API call. Unconfirmed: ${header.note}. Change it if ${vendor.displayName} asks for another value.`,
	}));
}

/**
 * The mandatory headers of a declarative request (generic authenticate, credential test): an editable one
 * reads its credential field and falls back to the default when the field is empty.
 */
export function mandatoryHeaderValues(vendor: VendorDefinition): Record<string, string> {
	const headers = { ...vendor.api.headers };
	for (const header of vendor.api.editableHeaders ?? []) {
		const field = `$credentials[${JSON.stringify(header.credentialField)}]`;
		headers[header.name] = `={{ String(${field} || "").trim() || ${JSON.stringify(vendor.api.headers[header.name] ?? '')} }}`;
	}
	return headers;
}

/** The alternative of a given kind and credential name; a typo in a class file fails at load time. */
export function alternativeOf<K extends AlternativeAuth['kind']>(
	vendor: VendorDefinition,
	kind: K,
	credentialName: string,
): Extract<AlternativeAuth, { kind: K }> {
	const found = vendor.alternatives.find((alt) => alt.kind === kind && alt.credentialName === credentialName);
	if (!found) throw new Error(`${vendor.displayName} defines no ${kind} credential named ${credentialName}`);
	return found as Extract<AlternativeAuth, { kind: K }>;
}

export function clientAuthToN8n(clientAuth: 'body' | 'basic'): 'body' | 'header' {
	return clientAuth === 'basic' ? 'header' : 'body';
}
