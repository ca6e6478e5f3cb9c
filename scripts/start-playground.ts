// `npm start` (via scripts/start.sh): the vendor sandbox with its consent page, and a real n8n with this
// package installed, an owner account, one OAuth2 credential per vendor ready to Connect and sample
// workflows (scripts/playground-content.ts). Runs until Ctrl-C, then stops both processes by PID.
// Logs: build/playground/{n8n,sandbox}.log, kept after Ctrl-C (the next `npm start` or `npm run build` clears build/).
import { copyFileSync, existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import { Cleanup } from '../test/e2e/lib/cleanup';
import { OWNER } from '../test/e2e/lib/owner';
import { repoRoot } from '../test/e2e/lib/paths';
import { freePort, isPortFree } from '../test/e2e/lib/ports';
import { ensureRuntime } from '../test/e2e/lib/runtime';
import { startStack } from '../test/e2e/lib/stack';
import { preparePlayground } from './playground-content';

const DEFAULT_N8N_PORT = 5710;
const DEFAULT_SANDBOX_PORT = 5711;

const log = (line: string) => console.log(`[playground] ${line}`);

/** The port from the environment (must be free), else the default, else any free port. */
async function choosePort(envName: string, fallback: number, taken: number[]): Promise<number> {
	const fromEnv = process.env[envName];
	if (fromEnv) {
		const port = Number(fromEnv);
		if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`${envName}=${fromEnv} is not a port number`);
		if (!(await isPortFree(port))) throw new Error(`${envName}=${port} is already in use`);
		return port;
	}
	if (!taken.includes(fallback) && (await isPortFree(fallback))) return fallback;
	const port = await freePort([...taken, fallback]);
	log(`port ${fallback} is busy, using ${port} (set ${envName} to choose)`);
	return port;
}

/**
 * The stack writes its logs into a throw-away work dir. The stable names in build/playground/ point at
 * them while the playground runs (so `tail -f` works) and become plain copies when it stops.
 */
function stableLogs(root: string, live: Record<string, string>): { paths: Record<string, string>; keep: () => void } {
	const dir = join(root, 'build', 'playground');
	mkdirSync(dir, { recursive: true });
	const paths: Record<string, string> = {};
	for (const [name, target] of Object.entries(live)) {
		const stable = join(dir, `${name}.log`);
		rmSync(stable, { force: true });
		symlinkSync(target, stable);
		paths[name] = stable;
	}
	const keep = () => {
		for (const [name, target] of Object.entries(live)) {
			const stable = paths[name];
			if (existsSync(target) && lstatSync(stable).isSymbolicLink()) {
				rmSync(stable);
				copyFileSync(target, stable);
			}
		}
	};
	return { paths, keep };
}

async function main(): Promise<void> {
	const started = Date.now();
	const root = repoRoot();
	let shuttingDown = false;
	const cleanup = new Cleanup(() => {
		shuttingDown = true;
		log('stopping n8n and the sandbox');
	});
	const runtime = ensureRuntime(root);
	const n8nPort = await choosePort('N8N_PORT', DEFAULT_N8N_PORT, []);
	const sandboxPort = await choosePort('SANDBOX_PORT', DEFAULT_SANDBOX_PORT, [n8nPort]);
	log('starting the vendor sandbox and n8n (about 10 s)');
	// No auto-approve: the person sees each vendor's consent page, as with the real vendor.
	const stack = await startStack({ root, runtime, cleanup, autoApprove: false, sandboxPort, n8nPort, log });
	// A playground is throw-away (fresh owner and database each start); its logs are kept.
	const logs = stableLogs(root, { n8n: stack.n8n.logFile, sandbox: stack.sandbox.logFile });
	process.on('exit', () => {
		logs.keep();
		rmSync(stack.runDir, { recursive: true, force: true });
	});

	const playground = await preparePlayground(stack.client, log);
	const readyIn = Math.round((Date.now() - started) / 1000);

	console.log('');
	console.log(`  n8n editor:  ${stack.n8n.url}`);
	console.log(`  login:       ${OWNER.email} / ${OWNER.password}`);
	console.log(`  sandbox:     ${stack.sandbox.url}  (test secrets: ${stack.sandbox.url}/__sandbox/clients)`);
	console.log(`  workflows:   ${playground.samples.map((s) => s.spec.name).join('; ')}`);
	console.log(`  logs:        ${logs.paths.n8n}, ${logs.paths.sandbox} (kept after Ctrl-C)`);
	console.log(`  pids:        n8n ${stack.n8n.process.pid}, sandbox ${stack.sandbox.process.pid}`);
	console.log('');
	console.log(`  ready in ${readyIn} s. Open a credential, press Connect and approve; then run a workflow.`);
	console.log('  Press Ctrl-C to stop both.');

	// If either server dies, stop the other and say so instead of leaving a half-working playground.
	const died = await Promise.race([
		stack.n8n.process.exited.then(() => 'n8n'),
		stack.sandbox.process.exited.then(() => 'sandbox'),
	]);
	// Ctrl-C: Cleanup is stopping both and exits when done.
	if (shuttingDown) return;
	log(`${died} exited unexpectedly; stopping (log: ${died === 'n8n' ? logs.paths.n8n : logs.paths.sandbox})`);
	await cleanup.stopAll();
	process.exit(1);
}

main().catch((error: unknown) => {
	console.error(`[playground] failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
