import type { TokenSet, VendorDefinition } from '../types';
import { excerpt, VendorAuthError } from './errors';
import { redactSecrets } from './redact';
import { FORM_CONTENT_TYPE, type HttpResponse } from './http';
import { readErrorEnvelope } from '../error-envelope';

const RFC_FIELDS = ['access_token', 'refresh_token', 'token_type', 'expires_in', 'scope'];

function parseBody(vendor: VendorDefinition, response: HttpResponse, secrets: string[]): unknown {
	const type = response.headers['content-type'] ?? '';
	const text = response.body.trim();
	if (type.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	if (text.startsWith('<')) {
		throw new VendorAuthError(
			vendor.displayName,
			'invalid_response',
			`the token endpoint answered HTML instead of JSON (HTTP ${response.status}); check the token URL`,
			{ status: response.status },
		);
	}
	const parsed = parseJson(text);
	if (!parsed.ok) {
		throw new VendorAuthError(
			vendor.displayName,
			'invalid_response',
			`the token endpoint answered something that is not JSON (HTTP ${response.status}): ${excerpt(text, secrets, 80)}`,
			{ status: response.status },
		);
	}
	return parsed.value;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/**
 * An RFC 6749 §5.2 error, also inside a one-element array answer. An empty or absent `error` is not an
 * error (some vendors send `"error": ""` beside a valid token); a non-string `error` (true, an object) is.
 */
function oauthErrorOf(vendor: VendorDefinition, body: unknown): { code: string; description?: string } | undefined {
	const record = Array.isArray(body) ? body[0] : body;
	if (!record || typeof record !== 'object' || Array.isArray(record)) return undefined;
	const fields = record as Record<string, unknown>;
	const error = fields.error;
	const envelope = readErrorEnvelope(vendor.api.errorEnvelopes, fields);
	if (typeof error === 'string' ? error.trim() !== '' : error !== undefined && error !== null && error !== false) {
		const description = fields.error_description ?? fields.message;
		return { code: typeof error === 'string' ? error : 'error', description: typeof description === 'string' ? description : envelope?.message };
	}
	return envelope ? { code: 'error', description: envelope.message } : undefined;
}

/** RFC 6749 §5.2 error codes are short ASCII words; anything else (or an echoed secret) is reported as `error`. */
function safeErrorCode(code: string, secrets: readonly string[]): string {
	const redacted = redactSecrets(code, secrets);
	return redacted === code && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : 'error';
}

/** An access or refresh token as RFC 6749 §A.12 allows it: a non-empty string of visible characters, no whitespace. */
export function isTokenString(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= 16384 && /^[\x21-\x7e]+$/.test(value);
}

/**
 * `expires_in` as RFC 6749 §5.1 defines it: a non-negative integer number of seconds, also accepted as a
 * string of digits. Anything else (true, "0x10", 1e308, -1, 1.5, "") is ignored, so the documented lifetime
 * applies instead.
 */
export function parseExpiresIn(value: unknown, now: number): number | undefined {
	let seconds: number;
	if (typeof value === 'number') seconds = value;
	else if (typeof value === 'string' && /^[0-9]{1,12}$/.test(value)) seconds = Number(value);
	else return undefined;
	if (!Number.isSafeInteger(seconds) || seconds < 0 || !Number.isSafeInteger(now + seconds * 1000)) return undefined;
	return seconds;
}

/**
 * Reads a token endpoint response into a TokenSet: unwraps the vendor's documented shape (object or
 * one-element array), rejects error bodies (also when sent with HTTP 200), HTML and bodies without an
 * access_token, keeps the vendor's extra fields, and stamps expires_at.
 * `secrets` are values that must never reach an error message (client secret, codes, tokens sent).
 */
export function parseTokenResponse(
	vendor: VendorDefinition,
	response: HttpResponse,
	now: number,
	secrets: string[] = [],
): TokenSet {
	const name = vendor.displayName;
	if (response.status >= 500) {
		throw new VendorAuthError(name, 'server_error', `the token endpoint failed with HTTP ${response.status}; try again later`, {
			status: response.status,
			retryAfterSeconds: retryAfterSeconds(response.headers['retry-after'], now),
		});
	}
	if (response.status >= 300 && !parseJson(response.body.trim()).ok && !(response.headers['content-type'] ?? '').includes(FORM_CONTENT_TYPE)) {
		// a refusal whose body is not JSON (a plain-text or HTML error page): the status is the message
		const what = response.body.trim().startsWith('<') ? 'an HTML page; check the token URL' : excerpt(response.body, secrets, 120) || 'no details';
		const retryAfter = retryAfterSeconds(response.headers['retry-after'], now);
		throw new VendorAuthError(name, response.status === 429 ? 'rate_limited' : 'error_response', `the token endpoint refused the request with HTTP ${response.status}: ${what}${retryAfter === undefined ? '' : `; retry after ${retryAfter} s`}`, {
			status: response.status,
			retryAfterSeconds: retryAfter,
		});
	}
	const body = parseBody(vendor, response, secrets);
	const oauthError = oauthErrorOf(vendor, body);
	if (oauthError || response.status >= 300) {
		const code = oauthError ? safeErrorCode(oauthError.code, secrets) : undefined;
		const what = oauthError
			? `${code}${oauthError.description ? ` (${excerpt(oauthError.description, secrets, 120)})` : ''}`
			: excerpt(response.body, secrets, 120);
		const cause = response.status === 429 ? 'rate_limited' : 'error_response';
		const retryAfter = retryAfterSeconds(response.headers['retry-after'], now);
		const when = retryAfter === undefined ? '' : `; retry after ${retryAfter} s`;
		throw new VendorAuthError(name, cause, `the token endpoint refused the request with HTTP ${response.status}: ${what}${when}`, {
			status: response.status,
			oauthError: code,
			retryAfterSeconds: retryAfter,
		});
	}
	// Tolerate either shape: a vendor documented as 'array' may fix its API, and vice versa.
	const unwrapped = Array.isArray(body) ? body[0] : body;
	if (!unwrapped || typeof unwrapped !== 'object' || Array.isArray(unwrapped)) {
		const expected = vendor.oauth2.token.responseShape === 'array' ? 'a one-element JSON array' : 'a JSON object';
		throw new VendorAuthError(name, 'invalid_response', `the token endpoint answered an unexpected shape (expected ${expected})`, {
			status: response.status,
		});
	}
	const record = unwrapped as Record<string, unknown>;
	if (record.access_token !== undefined && record.access_token !== null && record.access_token !== '' && !isTokenString(record.access_token)) {
		throw new VendorAuthError(name, 'invalid_response', 'the token response carries an access_token that is not a plain token string (empty, spaces, control characters or not text)', {
			status: response.status,
		});
	}
	if (!isTokenString(record.access_token)) {
		const keys = Object.keys(record).join(', ') || 'none';
		throw new VendorAuthError(name, 'missing_access_token', `the token response has no access_token (fields: ${keys})`, {
			status: response.status,
		});
	}
	return normaliseTokenFields(vendor, record, now);
}

/**
 * Keeps the RFC fields and the vendor's declared extra fields; computes expires_at. A refresh_token that is
 * not a token string is dropped (never stored), and an unusable expires_in gives way to the documented lifetime.
 */
export function normaliseTokenFields(vendor: VendorDefinition, record: Record<string, unknown>, now: number): TokenSet {
	const token: TokenSet = { access_token: String(record.access_token) };
	for (const field of [...RFC_FIELDS, ...vendor.oauth2.keepFields]) {
		if (field !== 'access_token' && record[field] !== undefined && record[field] !== null) token[field] = record[field];
	}
	if (token.refresh_token !== undefined && !isTokenString(token.refresh_token)) delete token.refresh_token;
	const expiresIn = parseExpiresIn(record.expires_in, now);
	if (expiresIn === undefined) delete token.expires_in;
	else token.expires_in = expiresIn;
	// A vendor that documents a lifetime but omits expires_in (Weekdone: "expire in 60 minutes") still gets an expiry.
	const lifetime = expiresIn ?? vendor.oauth2.lifetimes.accessToken;
	if (typeof lifetime === 'number' && lifetime >= 0) token.expires_at = now + lifetime * 1000;
	return token;
}

/**
 * Merges a refresh result over the stored token: a rotated refresh token replaces the old one, a missing or
 * malformed one never erases it, and kept fields the refresh omits (account_url, user) survive.
 */
export function mergeRefreshedToken(previous: TokenSet, refreshed: TokenSet): TokenSet {
	const merged: TokenSet = { ...previous, ...refreshed };
	if (isTokenString(refreshed.refresh_token)) merged.refresh_token = refreshed.refresh_token;
	else if (isTokenString(previous.refresh_token)) merged.refresh_token = previous.refresh_token;
	else delete merged.refresh_token;
	if (refreshed.expires_at === undefined) delete merged.expires_at;
	if (refreshed.expires_in === undefined) delete merged.expires_in;
	return merged;
}

/**
 * Retry-After (RFC 9110 §10.2.3) in seconds from now: delay-seconds or an HTTP date. Undefined when absent
 * or unreadable.
 */
export function retryAfterSeconds(header: string | undefined, now: number): number | undefined {
	if (header === undefined) return undefined;
	const text = header.trim();
	if (/^[0-9]{1,9}$/.test(text)) return Number(text);
	if (!/^[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/.test(text)) return undefined;
	const at = Date.parse(text);
	return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : undefined;
}

/** True when the token is known to expire within `skewSeconds`. Tokens without expiry never count as expired. */
export function isExpiringSoon(token: Pick<TokenSet, 'expires_at'>, now: number, skewSeconds = 60): boolean {
	return typeof token.expires_at === 'number' && token.expires_at - skewSeconds * 1000 <= now;
}
