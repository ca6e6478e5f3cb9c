// Entry point for tests and tools: one HTTP server emulating all five vendors.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestListener } from './dispatch';
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
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const resolved = resolveOptions(options);
	const state = new SandboxState(resolved);
	const server = createServer(createRequestListener(state, buildRouter(state)));
	// Webhook receivers and clients may keep connections alive; close() must not hang on them.
	server.keepAliveTimeout = 1000;

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

	return {
		url,
		port,
		state,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

function urlHost(host: string): string {
	if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
	return host.includes(':') ? `[${host}]` : host;
}
