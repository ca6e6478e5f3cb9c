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
 * one it leaves out stays editable, prefilled with the most likely value. That it is unconfirmed is said
 * once, in the credential's notice (unconfirmedNotice), not on the field.
 */
export function urlField(name: string, displayName: string, url: VendorUrl): INodeProperties {
	if (url.documented) return { displayName, name, type: 'hidden', default: url.url };
	return { displayName, name, type: 'string', default: url.url, required: true };
}

/** The URL as an unconfirmed fact for the notice, when the vendor's documentation does not give it. */
export function unconfirmedUrl(displayName: string, url: VendorUrl): string | undefined {
	return url.documented ? undefined : `the ${displayName}`;
}

/** The editable headers' values (`api.editableHeaders`): the documentation names each header, not its value. */
export function unconfirmedHeaderValues(vendor: VendorDefinition): string[] {
	return (vendor.api.editableHeaders ?? []).map((header) => `the ${header.name} header's value`);
}

/** A header placement without a scheme (needsPrefixChoice): whether the vendor also takes "Bearer" is open. */
export function unconfirmedHeaderFormat(placement: TokenPlacement): string | undefined {
	return needsPrefixChoice(placement) ? `whether the ${placement.name} header carries the token alone, as the documentation prints it, or as "Bearer <token>"` : undefined;
}

/**
 * Issue 10 (n8n UX guidelines): the facts a credential relies on that the vendor's documentation does not
 * confirm, stated once, plainly, at the top of the form. Each such value is editable below it.
 */
export function unconfirmedNotice(vendor: VendorDefinition, facts: Array<string | undefined>): INodeProperties[] {
	const named = facts.filter((fact): fact is string => fact !== undefined);
	if (named.length === 0) return [];
	const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
	const name = vendor.displayName;
	return [notice('unconfirmedNotice', `Not confirmed by ${name}'s documentation: ${list}. This credential uses the most likely values; if ${name} gives you different ones, change them here.`)];
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
		description: `How the token is sent to ${vendor.displayName} in the Authorization header`,
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
		description: `Sent as ${header.name} on every API call`,
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
