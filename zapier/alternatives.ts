/**
 * Alternative-credential integrations: Zapier allows one authentication scheme per integration version, so
 * each credential a vendor documents besides OAuth2 gets its own integration (folder dist/zapier/<id>-<suffix>/)
 * with the same operations. This module maps a definition (and an alternative, if any) to the app's
 * authentication and request middleware.
 */
import type { AfterResponseMiddleware, Authentication, BeforeRequestMiddleware } from 'zapier-platform-core';

import type { AlternativeAuth, VendorDefinition } from '../shared/types';
import type { VendorOperations } from '../shared/operations/types';
import { adminKeyAuthentication, adminKeyCatalogue, adminKeyVendor, signAdminRequest } from './admin-key-auth';
import { buildAuthentication } from './authentication';
import { clientCredentialsAuthentication, clientCredentialsVendor } from './client-credentials-auth';
import { buildAfterResponse, buildBeforeRequest } from './middleware';
import { tokenAuthentication, tokenVendor } from './token-auth';

/** The alternatives Zapier can carry (the password grant has no integration: it would store the user's password). */
export type ZapierAlternative = Extract<AlternativeAuth, { kind: 'personalToken' | 'adminApiKey' | 'clientCredentials' }>;

/** Folder (and package) suffix per kind. */
const FOLDER_SUFFIX: Record<ZapierAlternative['kind'], string> = {
	personalToken: 'personal-token',
	adminApiKey: 'admin-api-key',
	clientCredentials: 'client-credentials',
};

function isZapierAlternative(alt: AlternativeAuth): alt is ZapierAlternative {
	return alt.kind in FOLDER_SUFFIX;
}

/** The vendor's alternatives that get an integration: the first of each kind (the folder name is per kind). */
export function zapierAlternatives(vendor: VendorDefinition): ZapierAlternative[] {
	const first = new Map<string, ZapierAlternative>();
	for (const alt of vendor.alternatives) if (isZapierAlternative(alt) && !first.has(alt.kind)) first.set(alt.kind, alt);
	return [...first.values()];
}

export function alternativeFolderName(vendor: VendorDefinition, alt: ZapierAlternative): string {
	return `${vendor.id}-${FOLDER_SUFFIX[alt.kind]}`;
}

export interface AuthScheme {
	/** The definition the app's operations, requests and errors use (an alternative's base URL, test, placement). */
	vendor: VendorDefinition;
	authentication: Authentication;
	beforeRequest: BeforeRequestMiddleware[];
	afterResponse: AfterResponseMiddleware[];
	/** The catalogue as this credential sees it (the admin key's required inputs); the vendor's own when left out. */
	adaptCatalogue?: (catalogue: VendorOperations) => VendorOperations;
}

/** The authentication and middleware of the OAuth2 integration, or of one alternative's. */
export function authScheme(definition: VendorDefinition, alternative?: ZapierAlternative): AuthScheme {
	if (!alternative) {
		return { vendor: definition, authentication: buildAuthentication(definition), beforeRequest: [buildBeforeRequest(definition)], afterResponse: [buildAfterResponse(definition)] };
	}
	switch (alternative.kind) {
		case 'personalToken': {
			// the token's placement, no refresh: a rejected token asks for a new connection (token-auth.ts)
			const vendor = tokenVendor(definition, alternative);
			return { vendor, authentication: tokenAuthentication(vendor, alternative), beforeRequest: [buildBeforeRequest(vendor)], afterResponse: [buildAfterResponse(vendor)] };
		}
		case 'adminApiKey': {
			// the first middleware resolves the URL on the account host, the second signs it (admin-key-auth.ts)
			const vendor = adminKeyVendor(definition, alternative);
			return {
				vendor,
				authentication: adminKeyAuthentication(vendor, alternative),
				beforeRequest: [buildBeforeRequest(vendor), signAdminRequest(vendor, alternative)],
				afterResponse: [buildAfterResponse(vendor)],
				adaptCatalogue: (catalogue) => adminKeyCatalogue(catalogue, alternative),
			};
		}
		case 'clientCredentials': {
			// a new grant renews the token: expiry and 401 raise RefreshAuthError, Zapier reruns the session (client-credentials-auth.ts)
			const renewal = { renewable: true };
			const vendor = clientCredentialsVendor(definition, alternative);
			return {
				vendor,
				authentication: clientCredentialsAuthentication(vendor, alternative),
				beforeRequest: [buildBeforeRequest(vendor, renewal)],
				afterResponse: [buildAfterResponse(vendor, renewal)],
			};
		}
	}
}
