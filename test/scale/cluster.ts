import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sandboxOverwrites } from '../e2e/sandbox-overwrites';
import type { Cleanup } from '../e2e/lib/cleanup';
import { tailFile } from '../e2e/lib/log-tail';
import { n8nEnv, startN8n, type N8nServer } from '../e2e/lib/n8n-server';
import { freePort } from '../e2e/lib/ports';
import { ManagedProcess } from '../e2e/lib/processes';
import type { Runtime } from '../e2e/lib/runtime';
import { FatalWaitError, waitFor } from '../e2e/lib/wait';
import type { PostgresInstance, RedisInstance } from './services';

/** Each worker takes up to this many executions at once: two workers hold one 20-run race. */
export const WORKER_CONCURRENCY = 10;

export interface Worker {
	name: string;
	process: ManagedProcess;
	logFile: string;
}

export interface N8nCluster {
	main: N8nServer;
	workers: Worker[];
}

export interface ClusterOptions {
	runtime: Runtime;
	userFolder: string;
	runDir: string;
	sandboxUrl: string;
	cleanup: Cleanup;
	/** Queue mode: Redis for the Bull queue and n8n's refresh lock, PostgreSQL shared by main and workers. */
	queue?: { redis: RedisInstance; postgres: PostgresInstance; workers: number };
}

/**
 * n8n as a user runs it: one process, or queue mode (main + `n8n worker` processes on one Redis and one
 * PostgreSQL, manual runs offloaded to the workers). All share one user folder (our installed package)
 * and one encryption key.
 */
export async function startCluster(options: ClusterOptions): Promise<N8nCluster> {
	const port = await freePort();
	const queueEnv: Record<string, string> = options.queue
		? {
				EXECUTIONS_MODE: 'queue',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(options.queue.redis.port),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(options.queue.postgres.port),
				DB_POSTGRESDB_DATABASE: options.queue.postgres.database,
				DB_POSTGRESDB_USER: options.queue.postgres.user,
				DB_POSTGRESDB_PASSWORD: '',
				// Executions and their data are read back by the test through main's REST API.
				EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
				N8N_LOG_LEVEL: 'info',
			}
		: {};
	const common = {
		runtime: options.runtime,
		userFolder: options.userFolder,
		runDir: options.runDir,
		credentialsOverwrite: sandboxOverwrites(options.sandboxUrl),
	};
	const main = await startN8n({
		...common,
		port,
		brokerPort: await freePort([port]),
		env: { ...queueEnv, N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/` },
		onStarted: (child) => options.cleanup.add(child),
	});
	const workers: Worker[] = [];
	for (let i = 1; i <= (options.queue?.workers ?? 0); i++) {
		const name = `worker${i}`;
		const logFile = join(options.runDir, `${name}.log`);
		// Each process runs its own task broker: give each a port of its own.
		const env = n8nEnv({ ...common, port, brokerPort: await freePort([port]), env: queueEnv });
		const child = ManagedProcess.start({
			name,
			command: options.runtime.node,
			args: [options.runtime.n8nBin, 'worker', `--concurrency=${WORKER_CONCURRENCY}`],
			cwd: options.userFolder,
			env,
			logFile,
			pidFile: join(options.runDir, `${name}.pid`),
		});
		options.cleanup.add(child);
		workers.push({ name, process: child, logFile });
	}
	for (const worker of workers) {
		await waitFor(
			`${worker.name} ready`,
			async () => {
				if (!worker.process.running) throw new FatalWaitError(`${worker.name} exited during start-up:\n${tailFile(worker.logFile, 30)}`);
				return readFileSync(worker.logFile, 'utf8').includes('n8n worker is now ready') ? true : undefined;
			},
			180_000,
			500,
		);
	}
	return { main, workers };
}

/** Executions a worker's log says it ran ("Worker started execution <id>", n8n's job processor at info level). */
export function executionsRunBy(worker: Worker): Set<string> {
	const text = readFileSync(worker.logFile, 'utf8');
	return new Set([...text.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]));
}
