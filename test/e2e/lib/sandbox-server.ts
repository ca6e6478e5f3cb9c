import { join } from 'node:path';

import { ManagedProcess, waitUntilServing } from './processes';

export interface SandboxServerOptions {
	root: string;
	port: number;
	runDir: string;
	/** Skip the consent page (tests); the playground leaves it on so a person sees it. */
	autoApprove: boolean;
	/** Access-token lifetime override in seconds. */
	accessTtlSeconds?: number;
	/** Lenient switches to turn on (sandbox/assumptions.ts); the sandbox is strict to the vendor documents without them. */
	assumptions?: readonly string[];
	/** Exact redirect URIs the sandbox apps register (n8n's OAuth callback); none keeps the sandbox defaults. */
	redirectUris?: readonly string[];
	/** Called right after spawning, so callers can register the process for cleanup. */
	onStarted?: (child: ManagedProcess) => void;
}

/** GET /__sandbox/assumptions: which switches are on, and which of them a request actually needed. */
export interface AssumptionsReport {
	known: Record<string, { vendor: string; accepts: string; why: string }>;
	enabled: string[];
	exercised: Record<string, { count: number; first: string }>;
}

export type SandboxStats = Record<string, number>;

/** The vendor sandbox (build/sandbox/main.js, run on the project's own Node 20) and its /__sandbox control API. */
export class SandboxServer {
	private constructor(
		readonly url: string,
		readonly process: ManagedProcess,
		readonly logFile: string,
	) {}

	static async start(options: SandboxServerOptions): Promise<SandboxServer> {
		const url = `http://127.0.0.1:${options.port}`;
		const logFile = join(options.runDir, 'sandbox.log');
		const args = [join(options.root, 'build/sandbox/main.js'), '--port', String(options.port), '--host', '127.0.0.1', '--verbose'];
		if (options.autoApprove) args.push('--auto-approve');
		if (options.accessTtlSeconds !== undefined) args.push('--access-ttl', String(options.accessTtlSeconds));
		if (options.assumptions && options.assumptions.length > 0) args.push('--assume', options.assumptions.join(','));
		for (const uri of options.redirectUris ?? []) args.push('--redirect-uri', uri);
		const child = ManagedProcess.start({
			name: 'sandbox',
			command: process.execPath,
			args,
			cwd: options.root,
			env: process.env,
			logFile,
			pidFile: join(options.runDir, 'sandbox.pid'),
		});
		options.onStarted?.(child);
		const serving = async () => (await fetch(`${url}/__sandbox/stats`, { signal: AbortSignal.timeout(2000) })).status === 200;
		await waitUntilServing(child, url, serving, 30_000, 20);
		return new SandboxServer(url, child, logFile);
	}

	/** Marks every access token of the vendor expired; the next API call gets a 401. */
	async expire(vendor: string): Promise<void> {
		await this.control('POST', `/__sandbox/expire?vendor=${encodeURIComponent(vendor)}`);
	}

	async stats(vendor: string): Promise<SandboxStats> {
		return (await this.control('GET', `/__sandbox/stats?vendor=${encodeURIComponent(vendor)}`)) as SandboxStats;
	}

	/** The sandbox's request log for one vendor (secrets redacted), for failure messages. */
	async log(vendor: string): Promise<unknown[]> {
		return (await this.control('GET', `/__sandbox/log?vendor=${encodeURIComponent(vendor)}`)) as unknown[];
	}

	async assumptions(): Promise<AssumptionsReport> {
		return (await this.control('GET', '/__sandbox/assumptions')) as AssumptionsReport;
	}

	async stop(): Promise<void> {
		await this.process.stop(5000);
	}

	private async control(method: string, path: string): Promise<unknown> {
		const res = await fetch(`${this.url}${path}`, { method, signal: AbortSignal.timeout(10_000) });
		const text = await res.text();
		if (res.status !== 200) throw new Error(`sandbox ${method} ${path}: HTTP ${res.status}: ${text.slice(0, 200)}`);
		return JSON.parse(text) as unknown;
	}
}
