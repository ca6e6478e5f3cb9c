/**
 * What each vendor's own document says its OAuth server and API accept, written from
 * the vendors' public documents (docs/vendors/<id>.md summarises each, with its URL). Deliberately independent of shared/vendors/*:
 * the strict mock built on these rules exists to catch a wrong definition.
 */

/**
 * A vendor the strict mock knows: a registry id (shared/vendors/index.ts) or a test-only fixture vendor
 * (test/fixtures/) that adds its rules to VENDOR_RULES.
 */
export type MockVendorId = string;

/** Grants by their RFC 6749 name; `GrantRule.value` is how the vendor spells grant_type. */
export type Grant = 'authorization_code' | 'refresh_token' | 'client_credentials' | 'password';

/**
 * How the client must prove itself. `body-optional`: the doc lists no client fields, so none are needed,
 * but any sent must be right and must be form fields (Wordapp refresh and password grant).
 */
export type ClientAuthRule = 'body' | 'basic' | 'body-optional';

export interface GrantRule {
	/** Which URL accepts the grant. */
	endpoint: 'token' | 'refresh';
	value: string;
	clientAuth: ClientAuthRule;
	/** Form fields that must be present besides grant_type and the client credentials. */
	required: string[];
}

/** Where an API call may carry the access token. A header prefix '' means the raw token. */
export type TokenSpot = { in: 'header'; name: string; prefixes: string[] } | { in: 'query'; name: string };

export interface IssuedTokens {
	access: string;
	refresh: string;
	accountUrl: string;
}

export interface VendorRules {
	name: string;
	urls: (accountUrl: string) => { authorize: string; token: string; refresh: string; revoke?: string; apiBase: string };
	defaultAccountUrl?: string;
	/** Field names compared case-insensitively: Worktual's doc capitalises them at random (Code, Client_id, Grant_type). Default: exact. */
	foldFieldCase?: boolean;
	/** RFC spellings the vendor renamed, field or grant value → vendor's, to explain a rejection. Default: none. */
	renamed?: Record<string, string>;
	grants: Partial<Record<Grant, GrantRule>>;
	/** Each refresh returns a new refresh token and kills the old one. */
	rotatesRefreshToken: boolean;
	/** Revocation: the token as a form field plus the same token as a Bearer header (Wordapp doc §5). */
	revoke?: { tokenField: string };
	api: {
		accepts: TokenSpot[];
		/** Headers every API call must carry, name → exact value. Default: none. */
		headers?: Record<string, string>;
		/** The vendor's body for a missing or wrong token (HTTP 401). */
		unauthorized: object;
	};
	/** Default token-endpoint replies, in the shape the doc shows. */
	replies: Partial<Record<Grant, (t: IssuedTokens) => object | unknown[]>>;
}

/** RFC 6749's grants, by the RFC's name, with the fields the RFC requires besides grant_type and the client's. */
const RFC_REQUIRED: Record<Grant, string[]> = {
	authorization_code: ['code', 'redirect_uri'], // §4.1.3
	refresh_token: ['refresh_token'], // §6
	client_credentials: [], // §4.4.2
	password: ['username', 'password'], // §4.3.2
};

/** A grant exactly as RFC 6749 has it (grant_type spelled as the RFC does, the RFC's required fields), at the given URL. */
export function rfcGrant(grant: Grant, clientAuth: ClientAuthRule, endpoint: GrantRule['endpoint'] = 'token'): GrantRule {
	return { endpoint, value: grant, clientAuth, required: RFC_REQUIRED[grant] };
}

/** RFC 6750 §2.1: the token in the Authorization header as `Bearer <token>`. */
export const BEARER_HEADER: TokenSpot = { in: 'header', name: 'authorization', prefixes: ['Bearer '] };

const weekdone: VendorRules = {
	name: 'Weekdone',
	urls: () => ({
		authorize: 'https://weekdone.com/oauth_authorize',
		token: 'https://weekdone.com/oauth_token',
		refresh: 'https://weekdone.com/oauth_token',
		apiBase: 'https://api.weekdone.com/1', // docs/vendors/weekdone.md (every working client)
	}),
	rotatesRefreshToken: false,
	grants: {
		authorization_code: rfcGrant('authorization_code', 'body'),
		// doc: redirect_uri is "yes" (required) on refresh too
		refresh_token: { endpoint: 'token', value: 'refresh_token', clientAuth: 'body', required: ['refresh_token', 'redirect_uri'] },
	},
	api: {
		accepts: [{ in: 'query', name: 'token' }], // docs/vendors/weekdone.md: no working client relies on a Bearer header
		unauthorized: { status: 'error', message: 'Invalid or expired token' },
	},
	replies: {
		// doc: access_token, refresh_token and a `user` object; nothing else is listed
		authorization_code: (t) => ({ access_token: t.access, refresh_token: t.refresh, user: { id: 42, name: 'Test User', email: 'user@example.com' } }),
		refresh_token: (t) => ({ access_token: t.access }), // doc: "Response will be the new access_token"
	},
};

