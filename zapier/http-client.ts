import type { ZObject } from 'zapier-platform-core';

import type { HttpClient, HttpResponse } from '../shared/oauth';

/**
 * The shared lifecycle's transport, built on z.request so token calls show up in Zapier's monitoring.
 *
 * skipThrowForStatus lets the shared parser read every 4xx body, and throwForThrottlingEarly: false its 429s
 * (with Retry-After as seconds or an HTTP date). One answer never reaches it: with autoRefresh on, core turns
 * any 401 into RefreshAuthError before the response is handed back. The shared lifecycle would report such a throw as "could not be reached", so the
 * platform error is remembered here and the caller translates it (see token-errors.ts).
 */
export interface TokenTransport {
	http: HttpClient;
	/** The platform error z.request threw during the last call, if any. */
	platformError(): Error | undefined;
}

const PLATFORM_ERRORS = new Set(['RefreshAuthError', 'ThrottledError']);

export function tokenTransport(z: ZObject): TokenTransport {
	let caught: Error | undefined;
	const http: HttpClient = async (request) => {
		caught = undefined;
		try {
			const response = await z.request({
				method: request.method,
				url: request.url,
				headers: request.headers,
				body: request.body,
				timeout: request.timeoutMs,
				skipThrowForStatus: true,
				// core's early 429 check reads Retry-After only in seconds; the shared parser also reads an HTTP date
				throwForThrottlingEarly: false,
			} as Parameters<ZObject['request']>[0]);
			const headers: HttpResponse['headers'] = {};
			response.headers.forEach((value: string, name: string) => {
				headers[name.toLowerCase()] = value;
			});
			return { status: response.status, headers, body: response.content };
		} catch (error) {
			if (error instanceof Error && PLATFORM_ERRORS.has(error.name)) caught = error;
			throw error;
		}
	};
	return { http, platformError: () => caught };
}
