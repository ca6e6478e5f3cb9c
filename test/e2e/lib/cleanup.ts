import type { ManagedProcess } from './processes';

/**
 * Stops every registered process on Ctrl-C / SIGTERM (gracefully) and on any exit (SIGKILL, synchronously),
 * so a failing or interrupted run never leaves n8n or the sandbox behind.
 */
export class Cleanup {
	private readonly processes: ManagedProcess[] = [];
	private stopping = false;

	/** onSignal runs first on Ctrl-C / SIGTERM (e.g. to stop reporting failures of the interrupted work). */
	constructor(onSignal?: (signal: NodeJS.Signals) => void) {
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
			process.on(signal, () => {
				onSignal?.(signal);
				void this.stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
			});
		}
		process.on('exit', () => {
			for (const child of this.processes) child.killNow();
		});
	}

	add(child: ManagedProcess): void {
		this.processes.push(child);
	}

	/** Stops in reverse start order (n8n before the sandbox it talks to). */
	async stopAll(): Promise<void> {
		if (this.stopping) return;
		this.stopping = true;
		for (const child of [...this.processes].reverse()) await child.stop();
	}
}
