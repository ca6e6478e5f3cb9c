/**
 * An axios-backed HttpClient for shared/oauth, used by tests and our own tools (it may move to shared
 * tooling later; shared/ itself must never import axios). The body comes back as raw text, every status is
 * returned rather than thrown (the lifecycle judges statuses), and header names are lower-cased.
 */
import axios, { AxiosError } from 'axios';

import { HttpTimeoutError, isTimeoutFailure, type HttpClient, type HttpRequest, type HttpResponse } from '../../shared/oauth/http';

export interface AxiosHttpClientOptions {
	timeoutMs?: number;
	/** Token endpoints must not redirect: a redirect means a wrong URL, so it is returned, not followed. */
	maxRedirects?: number;
}

/** The URL without its query, which may carry a token (Weekdone ?token=). */
function safeUrl(url: string): string {
	try {
		const u = new URL(url);
		return `${u.origin}${u.pathname}`;
	} catch {
		return '(invalid URL)';
	}
}

function lowerCaseHeaders(raw: Record<string, unknown>): Record<string, string | undefined> {
	const headers: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(raw)) {
		if (value === undefined || value === null) continue;
		headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return headers;
}

/**
 * A transport failure, rethrown as a plain Error: axios errors carry the request config (headers and body,
 * so tokens and secrets), and their messages may quote the URL with its query.
 */
function networkError(request: HttpRequest, error: unknown): Error {
	const code = error instanceof AxiosError || (error instanceof Error && 'code' in error) ? (error as { code?: string }).code : undefined;
	// Keep the reason (ENOTFOUND, timeout, …) but drop any query string it quotes.
	const reason = error instanceof Error ? error.message.replace(/\?[^\s"']*/g, '') : 'unknown';
	return new Error(`${request.method} ${safeUrl(request.url)} failed: ${code ?? 'network error'} (${reason})`);
}

export function createAxiosHttpClient(options: AxiosHttpClientOptions = {}): HttpClient {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		try {
			const response = await axios.request<string>({
				method: request.method,
				url: request.url,
				headers: request.headers,
				data: request.body,
				responseType: 'text',
				transformResponse: [(data: unknown) => data], // keep the raw text, never JSON-parse here
				validateStatus: () => true,
				maxRedirects: options.maxRedirects ?? 0,
				timeout: request.timeoutMs ?? options.timeoutMs ?? 30_000, // the request's own timeout wins (shared/oauth/http.ts)
			});
			const body = typeof response.data === 'string' ? response.data : response.data === undefined ? '' : String(response.data);
			return { status: response.status, headers: lowerCaseHeaders({ ...response.headers }), body };
		} catch (error) {
			if (isTimeoutFailure(error)) throw new HttpTimeoutError(request.url, request.timeoutMs ?? options.timeoutMs ?? 30_000);
			throw networkError(request, error);
		}
	};
}

export const axiosHttpClient: HttpClient = createAxiosHttpClient();
