// CLI: node build/sandbox/main.js --port 5701 [--host 127.0.0.1] [--access-ttl 5] [--auto-approve]
//      [--webwork-rate-limit 60] [--verbose] [--assume name[,name]]... [--assumptions-file path]
//      [--assumptions-dir dir] [--redirect-uri uri]...
// Env fallbacks: SANDBOX_PORT, SANDBOX_HOST, SANDBOX_ACCESS_TTL, SANDBOX_AUTO_APPROVE=1,
// SANDBOX_WEBWORK_RATE_LIMIT, SANDBOX_VERBOSE=1, SANDBOX_ASSUMPTIONS (comma-separated),
// SANDBOX_ASSUMPTIONS_FILE, SANDBOX_ASSUMPTIONS_DIR (writes <dir>/sandbox-<pid>.json, so every sandbox a
// test run starts leaves its own report: scripts/test-all.sh sets it), SANDBOX_REDIRECT_URIS (space-separated). Repeated flags add up; flags and env add up too.
import { join } from 'node:path';
import { startSandbox, type SandboxOptions } from './server';

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): SandboxOptions & { verbose: boolean } {
	const flags = new Map<string, string | true>();
	const lists = new Map<string, string[]>();
	const repeatable = ['assume', 'redirect-uri'];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
		const eq = arg.indexOf('=');
		const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
		let value: string | true = true;
		if (eq >= 0) value = arg.slice(eq + 1);
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) value = argv[++i];
		if (repeatable.includes(name)) {
			if (value === true) throw new Error(`--${name} needs a value`);
			lists.set(name, [...(lists.get(name) ?? []), value]);
		} else flags.set(name, value);
	}
	const known = ['port', 'host', 'access-ttl', 'auto-approve', 'webwork-rate-limit', 'verbose', 'assumptions-file', 'assumptions-dir', ...repeatable];
	for (const name of flags.keys()) if (!known.includes(name)) throw new Error(`unknown option --${name}`);

	const text = (flag: string, envName: string): string | undefined => {
		const value = flags.get(flag);
		return typeof value === 'string' ? value : env[envName];
	};
	const number = (flag: string, envName: string): number | undefined => {
		const value = text(flag, envName);
		if (value === undefined || value === '') return undefined;
		if (!/^\d+$/.test(value)) throw new Error(`--${flag} needs a whole number, got "${value}"`);
		return Number(value);
	};
	const list = (flag: string, envName: string, separator: RegExp): string[] => [
		...(lists.get(flag) ?? []),
		...(env[envName] ?? '').split(separator).filter((v) => v.length > 0),
	];
	const bool = (flag: string, envName: string): boolean => flags.get(flag) === true || flags.get(flag) === '1' || env[envName] === '1' || env[envName] === 'true';

	return {
		port: number('port', 'SANDBOX_PORT') ?? 5701,
		host: text('host', 'SANDBOX_HOST') ?? '127.0.0.1',
		accessTokenTtlSeconds: number('access-ttl', 'SANDBOX_ACCESS_TTL'),
		autoApprove: bool('auto-approve', 'SANDBOX_AUTO_APPROVE'),
		webworkRateLimitPerMinute: number('webwork-rate-limit', 'SANDBOX_WEBWORK_RATE_LIMIT'),
		verbose: bool('verbose', 'SANDBOX_VERBOSE'),
		assumptions: list('assume', 'SANDBOX_ASSUMPTIONS', /[\s,]+/),
		assumptionsFile: text('assumptions-file', 'SANDBOX_ASSUMPTIONS_FILE') ?? inDir(text('assumptions-dir', 'SANDBOX_ASSUMPTIONS_DIR')),
		redirectUris: orUndefined(list('redirect-uri', 'SANDBOX_REDIRECT_URIS', /\s+/)),
	};
}

function inDir(dir: string | undefined): string | undefined {
	return dir ? join(dir, `sandbox-${process.pid}.json`) : undefined;
}

/** No --redirect-uri at all keeps the default registrations (clients.ts). */
function orUndefined(values: string[]): string[] | undefined {
	return values.length > 0 ? values : undefined;
}

// The request listener catches its own failures; this only keeps a stray rejection (a bug) from
// killing a sandbox that tests and the playground depend on.
process.on('unhandledRejection', (reason: unknown) => {
	process.stderr.write(`sandbox: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
});

async function main(): Promise<void> {
	const { verbose, ...options } = parseArgs(process.argv.slice(2), process.env);
	const sandbox = await startSandbox({ ...options, log: verbose ? (line) => process.stderr.write(`${line}\n`) : undefined });
	process.stdout.write(`sandbox listening on ${sandbox.url}\n`);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
