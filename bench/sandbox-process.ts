/**
 * The vendor sandbox in its own process (so its work never shares the measured process's event loop),
 * served exactly as sandbox/server.ts serves it, plus what the bench needs and the sandbox does not offer:
 * a count of TCP connections, and WebWork's workspace 1002 seeded with a given number of tasks.
 * Talks to the bench over the fork IPC channel: {cmd:'counts'|'clear'|'expire', vendor?} → reply.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createRequestListener } from '../sandbox/dispatch';
import { resolveOptions } from '../sandbox/resolve-options';
import { buildRouter } from '../sandbox/routes';
import { SandboxState } from '../sandbox/state';
import type { VendorId } from '../sandbox/clients';

export const SEEDED_WORKSPACE = 1002;
export const SEEDED_PROJECT = 2003;

export type SandboxCommand = { id: number; cmd: 'counts' | 'clear' | 'stop' } | { id: number; cmd: 'expire'; vendor: VendorId };

export interface SandboxCounts {
	connections: number;
	/** One line per request the sandbox answered (vendor routes only), in order. */
	requests: Array<{ vendor: string; method: string; path: string; status: number }>;
}

function seedTasks(state: SandboxState, count: number): void {
	const data = state.data['webwork-tracker'];
	const stamp = '2026-01-05 09:30:00';
	data.tasks = data.tasks.filter((t) => t.workspace_id !== SEEDED_WORKSPACE);
	for (let i = 0; i < count; i++) {
		data.tasks.push({
			id: 100_000 + i,
			workspace_id: SEEDED_WORKSPACE,
			project_id: SEEDED_PROJECT,
			title: `Bench task ${i + 1}`,
			description: i % 3 === 0 ? `Notes for task ${i + 1}` : null,
			status: [0, 10, 20, 30][i % 4],
			priority: [10, 20, 30, 40][i % 4],
			start_date: null,
			end_date: null,
			parent_id: null,
			created_at: stamp,
			updated_at: stamp,
		});
	}
}

async function main(): Promise<void> {
	const records = Number(process.env.BENCH_RECORDS ?? '10000');
	// WebWork's documented 60 requests/minute would turn a 100-page read into minutes of waiting: off here.
	// Every lenient switch on (sandbox/assumptions.ts): the bench measures cost; conformance is the tests' job.
	const state = new SandboxState(resolveOptions({ port: 0, host: '127.0.0.1', autoApprove: true, webworkRateLimitPerMinute: 0, assumptions: ['all'] }));
	seedTasks(state, records);
	const server: Server = createServer(createRequestListener(state, buildRouter(state)));
	server.keepAliveTimeout = 5000;
	let connections = 0;
	server.on('connection', () => connections++);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	state.baseUrl = url;

	process.on('message', (message: SandboxCommand) => {
		const reply = (body: unknown) => process.send?.({ id: message.id, body });
		switch (message.cmd) {
			case 'counts':
				return reply({ connections, requests: state.log.list().map(({ vendor, method, path, status }) => ({ vendor, method, path, status })) } satisfies SandboxCounts);
			case 'clear':
				connections = 0;
				state.stats.clear();
				state.log.clear();
				return reply(true);
			case 'expire':
				return reply(state.expire(message.vendor));
			case 'stop':
				server.closeAllConnections();
				server.close(() => process.exit(0));
				return reply(true);
		}
	});
	process.on('disconnect', () => process.exit(0));
	process.send?.({ ready: url });
}

void main();
