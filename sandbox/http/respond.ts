import type { ServerResponse } from 'node:http';

export type Headers = Record<string, string | number>;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
	send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Headers = {}): void {
	send(res, status, text, 'text/plain; charset=utf-8', headers);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
	send(res, status, html, 'text/html; charset=utf-8', {});
}

export function redirect(res: ServerResponse, location: string): void {
	res.writeHead(302, { Location: location, 'Content-Length': 0, 'Cache-Control': 'no-store' });
	res.end();
}

function send(res: ServerResponse, status: number, body: string, contentType: string, headers: Headers): void {
	res.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(body),
		'Cache-Control': 'no-store',
		...headers,
	});
	res.end(body);
}
