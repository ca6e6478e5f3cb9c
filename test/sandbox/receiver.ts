import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	body: unknown;
}

/** A throwaway webhook receiver on a random loopback port. */
export class Receiver {
	readonly received: Received[] = [];
	url = '';
	private server: Server | undefined;
	private waiters: (() => void)[] = [];

	/** A receiver for the enclosing describe block: listening before its tests, closed after them. */
	static forBlock(): Receiver {
		const receiver = new Receiver();
		beforeAll(() => receiver.start());
		afterAll(() => receiver.close());
		return receiver;
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				this.received.push({ path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined });
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('{"status":"OK"}');
				this.waiters.splice(0).forEach((wake) => wake());
			});
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	/** Resolves once `count` deliveries arrived, or rejects after the timeout. */
	async waitFor(count: number, timeoutMs = 3000): Promise<Received[]> {
		const deadline = Date.now() + timeoutMs;
		while (this.received.length < count) {
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`expected ${count} webhook deliveries, got ${this.received.length}`);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
		return this.received;
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			if (!this.server) return resolve();
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}
}
