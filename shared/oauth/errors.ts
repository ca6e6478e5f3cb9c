/**
 * Errors from the auth lifecycle. The message always names the vendor and the cause, and never carries a
 * secret: every text that may echo a response body is passed through `redact` with the values in play.
 */
export type AuthErrorCause =
	| 'invalid_response' // not JSON, HTML, wrong shape
	| 'missing_access_token'
	| 'error_response' // the vendor said no (4xx, or a 200 whose body is an error)
	| 'server_error' // 5xx
	| 'no_refresh_token'
	| 'not_supported' // the vendor offers no such step
	| 'invalid_input';

export class VendorAuthError extends Error {
	readonly vendor: string;
	readonly cause_: AuthErrorCause;
	readonly status?: number;
	/** The vendor's OAuth error code (e.g. invalid_grant), when it sent one. */
	readonly oauthError?: string;

	constructor(vendor: string, cause: AuthErrorCause, detail: string, extra: { status?: number; oauthError?: string } = {}) {
		super(`${vendor}: ${detail}`);
		this.name = 'VendorAuthError';
		this.vendor = vendor;
		this.cause_ = cause;
		this.status = extra.status;
		this.oauthError = extra.oauthError;
	}

	/** invalid_grant and friends: the stored grant is dead and the user must reconnect. */
	get needsReconnect(): boolean {
		return this.oauthError === 'invalid_grant' || this.cause_ === 'no_refresh_token';
	}
}

const MASK = '[redacted]';

/** Token-looking fields that are masked in any echoed body, whatever their value. */
const SECRET_FIELD = /("?(?:access_token|refresh_token|id_token|client_secret|password|token|code)"?\s*[:=]\s*"?)([^"&,\s}]+)/gi;

/** Removes every known secret value and every token-looking field value from a text. */
export function redact(text: string, secrets: Array<string | undefined> = []): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join(MASK);
	}
	return out.replace(SECRET_FIELD, (_m, key: string) => `${key}${MASK}`);
}

/** A short, safe excerpt of a response body for an error message. */
export function excerpt(body: string, secrets: Array<string | undefined> = [], max = 200): string {
	const flat = redact(body, secrets).replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
