import { createServer } from 'node:net';

// n8n's own defaults (editor, task broker): another n8n on this machine may hold them.
const AVOID = new Set([5678, 5679]);

/** Asks the kernel for a free loopback port. Racy by nature, so callers start their servers right away. */
export async function freePort(exclude: Iterable<number> = []): Promise<number> {
	const skip = new Set([...AVOID, ...exclude]);
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = await new Promise<number>((resolve, reject) => {
			const server = createServer();
			server.unref();
			server.on('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				const found = typeof address === 'object' && address ? address.port : 0;
				server.close(() => resolve(found));
			});
		});
		if (port > 0 && !skip.has(port)) return port;
	}
	throw new Error('could not find a free port');
}

/** True when nothing listens on 127.0.0.1:port (used to validate the playground's fixed ports). */
export async function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.unref();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** n distinct free ports. */
export async function freePorts(n: number): Promise<number[]> {
	const ports: number[] = [];
	while (ports.length < n) ports.push(await freePort(ports));
	return ports;
}
