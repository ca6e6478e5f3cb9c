/**
 * Errors from the auth lifecycle. The message always names the vendor and the cause, and never carries a
 * secret: every text that may echo a response body is passed through `redact` with the values in play.
 */
import { redactedExcerpt, redactSecrets } from './redact';

export type AuthErrorCause =
	| 'invalid_response' // not JSON, HTML, wrong shape
	| 'missing_access_token'
	| 'error_response' // the vendor said no (4xx, or a 200 whose body is an error)
	| 'rate_limited' // HTTP 429; retryAfterSeconds says when to try again, if the vendor said
	| 'server_error' // 5xx
	| 'no_refresh_token'
	| 'not_supported' // the vendor offers no such step
	| 'invalid_input'
	| 'untrusted_host' // a response or a custom call named a host that is not the vendor's own (shared/oauth/hosts.ts)
	| 'timeout'; // the vendor did not answer within the request timeout

export class VendorAuthError extends Error {
	readonly vendor: string;
	readonly cause_: AuthErrorCause;
	readonly status?: number;
	/** The vendor's OAuth error code (e.g. invalid_grant), when it sent one. */
	readonly oauthError?: string;
	/** From a Retry-After header (seconds or an HTTP date), when the vendor sent one. */
	readonly retryAfterSeconds?: number;

	constructor(
		vendor: string,
		cause: AuthErrorCause,
		detail: string,
		extra: { status?: number; oauthError?: string; retryAfterSeconds?: number } = {},
	) {
		super(`${vendor}: ${detail}`);
		this.name = 'VendorAuthError';
		this.vendor = vendor;
		this.cause_ = cause;
		this.status = extra.status;
		this.oauthError = extra.oauthError;
		this.retryAfterSeconds = extra.retryAfterSeconds;
	}

	/** invalid_grant and friends: the stored grant is dead and the user must reconnect. */
	get needsReconnect(): boolean {
		return this.oauthError === 'invalid_grant' || this.cause_ === 'no_refresh_token';
	}
}

/** Removes every known secret value (all spellings) and every token-looking field value from a text. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined | null> = []): string {
	return redactSecrets(text, secrets);
}

/** A short, safe excerpt of a response body for an error message. */
export function excerpt(body: string, secrets: ReadonlyArray<string | undefined | null> = [], max = 200): string {
	return redactedExcerpt(body, secrets, max);
}
