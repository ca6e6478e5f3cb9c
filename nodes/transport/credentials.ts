import type { ICredentialDataDecryptedObject, IOAuth2Options } from 'n8n-workflow';

import { FIELD, needsPrefixChoice } from '../../credentials/common';
import { readPath } from '../../shared/oauth/api';
import type { AlternativeAuth, VendorDefinition } from '../../shared/types';

/**
 * Which credential a node call uses and what n8n needs to know about it: the credential type names, the
 * `authentication` options a node offers, and the IOAuth2Options n8n signs and refreshes with.
 */

export type CredentialAuth = { kind: 'authorizationCode' } | AlternativeAuth;

/** The vendor's main OAuth2 credential type name. */
export function oAuth2CredentialName(vendor: VendorDefinition): string {
	return `${vendor.n8nPrefix}OAuth2Api`;
}

/**
 * n8n's lint wants credential display names to end in "API" (cred-class-field-display-name-missing-api); the
 * definitions' labels may not ("… Admin API Key", "… Personal Access Token"). The credential classes use this form.
 */
export function credentialDisplayName(label: string): string {
	if (/\bAPI$/.test(label)) return label;
	if (/\bAPI Key$/.test(label)) return label.replace(/ Key$/, '');
	return `${label} API`;
}

const KIND_LABEL: Record<AlternativeAuth['kind'], string | undefined> = {
	personalToken: undefined,
	clientCredentials: 'OAuth2 Client Credentials',
	password: 'Username and Password',
	adminApiKey: 'Admin API Key',
};

/**
 * Options for a node's `authentication` parameter, OAuth2 first, then the vendor's alternatives
 * (value = credential type name, displayName = the credential type's display name).
 */
export function credentialTypesFor(vendor: VendorDefinition): Array<{ name: string; displayName: string; value: string }> {
	const prefix = new RegExp(`^${vendor.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+`);
	return [
		{ name: 'OAuth2', displayName: `${vendor.displayName} OAuth2 API`, value: oAuth2CredentialName(vendor) },
		...vendor.alternatives.map((alt) => ({
			name: KIND_LABEL[alt.kind] ?? alt.displayName.replace(prefix, ''),
			displayName: credentialDisplayName(alt.displayName),
			value: alt.credentialName,
		})),
	];
}

/** How the credential type authenticates: the vendor's OAuth2 authorization code, or one of its alternatives. */
export function authOf(vendor: VendorDefinition, credentialType: string): CredentialAuth {
	if (credentialType === oAuth2CredentialName(vendor)) return { kind: 'authorizationCode' };
	const alt = vendor.alternatives.find((a) => a.credentialName === credentialType);
	if (!alt) throw new Error(`${vendor.displayName} has no credential type "${credentialType}"`);
	return alt;
}

/** The IOAuth2Options the definition implies for an OAuth2 credential (authorization code or client credentials). */
export function oAuth2OptionsFor(vendor: VendorDefinition, credentialType: string, credentials: ICredentialDataDecryptedObject = {}): IOAuth2Options {
	const auth = authOf(vendor, credentialType);
	const placement = vendor.api.tokenPlacement;
	// A vendor token_type other than "bearer" would make n8n move the token to ?access_token=.
	const options: IOAuth2Options = { tokenType: 'Bearer', tokenExpiredStatusCode: vendor.api.expiredTokenStatus };
	if (placement.in === 'header') {
		const prefix = needsPrefixChoice(placement) ? String(credentials[FIELD.tokenPrefix] ?? '') : placement.prefix;
		if (prefix.trim() === '') options.keepBearer = false;
	}
	if (auth.kind === 'authorizationCode') {
		// n8n stores an array response as {"0": {...}}; a plain object still signs through the fallback.
		if (vendor.oauth2.token.responseShape === 'array') options.property = '0.access_token';
		// Nothing to refresh with: let the 401 surface instead of a confusing refresh failure.
		if (!vendor.oauth2.refresh) options.skipTokenRefresh = true;
	}
	return options;
}

/** The stored OAuth2 token response of a credential, if it holds one. */
export function tokenDataOf(credentials: ICredentialDataDecryptedObject): Record<string, unknown> | undefined {
	const data = credentials.oauthTokenData;
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/** The access token in a token response (at `property` when the vendor nests it, else `access_token`). */
export function accessTokenOf(tokenData: unknown, property?: string): string | undefined {
	const nested = property ? readPath(tokenData, property) : undefined;
	const value = typeof nested === 'string' && nested !== '' ? nested : readPath(tokenData, 'access_token');
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A text field of the credential ('' when unset). */
export function credentialText(credentials: ICredentialDataDecryptedObject, field: string): string {
	const value = credentials[field];
	return typeof value === 'string' ? value : '';
}
