import type { OAuthClient } from '../shared/oauth';

/**
 * Settings read from the integration's environment (`zapier-platform env:set <version> KEY=value`).
 * The URL overrides exist for URLs a vendor does not document (Wordapp authorize, Worktual authorize)
 * and for pointing a build at the local sandbox; empty values count as unset.
 */
export interface ZapierEnv {
	clientId: string;
	clientSecret: string;
	authorizeUrl?: string;
	tokenUrl?: string;
	refreshUrl?: string;
	revokeUrl?: string;
	apiBaseUrl?: string;
	/** Fallback redirect URI for refreshes that need one (Weekdone) when the platform passes none (CLI invoke). */
	redirectUri?: string;
}

function read(name: string): string | undefined {
	const value = process.env[name]?.trim();
	return value ? value : undefined;
}

/** Read on every call, never at load time: Zapier injects env per invocation and tests set it late. */
export function zapierEnv(): ZapierEnv {
	return {
		clientId: read('CLIENT_ID') ?? '',
		clientSecret: read('CLIENT_SECRET') ?? '',
		authorizeUrl: read('AUTHORIZE_URL'),
		tokenUrl: read('TOKEN_URL'),
		refreshUrl: read('REFRESH_URL'),
		revokeUrl: read('REVOKE_URL'),
		apiBaseUrl: read('API_BASE_URL'),
		redirectUri: read('REDIRECT_URI'),
	};
}

/** The OAuth client as the shared lifecycle wants it, URL overrides included. */
export function oauthClient(env: ZapierEnv = zapierEnv()): OAuthClient {
	return {
		clientId: env.clientId,
		clientSecret: env.clientSecret,
		tokenUrl: env.tokenUrl,
		refreshUrl: env.refreshUrl,
		revokeUrl: env.revokeUrl,
	};
}
