import { isTimeoutFailure } from '../../shared/oauth/http';
import { retryAfterSeconds } from '../../shared/oauth/token-response';

/**
 * The cause of a failed vendor call in words, for the transport's NodeApiError: a timeout, a reset or
 * refused connection, a rate limit (with the vendor's Retry-After, seconds or HTTP date), a server error,
 * or an answer that is not the JSON every vendor API of this package sends. Reads n8n's wrapped errors
 * (NodeApiError → axios error → Node's socket error) through their `cause` chain.
 */

/** The error and every `cause` under it, once each. */
export function* causeChain(error: unknown): Generator<Record<string, unknown>> {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const record = current as Record<string, unknown>;
		yield record;
		current = record.cause;
	}
}

/** A connection-level failure: no HTTP answer at all. */
function connectionFailure(error: unknown): string | undefined {
	for (const e of causeChain(error)) {
		const code = typeof e.code === 'string' ? e.code : '';
		const message = typeof e.message === 'string' ? e.message : '';
		if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up|ECONNRESET/i.test(message)) return 'the connection was reset before an answer arrived';
		if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) return `could not connect (${code})`;
		if (/^(CERT_|ERR_TLS|UNABLE_TO_VERIFY|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return `the TLS certificate was refused (${code})`;
	}
	return undefined;
}

/**
 * A refresh the vendor refused, as n8n's OAuth2 client reports it (an error carrying the token endpoint's
 * `body` with an OAuth `error`, code EAUTH). n8n's own "needs to be reconnected" wording (invalid_grant) is
 * already clear and is left alone.
 */
function refreshFailure(error: unknown): string | undefined {
	for (const e of causeChain(error)) if ((e.failure as Record<string, unknown> | undefined)?.cause === 'credential-invalid') return undefined;
	for (const e of causeChain(error)) {
		const body = e.body as Record<string, unknown> | undefined;
		if (e.code !== 'EAUTH' && !(body && typeof body === 'object' && typeof body.error === 'string')) continue;
		const code = body && typeof body.error === 'string' ? body.error : 'refused';
		const said = body && typeof body.error_description === 'string' ? body.error_description : body && typeof body.message === 'string' ? body.message : undefined;
		return `the token refresh was refused (${code}${said ? `: ${said}` : ''}); reconnect the credential`;
	}
	return undefined;
}

/** Response headers of the failed call, lower-cased, if any error in the chain carries them. */
function headersOf(error: unknown): Record<string, string> {
	for (const e of causeChain(error)) {
		const response = e.response as Record<string, unknown> | undefined;
		const headers = (response?.headers ?? e.headers) as Record<string, unknown> | undefined;
		if (headers && typeof headers === 'object') {
			const out: Record<string, string> = {};
			for (const [name, value] of Object.entries(headers)) if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
			return out;
		}
	}
	return {};
}

/** What the body looks like when it is not the vendor's JSON. */
export function notJson(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '') return 'an empty body';
		if (/^<(!doctype|html|\?xml|head|body)/i.test(text) || /<\/(html|body|title)>/i.test(text)) return 'an HTML page instead of JSON';
		try {
			JSON.parse(text);
		} catch {
			return 'text that is not JSON (or JSON cut short)';
		}
		return undefined;
	}
	if (typeof body === 'number' || typeof body === 'boolean') return `a bare JSON ${typeof body} instead of an object`;
	return undefined;
}

/**
 * The cause of a failure as words (without the vendor name), or undefined when nothing more specific than
 * the vendor's own message is known. `status` is the HTTP status, if one came back.
 */
export function failureCause(error: unknown, status: number | undefined, body: unknown, timeoutMs: number): string | undefined {
	if (status === undefined) {
		const refresh = refreshFailure(error);
		if (refresh) return refresh;
		if (isTimeoutFailure(error)) return `no answer within ${Math.round(timeoutMs / 1000)} s (timeout)`;
		return connectionFailure(error);
	}
	if (status === 429) {
		const wait = retryAfterSeconds(headersOf(error)['retry-after'], Date.now());
		return `rate limited (too many requests)${wait === undefined ? '' : `; retry after ${wait} s`}`;
	}
	const shape = body === undefined || body === null ? undefined : notJson(body);
	if (status >= 500) return `server error${shape ? `, answered with ${shape}` : ''}`;
	if (shape) return `answered with ${shape}`;
	return undefined;
}
