import { originOf, type OAuthClient } from '../shared/oauth';
import type { EditableHeader } from '../shared/types';

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
	/**
	 * Exact origins accepted, besides the vendor's own HTTPS domains, for a host a token response names
	 * (Worksection account_url): TRUSTED_ORIGINS (comma-separated), plus the origin of API_BASE_URL, which
	 * receives the token anyway. Both are set by the operator with `zapier-platform env:set`; a response can
	 * never add one (shared/oauth/hosts.ts). Used for the local sandbox.
	 */
	trustedOrigins: string[];
	/** Timeout of every API request in ms: REQUEST_TIMEOUT_MS, default 25 s (a Zapier action has 30 s). */
	requestTimeoutMs: number;
	/** Token requests use REQUEST_TIMEOUT_MS when it is set, else the shared lifecycle's default. */
	tokenTimeoutMs?: number;
}

/** Zapier stops an action after 30 s (https://docs.zapier.com/platform/build/operating-constraints); leave room to report. */
export const DEFAULT_API_TIMEOUT_MS = 25_000;

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
		trustedOrigins: trustedOrigins(read('TRUSTED_ORIGINS'), read('API_BASE_URL')),
		requestTimeoutMs: timeoutMs(read('REQUEST_TIMEOUT_MS')),
		tokenTimeoutMs: read('REQUEST_TIMEOUT_MS') ? timeoutMs(read('REQUEST_TIMEOUT_MS')) : undefined,
	};
}

/**
 * The value set for an editable mandatory header (Wordapp X-Api-Version: API_VERSION_HEADER), read per call
 * like every setting here; undefined when unset, so the vendor definition's default applies.
 */
export function configuredHeader(header: EditableHeader): string | undefined {
	return read(header.zapierEnv);
}

function trustedOrigins(list: string | undefined, apiBaseUrl: string | undefined): string[] {
	const urls = [...(list ?? '').split(','), apiBaseUrl ?? ''].map((u) => u.trim()).filter((u) => u !== '');
	return [...new Set(urls.map(originOf).filter((o): o is string => o !== undefined))];
}

function timeoutMs(text: string | undefined): number {
	const value = Number(text);
	return text && /^[0-9]+$/.test(text) && value >= 100 && value <= 120_000 ? value : DEFAULT_API_TIMEOUT_MS;
}

/** The OAuth client as the shared lifecycle wants it, URL overrides included. */
export function oauthClient(env: ZapierEnv = zapierEnv()): OAuthClient {
	return {
		clientId: env.clientId,
		clientSecret: env.clientSecret,
		tokenUrl: env.tokenUrl,
		refreshUrl: env.refreshUrl,
		revokeUrl: env.revokeUrl,
		trustedOrigins: env.trustedOrigins,
		timeoutMs: env.tokenTimeoutMs,
	};
}
