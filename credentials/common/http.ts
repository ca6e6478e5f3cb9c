import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import type { HttpClient } from '../../shared/oauth/http';

/**
 * How long our n8n code waits for any one vendor answer (API calls and the token requests it makes itself).
 * n8n's own default is 300 s (axios, @n8n/backend-network); a vendor silent for a minute is down, and a
 * workflow should fail with a clear error instead of hanging that long.
 */
export const N8N_REQUEST_TIMEOUT_MS = 60_000;

/**
 * The shared lifecycle's HttpClient on top of n8n's own request helper: raw text in, raw text out, no
 * status errors, so the lifecycle parses and redacts the vendor's answer itself.
 */
export function n8nHttpClient(helpers: IHttpRequestHelper['helpers']): HttpClient {
	return async (request) => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers: { ...request.headers },
			body: request.body,
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: request.timeoutMs ?? N8N_REQUEST_TIMEOUT_MS,
		};
		const response = (await helpers.httpRequest(options)) as { body: unknown; headers: Record<string, unknown>; statusCode: number };
		const headers: Record<string, string | undefined> = {};
		for (const [name, value] of Object.entries(response.headers ?? {})) {
			headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
		}
		const body = response.body;
		const text = typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body);
		return { status: response.statusCode, headers, body: text };
	};
}
