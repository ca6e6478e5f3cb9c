// Fixed credentials of the sandbox's emulated vendor accounts. They are public on purpose:
// the sandbox only ever runs on loopback, and tests, e2e and the playground share them.

import { SANDBOX_VENDORS, type SandboxVendorEntry } from './vendors';

/**
 * The vendors the sandbox emulates, in the order of the registry sandbox/vendors/index.ts. Kept apart from
 * shared/vendors (the sandbox imports nothing from shared/, so a wrong definition shows up as a failure);
 * test/registry/registry.test.ts checks that it emulates exactly the registry's vendors.
 */
export type VendorId = SandboxVendorEntry['id'];
export const VENDOR_IDS: readonly VendorId[] = SANDBOX_VENDORS.map((vendor) => vendor.id);

export function isVendorId(value: unknown): value is VendorId {
	return typeof value === 'string' && (VENDOR_IDS as readonly string[]).includes(value);
}

/** The registry entry of one vendor. */
export function sandboxVendor(id: VendorId): SandboxVendorEntry {
	const entry = SANDBOX_VENDORS.find((vendor) => vendor.id === id);
	if (!entry) throw new Error(`sandbox: no vendor ${id}`);
	return entry;
}

export interface RegisteredClient {
	clientId: string;
	clientSecret: string;
	/**
	 * Registered redirect URIs, matched exactly ("Must match exactly", WebWork; "must match the Redirect
	 * URL specified in the application settings", Weekdone). Per-vendor extras on top of the shared list.
	 */
	redirectUris?: string[];
}

export function defaultClient(vendor: VendorId): RegisteredClient {
	return { clientId: `sandbox-${vendor}-client`, clientSecret: `sandbox-${vendor}-secret` };
}

export const SANDBOX_CLIENTS: Readonly<Record<VendorId, RegisteredClient>> = Object.fromEntries(
	VENDOR_IDS.map((vendor) => [vendor, defaultClient(vendor)]),
) as Record<VendorId, RegisteredClient>;

/**
 * Registered for every sandbox app unless the sandbox is started with its own list: a default local n8n's
 * OAuth callback (both host spellings) and one Zapier app's return URL. Plain-http URIs still fail for
 * Worksection, which demands HTTPS, unless the worksection-http-redirect assumption is on.
 */
export const DEFAULT_REDIRECT_URIS: readonly string[] = [
	'http://localhost:5678/rest/oauth2-credential/callback',
	'http://127.0.0.1:5678/rest/oauth2-credential/callback',
	'https://zapier.com/dashboard/auth/oauth/return/App1CLIAPI/',
];

// Each vendor's further fixed secrets live in its own sandbox files; re-exported here for the tests, e2e and
// bench that import every sandbox secret from this file.
export { WEBWORK_PAT } from './vendors/webwork-tracker';
export { WORKTUAL_PRIVATE_TOKEN } from './vendors/worktual';
export { WORKSECTION_ADMIN_KEY } from './vendors/worksection-api';
export { WORDAPP_USER } from './seed/wordapp';
