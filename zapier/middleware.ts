import type { AfterResponseMiddleware, BeforeRequestMiddleware, Bundle, HttpResponse, ZObject } from 'zapier-platform-core';

import { readErrorEnvelope } from '../shared/error-envelope';
import { apiAuthParts, excerpt, isExpiringSoon } from '../shared/oauth';
import { mandatoryHeaders } from '../shared/oauth/api';
import type { VendorDefinition } from '../shared/types';
import { retryAfterSeconds, vendorMessage } from './api-errors';
import { fromAuthData } from './auth-data';
import { configuredHeader, zapierEnv } from './env';
import { bundleSecrets } from './redaction';
import { checkApiTarget, isTokenEndpoint } from './urls';

/**
 * Core's early 429 check (core 18+) reads Retry-After only as seconds; with it off per request, the
 * afterResponse below raises the ThrottledError and also reads an HTTP date (RFC 9110 §10.2.3).
 */
const LATE_THROTTLING = { throwForThrottlingEarly: false } as Record<string, unknown>;

/**
 * Whether the connection's token can be renewed without the user: by the OAuth refresh (the vendor documents
 * one) or by running the session's token request again (a client-credentials integration, client-credentials-auth.ts).
 * A renewable token that expires or is rejected raises RefreshAuthError; any other asks the user to reconnect.
 */
export interface TokenRenewal {
	renewable: boolean;
}

export function renewalOf(vendor: VendorDefinition): TokenRenewal {
	return { renewable: Boolean(vendor.oauth2.refresh) };
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
	const wanted = name.toLowerCase();
	return Object.keys(headers).some((key) => key.toLowerCase() === wanted);
}

/**
 * Resolves relative URLs against the connection's API base and adds the token the vendor's way
 * (Weekdone ?token=, others a header) plus mandatory headers (Wordapp X-Api-Version).
 * Token, refresh and revoke calls are left alone: they carry client auth (WebWork Basic) and must never get a
 * stale Bearer token. Requests with their own Authorization get no token either. Any other request must
 * follow the one custom-call rule (shared/oauth/hosts.ts): relative to the connection's API base, or on its
 * API origin; anything else is refused before sending. Every request gets a timeout (REQUEST_TIMEOUT_MS).
 */
export function buildBeforeRequest(vendor: VendorDefinition, renewal: TokenRenewal = renewalOf(vendor)): BeforeRequestMiddleware {
	return (request, z, bundle) => {
		const env = zapierEnv();
		const given = request.url || ''; // core drops an empty url (Worksection's calls all go to the base itself)
		const timeout = request.timeout ?? env.requestTimeoutMs;
		if (isTokenEndpoint(vendor, given, env)) return { ...request, timeout, ...LATE_THROTTLING };
		const target = checkApiTarget(vendor, bundle.authData, given, env);
		if (!target.ok) {
			throw new z.errors.Error(`${vendor.displayName}: the request was refused before sending: ${target.reason}`, 'untrusted_host', 400);
		}
		const url = target.url;

		const headers: Record<string, string> = { ...(request.headers ?? {}) };
		// mandatory headers, an editable one (Wordapp X-Api-Version) from its environment setting when set
		for (const [name, value] of Object.entries(mandatoryHeaders(vendor, configuredHeader))) if (!hasHeader(headers, name)) headers[name] = value;
		const params: Record<string, unknown> = { ...(request.params ?? {}) };
		const token = bundle.authData?.access_token;
		if (token && !hasHeader(headers, 'authorization')) {
			// known expiry (Weekdone 60 min): refresh before the call instead of after a 401
			if (renewal.renewable && isExpiringSoon(fromAuthData(vendor, bundle.authData), Date.now())) {
				throw new z.errors.RefreshAuthError(`${vendor.displayName}: the access token has expired`);
			}
			const parts = apiAuthParts(vendor, token);
			for (const [name, value] of Object.entries(parts.headers)) if (!hasHeader(headers, name)) headers[name] = value;
			for (const [name, value] of Object.entries(parts.qs)) if (params[name] === undefined) params[name] = value;
		}
		return { ...request, url, headers, params, timeout, ...LATE_THROTTLING };
	};
}

/** Every secret value of the connection (tokens, an admin key, a client secret the user entered) and the integration's client secret. */
function secretsOf(bundle: Bundle): string[] {
	return bundleSecrets(bundle);
}

/** The body text; a `raw: true` response has none to give (its getter throws). */
function contentOf(response: HttpResponse): string {
	try {
		return typeof response.content === 'string' ? response.content : '';
	} catch {
		return '';
	}
}

function rejectedToken(z: ZObject, vendor: VendorDefinition, response: HttpResponse, bundle: Bundle, renewal: TokenRenewal): Error {
	const detail = vendorMessage(contentOf(response), secretsOf(bundle));
	// a renewable token: Zapier refreshes (or re-runs the session) and replays; otherwise (Worktual) only a new connection helps
	if (renewal.renewable) return new z.errors.RefreshAuthError(`${vendor.displayName}: the access token was rejected (HTTP ${response.status}: ${detail})`);
	return new z.errors.ExpiredAuthError(`${vendor.displayName}: the access token was rejected (HTTP ${response.status}: ${detail}); reconnect the account`);
}

/**
 * Turns failed API calls into Zapier errors that name the vendor and carry its message, never a secret.
 * Core already maps 401 (autoRefresh) before this runs; the 401 branch stays for the vendor's own
 * expired-token status and Worktual (no refresh). 429 is handled here (beforeRequest turns core's early check off).
 * Calls that set skipThrowForStatus read the status themselves (the token calls) and pass through.
 */
export function buildAfterResponse(vendor: VendorDefinition, renewal: TokenRenewal = renewalOf(vendor)): AfterResponseMiddleware {
	return (response, z, bundle) => {
		if (response.skipThrowForStatus) return response;
		const { status } = response;
		if (status === 401 || status === vendor.api.expiredTokenStatus) throw rejectedToken(z, vendor, response, bundle, renewal);
		if (status === 429) {
			throw new z.errors.ThrottledError(`${vendor.displayName}: too many requests (HTTP 429)`, retryAfterSeconds(response.getHeader('retry-after')));
		}
		if (status >= 400) {
			throw new z.errors.Error(`${vendor.displayName}: HTTP ${status}: ${vendorMessage(contentOf(response), secretsOf(bundle))}`, 'api_error', status);
		}
		const envelope = readErrorEnvelope(vendor.api.errorEnvelopes, response.data);
		if (envelope) {
			const detail = envelope.message === undefined ? vendorMessage(contentOf(response), secretsOf(bundle)) : excerpt(envelope.message, secretsOf(bundle), 200);
			throw new z.errors.Error(`${vendor.displayName}: ${detail}`, 'api_error', status);
		}
		return response;
	};
}
