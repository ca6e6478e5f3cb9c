/**
 * Alternative-credential integrations: a vendor's documented personal token (WebWork Tracker personal access
 * token, Worktual private app token) as its own Zapier integration, since Zapier allows one authentication
 * scheme per integration version. The user pastes the token; requests carry it where the vendor's document
 * says; a rejected token asks the user to reconnect (nothing refreshes it).
 */
import type { Authentication } from 'zapier-platform-core';

import type { AlternativeAuth, VendorDefinition } from '../shared/types';
import { buildAuthentication } from './authentication';

export type PersonalToken = Extract<AlternativeAuth, { kind: 'personalToken' }>;

/** The vendor's personal-token alternatives, by the folder suffix their integration gets. */
export function personalTokens(vendor: VendorDefinition): PersonalToken[] {
	return vendor.alternatives.filter((a): a is PersonalToken => a.kind === 'personalToken');
}

/** Folder (and package) name of a personal-token integration. */
export function tokenFolderName(vendor: VendorDefinition): string {
	return `${vendor.id}-personal-token`;
}

/**
 * The definition the token app's requests and errors use: the token's own placement, and no refresh (the
 * middleware then answers a 401 with "reconnect the account" instead of asking Zapier to refresh).
 */
export function tokenVendor(vendor: VendorDefinition, token: PersonalToken): VendorDefinition {
	return { ...vendor, oauth2: { ...vendor.oauth2, refresh: null }, api: { ...vendor.api, tokenPlacement: token.tokenPlacement } };
}

/** Custom authentication: one secret field stored as `access_token`, tested and labelled as the OAuth app is. */
export function tokenAuthentication(vendor: VendorDefinition, token: PersonalToken): Authentication {
	const oauth = buildAuthentication(vendor) as unknown as { test: Authentication['test']; connectionLabel: Authentication['connectionLabel'] };
	return {
		type: 'custom',
		fields: [
			{
				key: 'access_token',
				label: token.displayName,
				required: true,
				type: 'password',
				helpText: `Create it in ${token.whereToCreate} ([how, in ${vendor.displayName}'s documentation](${vendor.authDocUrl})). Lifetime: ${token.lifetime}; when it ends, reconnect with a new one.`,
			},
		],
		test: oauth.test,
		connectionLabel: oauth.connectionLabel,
	} as Authentication;
}
