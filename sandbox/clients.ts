// Fixed credentials of the sandbox's emulated vendor accounts. They are public on purpose:
// the sandbox only ever runs on loopback, and tests, e2e and the playground share them.

/**
 * The vendors the sandbox emulates. Kept apart from shared/vendors (the sandbox imports nothing from
 * shared/, so a wrong definition shows up as a failure); test/registry/registry.test.ts checks that it
 * emulates exactly the registry's vendors.
 */
export const VENDOR_IDS = ['weekdone', 'worksection', 'worktual', 'webwork-tracker', 'wordapp'] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

export function isVendorId(value: unknown): value is VendorId {
	return typeof value === 'string' && (VENDOR_IDS as readonly string[]).includes(value);
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

export const WEBWORK_PAT = 'sandbox-webwork-pat';
export const WORKTUAL_PRIVATE_TOKEN = 'sandbox-worktual-private-token';
export const WORKSECTION_ADMIN_KEY = 'sandbox-worksection-admin-key';
export const WORDAPP_USER = {
	username: 'sandbox',
	email: 'sandbox@example.com',
	password: 'Sandbox-pass-1',
} as const;
