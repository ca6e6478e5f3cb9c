// Entry point for tests and tools: one HTTP server emulating all five vendors.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createRequestListener } from './dispatch';
import { MAX_BODY_BYTES } from './http/body';
import type { SandboxOptions } from './options';
import { resolveOptions } from './resolve-options';
import { buildRouter } from './routes';
import { SandboxState } from './state';

export type { SandboxOptions } from './options';
export { SandboxState } from './state';

export interface RunningSandbox {
	/** e.g. http://127.0.0.1:5701 (no trailing slash). */
	url: string;
	port: number;
	state: SandboxState;
	/** Every route the sandbox serves, as "METHOD /path/:param" (the fuzz test walks them all). */
	routes: string[];
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const resolved = resolveOptions(options);
	const state = new SandboxState(resolved);
	const router = buildRouter(state);
	const listener = createRequestListener(state, router);
	const server = createServer(listener);
	// "Expect: 100-continue" with a body over the limit: 413 at once instead of inviting the upload.
	server.on('checkContinue', (req, res) => {
		if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
			res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
			res.end(JSON.stringify({ error: 'request_too_large', message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` }));
			return;
		}
		res.writeContinue();
		listener(req, res);
	});
	// Webhook receivers and clients may keep connections alive; close() must not hang on them.
	server.keepAliveTimeout = 1000;
	server.on('clientError', answerClientError);

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(resolved.port, resolved.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://${urlHost(resolved.host)}:${port}`;
	state.baseUrl = url;

	state.options.assumptions.write();

	return {
		url,
		port,
		state,
		routes: router.list(),
		close: () =>
			new Promise<void>((resolve, reject) => {
				state.options.assumptions.write();
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

/**
 * Requests Node's parser refuses (bad request line, header syntax, NUL bytes, bad chunked encoding,
 * oversized headers) get a plain answer and a closed connection, never an exception.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
	// A parse error while a 413 is already on the wire (a broken chunk while draining): just close.
	const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
	if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
		socket.destroy();
		return;
	}
	const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
	const body = JSON.stringify({ error: 'bad_request', message: `The request could not be parsed (${error.code ?? 'malformed'}).` });
	socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function urlHost(host: string): string {
	if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
	return host.includes(':') ? `[${host}]` : host;
}
