import { apiBaseUrl } from '../../shared/oauth/api';
import { VendorAuthError } from '../../shared/oauth/errors';
import { checkTokenHost, customCallUrl, describeHost } from '../../shared/oauth/hosts';
import type { VendorDefinition } from '../../shared/types';

/**
 * Where an n8n request may go, by the two shared rules of shared/oauth/hosts.ts:
 * - the API host a stored token names (Worksection `account_url`) must be the vendor's own, over HTTPS. In
 *   n8n the OAuth2 callback stores the token response itself, so the check runs here, at use time, before
 *   anything is sent. The only other accepted origin is the one of the credential's own API Base URL field
 *   (`apiBaseUrl`): an operator sets it (n8n's CREDENTIALS_OVERWRITE_DATA points it at the local sandbox in
 *   the playground and the e2e suite), a token response cannot;
 * - every request URL (catalogue paths and Custom API Call alike) is a path under the API base or an
 *   absolute URL on the API base's own origin.
 */

/** The API base of an OAuth2 connection: from the stored token when the vendor says so, checked; else configured. */
export function checkedApiBase(vendor: VendorDefinition, tokenData: Record<string, unknown> | undefined, configuredBase: string): string {
	const fromToken = vendor.api.baseUrlFromToken;
	const value = fromToken && tokenData ? tokenData[fromToken.field] : undefined;
	// No host in the token (as apiBaseUrl reads it): the configured base, which is not from a response.
	if (!fromToken || value === undefined || value === null || value === '') return apiBaseUrl(vendor, undefined, configuredBase);
	const check = checkTokenHost(vendor, value, [configuredBase || vendor.api.baseUrl.url]);
	if (!check.ok) {
		throw new VendorAuthError(
			vendor.displayName,
			'untrusted_host',
			`the stored token names ${describeHost(value)} as the API host (${fromToken.field}), and ${check.reason}. No request was sent. Reconnect the credential; if the host is still refused, report it to ${vendor.displayName}`,
		);
	}
	return `${check.url}${fromToken.path}`;
}

/** The URL of one request: `path` under `base`, or an absolute URL on `base`'s origin; anything else throws. */
export function requestUrl(vendor: VendorDefinition, base: string, path: string): string {
	return customCallUrl(vendor.displayName, base, path);
}

/** True for the refusals above (a host or URL we will not send the credential to). */
export function isRefusedTarget(error: unknown): error is VendorAuthError {
	return error instanceof VendorAuthError && error.cause_ === 'untrusted_host';
}
