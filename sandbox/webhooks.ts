import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface Delivery {
	url: string;
	body: unknown;
	headers?: Record<string, string>;
	/** Adds an `Authorization: Basic` header (Worksection's http_user/http_pass). */
	basicAuth?: { user: string; pass: string };
}

export interface DeliveryResult {
	ok: boolean;
	status?: number;
	error?: string;
}

const TIMEOUT_MS = 5000; // Worksection's documented receiver deadline

/** POSTs one JSON webhook; never throws. */
export function deliver(delivery: Delivery): Promise<DeliveryResult> {
	return new Promise((resolve) => {
		let url: URL;
		try {
			url = new URL(delivery.url);
		} catch {
			resolve({ ok: false, error: 'invalid url' });
			return;
		}
		const payload = JSON.stringify(delivery.body);
		const headers: Record<string, string | number> = {
			'Content-Type': 'application/json',
			'Content-Length': Buffer.byteLength(payload),
			'User-Agent': 'worktools-sandbox-webhooks',
			...(delivery.headers ?? {}),
		};
		if (delivery.basicAuth) {
			const encoded = Buffer.from(`${delivery.basicAuth.user}:${delivery.basicAuth.pass}`).toString('base64');
			headers.Authorization = `Basic ${encoded}`;
		}
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = send(url, { method: 'POST', headers, timeout: TIMEOUT_MS }, (res) => {
			res.resume();
			res.on('end', () => {
				const status = res.statusCode ?? 0;
				resolve({ ok: status >= 200 && status < 300, status });
			});
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (error) => resolve({ ok: false, error: error.message }));
		req.end(payload);
	});
}
