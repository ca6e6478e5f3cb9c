import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { VendorId } from '../sandbox/clients';
import type { SandboxCounts } from './sandbox-process';

/** The parent's handle on bench/sandbox-process.ts: started by fork, stopped by its own PID. */
export class BenchSandbox {
	private next = 1;
	private readonly waiting = new Map<number, (body: unknown) => void>();

	private constructor(
		readonly url: string,
		private readonly child: ChildProcess,
	) {
		child.on('message', (message: { id?: number; body?: unknown }) => {
			if (message.id === undefined) return;
			this.waiting.get(message.id)?.(message.body);
			this.waiting.delete(message.id);
		});
	}

	static async start(records: number): Promise<BenchSandbox> {
		const child = fork(join(__dirname, 'sandbox-process.js'), [], { env: { ...process.env, BENCH_RECORDS: String(records) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const url = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error('bench sandbox did not start within 60 s'));
			}, 60_000);
			child.once('message', () => clearTimeout(timer));
			child.once('error', reject);
			child.once('exit', (code) => reject(new Error(`bench sandbox exited with ${code}`)));
			child.on('message', (message: { ready?: string }) => {
				if (message.ready) resolve(message.ready);
			});
		});
		return new BenchSandbox(url, child);
	}

	private ask<T>(command: Record<string, unknown>): Promise<T> {
		const id = this.next++;
		return new Promise<T>((resolve) => {
			this.waiting.set(id, resolve as (body: unknown) => void);
			this.child.send({ id, ...command });
		});
	}

	counts(): Promise<SandboxCounts> {
		return this.ask({ cmd: 'counts' });
	}

	clear(): Promise<void> {
		return this.ask({ cmd: 'clear' });
	}

	expire(vendor: VendorId): Promise<number> {
		return this.ask({ cmd: 'expire', vendor });
	}

	async stop(): Promise<void> {
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.child.send({ id: 0, cmd: 'stop' });
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
		await exited;
		clearTimeout(timer);
	}
}
