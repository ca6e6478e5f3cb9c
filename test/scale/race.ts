import type { ExecutionResult, N8nClient, Workflow } from '../e2e/lib/n8n-client';
import { ACTION, TRIGGER } from '../e2e/lib/workflow';
import type { RaceCase } from './cases';

export interface RaceOptions {
	runs: number;
	/** Slow vendor: the sandbox holds each token request this long (0 = normal speed). */
	tokenDelayMs: number;
	/** Upper bound for one execution to finish. */
	runTimeoutMs: number;
}

export interface RaceResult {
	runs: number;
	succeeded: number;
	/** Token-endpoint requests the sandbox saw for the vendor during the race. */
	tokenRequests: number;
	/** Of those, how many the vendor refused (e.g. invalid_grant for a spent refresh token). */
	tokenRejected: number;
	ms: number;
	executionIds: string[];
	/** First few distinct failure reasons. */
	failures: string[];
	/** The run made after the race: succeeded, and with no token request of its own. */
	after: { ok: boolean; tokenRequests: number; problem?: string };
}

interface LogEntry {
	at: string;
	path: string;
	status: number;
}

/** The sandbox's /__sandbox control API, beyond what test/e2e/lib/sandbox-server.ts wraps. */
export class SandboxControl {
	constructor(readonly url: string) {}

	async expire(vendor: string): Promise<void> {
		await this.call('POST', `/__sandbox/expire?vendor=${encodeURIComponent(vendor)}`);
	}

	async setTokenDelay(vendor: string, ms: number): Promise<void> {
		await this.call('POST', `/__sandbox/token-delay?vendor=${encodeURIComponent(vendor)}&ms=${ms}`);
	}

	/** Token requests to the given paths logged at or after `since` (ms epoch), and how many were refused. */
	async tokenRequestsSince(vendor: string, paths: string[], since: number): Promise<{ total: number; rejected: number }> {
		const log = (await this.call('GET', `/__sandbox/log?vendor=${encodeURIComponent(vendor)}`)) as LogEntry[];
		const hits = log.filter((e) => paths.includes(e.path) && Date.parse(e.at) >= since);
		return { total: hits.length, rejected: hits.filter((e) => e.status >= 400).length };
	}

	private async call(method: string, path: string): Promise<unknown> {
		const res = await fetch(`${this.url}${path}`, { method, signal: AbortSignal.timeout(10_000) });
		const text = await res.text();
		if (res.status !== 200) throw new Error(`sandbox ${method} ${path}: HTTP ${res.status}: ${text.slice(0, 200)}`);
		return JSON.parse(text) as unknown;
	}
}

function problemOf(race: RaceCase, result: ExecutionResult): string | undefined {
	if (result.status !== 'success') return `${result.status}: ${result.error ?? 'no error message'}`;
	return race.check(result.items(ACTION));
}

/**
 * Expires the vendor's tokens, starts `runs` manual runs of the workflow at once, waits for all of them,
 * and counts the token requests the vendor saw; then one more run proves the saved token works.
 */
export async function runRace(client: N8nClient, sandbox: SandboxControl, race: RaceCase, workflow: Workflow, options: RaceOptions): Promise<RaceResult> {
	if (options.tokenDelayMs > 0) await sandbox.setTokenDelay(race.vendor, options.tokenDelayMs);
	let result: Omit<RaceResult, 'after'>;
	try {
		await sandbox.expire(race.vendor);
		const started = Date.now();
		const executionIds = await Promise.all(Array.from({ length: options.runs }, async () => await client.startRun(workflow, TRIGGER)));
		const settled = await Promise.allSettled(executionIds.map(async (id) => await client.waitForExecution(id, options.runTimeoutMs)));
		const ms = Date.now() - started;
		const failures = new Set<string>();
		let succeeded = 0;
		for (const outcome of settled) {
			const problem = outcome.status === 'rejected' ? String(outcome.reason instanceof Error ? outcome.reason.message : outcome.reason) : problemOf(race, outcome.value);
			if (problem === undefined) succeeded++;
			else if (failures.size < 3) failures.add(problem.slice(0, 300));
		}
		const tokens = await sandbox.tokenRequestsSince(race.vendor, race.tokenPaths, started);
		result = { runs: options.runs, succeeded, tokenRequests: tokens.total, tokenRejected: tokens.rejected, ms, executionIds, failures: [...failures] };
	} finally {
		if (options.tokenDelayMs > 0) await sandbox.setTokenDelay(race.vendor, 0);
	}
	const afterStarted = Date.now();
	let after: RaceResult['after'];
	try {
		const problem = problemOf(race, await client.run(workflow, TRIGGER, options.runTimeoutMs));
		const tokens = await sandbox.tokenRequestsSince(race.vendor, race.tokenPaths, afterStarted);
		after = { ok: problem === undefined && tokens.total === 0, tokenRequests: tokens.total, problem };
	} catch (error) {
		after = { ok: false, tokenRequests: -1, problem: error instanceof Error ? error.message : String(error) };
	}
	return { ...result, after };
}