const worksection: VendorRules = {
	name: 'Worksection',
	urls: (accountUrl) => ({
		authorize: 'https://worksection.com/oauth2/authorize',
		token: 'https://worksection.com/oauth2/token',
		refresh: 'https://worksection.com/oauth2/refresh',
		apiBase: `${accountUrl.replace(/\/+$/, '')}/api/oauth2`, // docs/vendors/worksection.md: the account host from the token response
	}),
	defaultAccountUrl: 'https://acme.worksection.com',
	rotatesRefreshToken: true,
	grants: {
		authorization_code: rfcGrant('authorization_code', 'body'),
		refresh_token: rfcGrant('refresh_token', 'body', 'refresh'),
	},
	api: {
		// doc: "passed in the authorization header or in the access_token parameter"
		accepts: [BEARER_HEADER, { in: 'query', name: 'access_token' }],
		unauthorized: { status: 'error', message: 'Access token is invalid or expired' },
	},
	replies: {
		authorization_code: (t) => ({ token_type: 'bearer', expires_in: 86400, access_token: t.access, refresh_token: t.refresh, account_url: t.accountUrl }),
		// doc: "returns a new access token and a refresh token, which will invalidate the old tokens"
		refresh_token: (t) => ({ token_type: 'bearer', expires_in: 86400, access_token: t.access, refresh_token: t.refresh, account_url: t.accountUrl }),
	},
};

const worktual: VendorRules = {
	name: 'Worktual',
	urls: () => ({
		// The doc names the authorize parameters but not the URL; browser-only, so it is only intercepted to catch misuse.
		authorize: 'https://api.worktual.co.uk/services/oauth2/v1/authorize',
		token: 'https://api.worktual.co.uk/services/oauth2/v1/token',
		refresh: 'https://api.worktual.co.uk/services/oauth2/v1/token', // no refresh documented (permanent token)
		apiBase: 'https://api.worktual.co.uk/services/ccaas/v1',
	}),
	foldFieldCase: true,
	renamed: { redirect_uri: 'Redirect_url', authorization_code: 'authorisation_code' },
	rotatesRefreshToken: false,
	grants: {
		authorization_code: { endpoint: 'token', value: 'authorisation_code', clientAuth: 'body', required: ['code', 'redirect_url'] },
	},
	api: {
		// doc prints "Authorisation : token" (no scheme); Bearer is accepted too because the doc is ambiguous
		accepts: [{ in: 'header', name: 'authorization', prefixes: ['', 'Bearer '] }],
		unauthorized: { message: 'Unauthorized' },
	},
	replies: {
		authorization_code: (t) => [{ access_token: t.access }], // doc: [ { "access_token": "…" } ]
	},
};

const webworkTracker: VendorRules = {
	name: 'WebWork Tracker',
	urls: () => ({
		authorize: 'https://webwork-tracker.com/oauth/authorize',
		token: 'https://api.webwork-tracker.com/oauth/token',
		refresh: 'https://api.webwork-tracker.com/oauth/token', // doc: "used for both obtaining new tokens and refreshing"
		apiBase: 'https://api.webwork-tracker.com/api/v2',
	}),
	rotatesRefreshToken: true,
	grants: {
		// doc: "Client Authentication: Send as Basic Auth header"
		authorization_code: rfcGrant('authorization_code', 'basic'),
		refresh_token: rfcGrant('refresh_token', 'basic'),
		client_credentials: rfcGrant('client_credentials', 'basic'),
	},
	api: {
		accepts: [BEARER_HEADER],
		unauthorized: { success: false, message: 'Unauthorized. Please provide a valid Bearer token or Basic Auth credentials.' },
	},
	replies: {
		authorization_code: (t) => ({ token_type: 'Bearer', expires_in: 1296000, access_token: t.access, refresh_token: t.refresh }),
		// doc: "Always save the new refresh token - the old one becomes invalid after use"
		refresh_token: (t) => ({ token_type: 'Bearer', expires_in: 1296000, access_token: t.access, refresh_token: t.refresh }),
		client_credentials: (t) => ({ token_type: 'Bearer', expires_in: 1296000, access_token: t.access }),
	},
};

/** Wordapp answers like Ruby Doorkeeper (docs/vendors/wordapp.md: created_at, scope "public"). */
const doorkeeper = (t: IssuedTokens, withRefresh: boolean) => ({
	access_token: t.access,
	token_type: 'bearer',
	expires_in: 7200, // doc: "expired in 2 hours"
	...(withRefresh ? { refresh_token: t.refresh } : {}),
	scope: 'public',
	created_at: 1476891745,
});

const wordapp: VendorRules = {
	name: 'Wordapp',
	urls: () => ({
		authorize: 'https://app.wordapp.com/oauth/authorize', // not in the doc (Doorkeeper default); browser-only
		token: 'https://app.wordapp.com/oauth/token',
		refresh: 'https://app.wordapp.com/oauth/token',
		revoke: 'https://app.wordapp.com/oauth/revoke',
		apiBase: 'https://app.wordapp.com/api/v1',
	}),
	rotatesRefreshToken: true,
	grants: {
		authorization_code: rfcGrant('authorization_code', 'body'),
		refresh_token: rfcGrant('refresh_token', 'body-optional'),
		client_credentials: rfcGrant('client_credentials', 'body'),
		password: rfcGrant('password', 'body-optional'),
	},
	revoke: { tokenField: 'token' },
	api: {
		accepts: [BEARER_HEADER],
		headers: { 'X-Api-Version': 'application/vnd.wordapp-v1+json' }, // doc §6 + Wordapp's WP plugin value
		unauthorized: { error: 'invalid_token', error_description: 'The access token is invalid' },
	},
	replies: {
		authorization_code: (t) => doorkeeper(t, true),
		refresh_token: (t) => doorkeeper(t, true), // doc: refresh "revoke[s] the current token and create[s] another fresh token"
		client_credentials: (t) => doorkeeper(t, false),
		password: (t) => doorkeeper(t, true),
	},
};

/** Rules by vendor id; `strictVendorMock` fails with a named error for a vendor missing here. */
export const VENDOR_RULES: Record<MockVendorId, VendorRules> = {
	weekdone,
	worksection,
	worktual,
	'webwork-tracker': webworkTracker,
	wordapp,
};
