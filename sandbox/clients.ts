// Fixed credentials of the sandbox's emulated vendor accounts. They are public on purpose:
// the sandbox only ever runs on loopback, and tests, e2e and the playground share them.

export const VENDOR_IDS = ['weekdone', 'worksection', 'worktual', 'webwork-tracker', 'wordapp'] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

export function isVendorId(value: unknown): value is VendorId {
	return typeof value === 'string' && (VENDOR_IDS as readonly string[]).includes(value);
}

export interface RegisteredClient {
	clientId: string;
	clientSecret: string;
	/** Extra registered redirect URIs on top of the defaults; a trailing `*` matches any suffix. */
	redirectUris?: string[];
}

export function defaultClient(vendor: VendorId): RegisteredClient {
	return { clientId: `sandbox-${vendor}-client`, clientSecret: `sandbox-${vendor}-secret` };
}

export const SANDBOX_CLIENTS: Readonly<Record<VendorId, RegisteredClient>> = {
	weekdone: defaultClient('weekdone'),
	worksection: defaultClient('worksection'),
	worktual: defaultClient('worktual'),
	'webwork-tracker': defaultClient('webwork-tracker'),
	wordapp: defaultClient('wordapp'),
};

/** Registered for every client besides loopback URLs (Zapier's OAuth return URL). */
export const ZAPIER_REDIRECT_PATTERN = 'https://zapier.com/dashboard/auth/oauth/return/*';

export const WEBWORK_PAT = 'sandbox-webwork-pat';
export const WORKTUAL_PRIVATE_TOKEN = 'sandbox-worktual-private-token';
export const WORKSECTION_ADMIN_KEY = 'sandbox-worksection-admin-key';
export const WORDAPP_USER = {
	username: 'sandbox',
	email: 'sandbox@example.com',
	password: 'Sandbox-pass-1',
} as const;
