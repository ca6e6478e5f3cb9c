import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import { tailFile } from './log-tail';
import { FatalWaitError, waitFor } from './wait';

export interface StartOptions {
	/** Short label for messages ("n8n", "sandbox"). */
	name: string;
	command: string;
	args: string[];
	cwd?: string;
	env: NodeJS.ProcessEnv;
	/** stdout and stderr are appended here. */
	logFile: string;
	pidFile: string;
}

/**
 * A server started in its own process group (so n8n's task-runner children go with it), with a PID file.
 * Stopping kills the PID, its process group and every descendant found in /proc, and nothing else.
 */
export class ManagedProcess {
	readonly pid: number;
	readonly exited: Promise<number | null>;
	private exitCode: number | null | undefined;

	private constructor(
		readonly options: StartOptions,
		child: ChildProcess,
	) {
		if (child.pid === undefined) throw new Error(`${options.name}: spawn failed (${options.command})`);
		this.pid = child.pid;
		this.exited = new Promise((resolve) => {
			child.once('exit', (code, signal) => {
				this.exitCode = code ?? (signal ? null : 0);
				resolve(this.exitCode);
			});
		});
		writeFileSync(options.pidFile, `${this.pid}\n`);
	}

	static start(options: StartOptions): ManagedProcess {
		const log = openSync(options.logFile, 'a');
		try {
			const child = spawn(options.command, options.args, {
				cwd: options.cwd,
				env: options.env,
				stdio: ['ignore', log, log],
				detached: true,
			});
			// A missing binary leaves pid undefined (the constructor throws); keep the reason in the log too.
			child.once('error', (error) => writeFileSync(options.logFile, `spawn error: ${error.message}\n`, { flag: 'a' }));
			return new ManagedProcess(options, child);
		} finally {
			closeSync(log);
		}
	}

	get running(): boolean {
		return this.exitCode === undefined;
	}

	/** SIGTERM, then SIGKILL after graceMs; resolves once the main process has exited. */
	async stop(graceMs = 10_000): Promise<void> {
		if (this.running) {
			const family = [...descendantsOf(this.pid)];
			this.signal('SIGTERM', family);
			const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
			if ((await Promise.race([this.exited, timer])) === 'timeout') this.signal('SIGKILL', family);
			await this.exited;
			// Children that outlived a graceful parent exit (e.g. a runner stuck in a task).
			this.signal('SIGKILL', family);
		}
		rmSync(this.options.pidFile, { force: true });
	}

	/** Synchronous last resort for process 'exit' handlers, where nothing can be awaited. */
	killNow(): void {
		if (this.running) this.signal('SIGKILL', [...descendantsOf(this.pid)]);
		rmSync(this.options.pidFile, { force: true });
	}

	private signal(signal: NodeJS.Signals, family: number[]): void {
		for (const target of [-this.pid, this.pid, ...family]) {
			try {
				process.kill(target, signal);
			} catch {
				// already gone
			}
		}
	}
}

/**
 * Waits until `serving` says a freshly started server at `url` answers. It fails at once, with the end of the
 * log, when the process exits; a time-out brings the log's end too (it says nothing by itself). On any failure
 * the process is stopped.
 */
export async function waitUntilServing(child: ManagedProcess, url: string, serving: () => Promise<boolean>, timeoutMs: number, tailLines: number): Promise<void> {
	const { name, logFile } = child.options;
	try {
		await waitFor(
			`${name} at ${url}`,
			async () => {
				if (!child.running) throw new FatalWaitError(`${name} exited during start-up:\n${tailFile(logFile, tailLines)}`);
				return (await serving()) ? true : undefined;
			},
			timeoutMs,
		);
	} catch (error) {
		await child.stop();
		if (error instanceof FatalWaitError) throw error;
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- ${name} log tail ---\n${tailFile(logFile, tailLines)}`);
	}
}

/** PIDs whose parent chain leads to root (Linux /proc; empty elsewhere, where the group kill suffices). */
export function descendantsOf(root: number): Set<number> {
	const parentOf = new Map<number, number>();
	let entries: string[];
	try {
		entries = readdirSync('/proc');
	} catch {
		return new Set();
	}
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Fields after "(comm)": state ppid ...; comm may contain spaces and parentheses.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parentOf.set(Number(entry), Number(fields[1]));
		} catch {
			// process ended while reading
		}
	}
	const found = new Set<number>();
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, ppid] of parentOf) {
			if (!found.has(pid) && (ppid === root || found.has(ppid))) {
				found.add(pid);
				grew = true;
			}
		}
	}
	return found;
}
