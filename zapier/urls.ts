import { apiBaseUrl, checkCustomCallUrl, joinUrl, refreshUrlOf, tokenUrlOf, type HostCheck } from '../shared/oauth';
import type { VendorDefinition } from '../shared/types';
import { fromAuthData, type AuthData } from './auth-data';
import { oauthClient, zapierEnv, type ZapierEnv } from './env';

function withoutQuery(url: string): string {
	return url.split(/[?#]/)[0].replace(/\/+$/, '');
}

/**
 * The vendor's user-information URL (Worksection /oauth2/resource). It sits beside the token URL on the
 * vendor's auth host, so a TOKEN_URL override (the local sandbox) moves it along.
 */
export function userInfoUrlOf(vendor: VendorDefinition, env: ZapierEnv = zapierEnv()): string | undefined {
	const info = vendor.api.userInfo;
	if (!info) return undefined;
	if (!env.tokenUrl) return info.url.url;
	const name = new URL(info.url.url).pathname.split('/').pop() ?? '';
	return new URL(name, env.tokenUrl).toString();
}

/** The token, refresh, revoke and user-info URLs in effect (env overrides included): requests there carry their own auth. */
export function tokenEndpoints(vendor: VendorDefinition, env: ZapierEnv = zapierEnv()): string[] {
	const client = oauthClient(env);
	const urls = [tokenUrlOf(vendor, client), refreshUrlOf(vendor, client)];
	const revoke = vendor.oauth2.revoke;
	if (revoke) urls.push(env.revokeUrl || revoke.url.url);
	const userInfo = userInfoUrlOf(vendor, env);
	if (userInfo) urls.push(userInfo);
	return urls.map(withoutQuery);
}

export function isTokenEndpoint(vendor: VendorDefinition, url: string, env?: ZapierEnv): boolean {
	return tokenEndpoints(vendor, env).includes(withoutQuery(url));
}

/** The API base of a connection: token-derived (Worksection account_url), else API_BASE_URL, else the vendor default. */
export function connectionApiBase(vendor: VendorDefinition, authData: Partial<AuthData> | undefined, env: ZapierEnv = zapierEnv()): string {
	return apiBaseUrl(vendor, fromAuthData(vendor, authData), env.apiBaseUrl, env.trustedOrigins);
}

/**
 * The one custom-call rule (shared/oauth/hosts.ts): a path relative to the connection's API base, or an
 * absolute URL on its API origin. Anything else is refused before sending.
 */
export function checkApiTarget(vendor: VendorDefinition, authData: Partial<AuthData> | undefined, pathOrUrl: string, env?: ZapierEnv): HostCheck {
	return checkCustomCallUrl(connectionApiBase(vendor, authData, env), pathOrUrl);
}

export function isAbsoluteUrl(url: string): boolean {
	return /^https?:\/\//i.test(url);
}

/** A path relative to the connection's API base; absolute URLs pass through unchanged. */
export function apiUrl(vendor: VendorDefinition, authData: Partial<AuthData> | undefined, path: string, env?: ZapierEnv): string {
	return joinUrl(connectionApiBase(vendor, authData, env), path);
}

function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}

/**
 * True when the URL is on the connection's API host. Only such requests get the access token, so a
 * custom call to another host can never carry it away.
 */
export function isOnApiHost(vendor: VendorDefinition, authData: Partial<AuthData> | undefined, url: string, env?: ZapierEnv): boolean {
	const origin = originOf(url);
	return origin !== undefined && origin === originOf(connectionApiBase(vendor, authData, env));
}
