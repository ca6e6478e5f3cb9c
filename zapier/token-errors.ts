import type { ZObject } from 'zapier-platform-core';

import { VendorAuthError } from '../shared/oauth';
import type { VendorDefinition } from '../shared/types';

export type TokenPhase = 'exchange' | 'refresh';

/** 4xx answers Zapier itself treats as temporary during a refresh (docs news 2025-09-08). */
const TEMPORARY_STATUS = new Set([408, 409, 423, 425, 429]);

function isVendorAuthError(error: unknown): error is VendorAuthError {
	return error instanceof VendorAuthError || (error instanceof Error && error.name === 'VendorAuthError');
}

/** A refresh failure that only a new connection can cure: dead grant, no refresh token, or a definite 4xx refusal. */
function needsReconnect(error: VendorAuthError): boolean {
	if (error.needsReconnect || error.cause_ === 'not_supported') return true;
	return error.status !== undefined && error.status >= 400 && error.status < 500 && !TEMPORARY_STATUS.has(error.status);
}

/**
 * Turns a failure of getAccessToken / refreshAccessToken into the Zapier error with the right consequence:
 * ThrottledError stays (Zapier retries later), a refresh the vendor refuses becomes ExpiredAuthError (the
 * user is asked to reconnect), everything else a z.errors.Error. Messages come from VendorAuthError, which
 * names the vendor and has every secret redacted; nothing here adds request data.
 */
export function tokenError(
	z: ZObject,
	vendor: VendorDefinition,
	error: unknown,
	platformError: Error | undefined,
	phase: TokenPhase,
): Error {
	if (platformError?.name === 'ThrottledError') return platformError;
	if (platformError?.name === 'RefreshAuthError') {
		// core hides the body of 401 answers under autoRefresh; say what a 401 from a token endpoint means
		const hint = phase === 'refresh' ? 'the refresh token is no longer valid or the client credentials are wrong; reconnect the account' : 'check the integration\'s CLIENT_ID and CLIENT_SECRET';
		const message = `${vendor.displayName}: the token endpoint refused the request with HTTP 401 (${hint})`;
		return phase === 'refresh' ? new z.errors.ExpiredAuthError(message) : new z.errors.Error(message, 'unauthorized', 401);
	}
	if (isVendorAuthError(error)) {
		if (error.cause_ === 'rate_limited') return new z.errors.ThrottledError(error.message, error.retryAfterSeconds);
		if (phase === 'refresh' && needsReconnect(error)) return new z.errors.ExpiredAuthError(error.message);
		return new z.errors.Error(error.message, error.oauthError ?? error.cause_, error.status);
	}
	return error instanceof Error ? error : new Error(String(error));
}
