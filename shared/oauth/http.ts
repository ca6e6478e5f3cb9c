/**
 * The transport seam. The lifecycle builds plain request objects and reads plain responses; each platform
 * supplies the client: n8n's request helpers, Zapier's z.request, or axios in our own tools and tests.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
	method: HttpMethod;
	url: string;
	headers: Record<string, string>;
	/** Already encoded (form or JSON); absent for GET. */
	body?: string;
	/**
	 * Milliseconds the client waits for the whole answer before giving up. Every client must honour it (the
	 * shared code has no timers) and report the timeout as a throw that `isTimeoutFailure` recognises.
	 */
	timeoutMs?: number;
}

/**
 * The timeout of every token and API request the shared lifecycle builds: below Zapier's 30 s action limit
 * (https://docs.zapier.com/platform/build/operating-constraints) with room for the call that follows a refresh.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/** A timeout a client may throw; any client's own timeout error is recognised by `isTimeoutFailure` too. */
export class HttpTimeoutError extends Error {
	constructor(url: string, timeoutMs: number) {
		super(`no answer from ${url.split(/[?#]/)[0]} within ${timeoutMs} ms`);
		this.name = 'TimeoutError';
	}
}

/**
 * True for a timeout from any of the clients we inject: ours (TimeoutError), axios (ECONNABORTED /
 * ETIMEDOUT), Node and undici (ETIMEDOUT, UND_ERR_*_TIMEOUT, AbortSignal.timeout's TimeoutError) and
 * node-fetch as Zapier uses it (type `request-timeout`, "network timeout at").
 */
export function isTimeoutFailure(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 5) return false;
	const e = error as { name?: unknown; code?: unknown; type?: unknown; message?: unknown; cause?: unknown };
	if (e.name === 'TimeoutError' || e.type === 'request-timeout') return true;
	if (typeof e.code === 'string' && /^(ETIMEDOUT|ESOCKETTIMEDOUT|ECONNABORTED|UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT)$/.test(e.code)) return true;
	if (typeof e.message === 'string' && /\b(network timeout at|timeout of \d+ ?ms exceeded|timed out)\b/i.test(e.message)) return true;
	return e.cause !== undefined && isTimeoutFailure(e.cause, depth + 1);
}

export interface HttpResponse {
	status: number;
	/** Lower-case header names. */
	headers: Record<string, string | undefined>;
	/** The raw body text. */
	body: string;
}

export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Form-encodes fields, skipping undefined values, in insertion order. */
export function encodeForm(fields: Record<string, string | undefined>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		if (value !== undefined) params.append(key, value);
	}
	return params.toString();
}

/**
 * Sends and reports a transport failure as a value instead of a throw, so callers raise their own
 * vendor-named, redacted error (and n8n's lint sees no raw re-throw inside a catch block).
 */
export async function sendCapturingFailure(
	http: HttpClient,
	request: HttpRequest,
): Promise<{ response: HttpResponse; failure?: undefined; timedOut?: undefined } | { response?: undefined; failure: string; timedOut: boolean }> {
	try {
		return { response: await http(request) };
	} catch (error) {
		return { failure: error instanceof Error ? error.message : String(error), timedOut: isTimeoutFailure(error) };
	}
}
