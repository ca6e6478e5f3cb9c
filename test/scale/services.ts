import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

import type { Cleanup } from '../e2e/lib/cleanup';
import { tailFile } from '../e2e/lib/log-tail';
import { freePort } from '../e2e/lib/ports';
import { ManagedProcess } from '../e2e/lib/processes';
import { FatalWaitError, waitFor } from '../e2e/lib/wait';

/**
 * Redis and PostgreSQL for n8n's queue mode, from Debian's packages, each a private instance on a free
 * loopback port with its data in the run folder, started here and stopped by PID through `cleanup`.
 */

const APT_TIMEOUT_MS = 8 * 60_000;
const POLICY_RC = '/usr/sbin/policy-rc.d';

function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'postgres')) && existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? join(root, versions[0], 'bin') : undefined;
}

function redisBinary(): string | undefined {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
}

/**
 * Installs redis-server and postgresql with apt-get when either is missing (CI runs as root). Package
 * scripts must not start the system-wide services (a Redis on 6379 nobody stops): a temporary
 * policy-rc.d that denies service starts is put in place when none exists, and removed afterwards.
 */
export function ensureServicePackages(log: (line: string) => void): { postgresBin: string; redisServer: string } {
	let postgresBin = postgresBinDir();
	let redisServer = redisBinary();
	if (postgresBin && redisServer) return { postgresBin, redisServer };
	if (process.getuid?.() !== 0) throw new Error('redis-server or the PostgreSQL server is missing; install them: apt-get install -y redis-server postgresql');
	log('installing redis-server and postgresql from Debian (apt-get)');
	const ownPolicy = !existsSync(POLICY_RC);
	if (ownPolicy) {
		writeFileSync(POLICY_RC, '#!/bin/sh\n# written by test/scale for the length of an apt-get install: no service starts\nexit 101\n');
		chmodSync(POLICY_RC, 0o755);
	}
	try {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env, timeout: APT_TIMEOUT_MS });
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server', 'postgresql'], { stdio: ['ignore', 'ignore', 'inherit'], env, timeout: APT_TIMEOUT_MS });
	} finally {
		if (ownPolicy) rmSync(POLICY_RC, { force: true });
	}
	postgresBin = postgresBinDir();
	redisServer = redisBinary();
	if (!postgresBin || !redisServer) throw new Error('apt-get install finished but redis-server or the PostgreSQL server binaries are still missing');
	return { postgresBin, redisServer };
}

export interface RedisInstance {
	port: number;
	process: ManagedProcess;
}

export async function startRedis(redisServer: string, runDir: string, cleanup: Cleanup): Promise<RedisInstance> {
	const port = await freePort();
	const dir = join(runDir, 'redis');
	mkdirSync(dir, { recursive: true });
	const logFile = join(runDir, 'redis.log');
	const child = ManagedProcess.start({
		name: 'redis',
		command: redisServer,
		args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
		env: process.env,
		logFile,
		pidFile: join(runDir, 'redis.pid'),
	});
	cleanup.add(child);
	await waitFor(
		`redis on port ${port}`,
		async () => {
			if (!child.running) throw new FatalWaitError(`redis exited during start-up:\n${tailFile(logFile, 20)}`);
			return (await redisPing(port)) ? true : undefined;
		},
		30_000,
	);
	return { port, process: child };
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

export interface PostgresInstance {
	port: number;
	user: string;
	database: string;
	process: ManagedProcess;
}

/**
 * A throw-away cluster: initdb into the run folder (trust auth, loopback only, fsync off), then postgres
 * in the foreground. PostgreSQL refuses to run as root, so as root both run as the `postgres` user of the
 * Debian package (or `nobody`).
 */
export async function startPostgres(binDir: string, runDir: string, cleanup: Cleanup): Promise<PostgresInstance> {
	const port = await freePort();
	const dataDir = join(runDir, 'pgdata');
	const socketDir = join(runDir, 'pgsocket');
	mkdirSync(dataDir, { recursive: true });
	mkdirSync(socketDir, { recursive: true });
	const asRoot = process.getuid?.() === 0;
	const runAs = asRoot ? systemUser() : undefined;
	if (runAs) {
		// The run folder is private to root (mkdtemp, 0700): let the service user into it.
		chmodSync(runDir, 0o755);
		execFileSync('chown', ['-R', runAs, dataDir, socketDir]);
	}
	const wrap = (bin: string, args: string[]): [string, string[]] => (runAs ? ['runuser', ['-u', runAs, '--', bin, ...args]] : [bin, args]);
	const user = 'n8n';
	const [initCmd, initArgs] = wrap(join(binDir, 'initdb'), ['-D', dataDir, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-sync']);
	execFileSync(initCmd, initArgs, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });

	const logFile = join(runDir, 'postgres.log');
	const [cmd, args] = wrap(join(binDir, 'postgres'), [
		'-D', dataDir,
		'-p', String(port),
		'-k', socketDir,
		'-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off',
		'-c', 'synchronous_commit=off',
		'-c', 'full_page_writes=off',
		'-c', 'max_connections=100',
	]);
	const child = ManagedProcess.start({ name: 'postgres', command: cmd, args, env: process.env, logFile, pidFile: join(runDir, 'postgres.pid') });
	cleanup.add(child);
	const isReady = join(binDir, 'pg_isready');
	await waitFor(
		`postgres on port ${port}`,
		async () => {
			if (!child.running) throw new FatalWaitError(`postgres exited during start-up:\n${tailFile(logFile, 20)}`);
			try {
				execFileSync(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres'], { stdio: 'ignore', timeout: 5000 });
				return true;
			} catch {
				return undefined;
			}
		},
		60_000,
	);
	return { port, user, database: 'postgres', process: child };
}

function systemUser(): string {
	for (const candidate of ['postgres', 'nobody']) {
		try {
			execFileSync('id', ['-u', candidate], { stdio: 'ignore' });
			return candidate;
		} catch {
			// no such user
		}
	}
	throw new Error('no non-root user (postgres or nobody) to run PostgreSQL as');
}
