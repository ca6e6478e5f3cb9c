// `npm start` (via scripts/start.sh): the vendor sandbox with its consent page, and a real n8n with this
// package installed, an owner account, and one OAuth2 credential per vendor ready to Connect.
// Runs until Ctrl-C, then stops both processes by PID.
import { rmSync } from 'node:fs';

import { Cleanup } from '../test/e2e/lib/cleanup';
import type { N8nClient } from '../test/e2e/lib/n8n-client';
import { OWNER } from '../test/e2e/lib/owner';
import { repoRoot } from '../test/e2e/lib/paths';
import { freePort, isPortFree } from '../test/e2e/lib/ports';
import { ensureRuntime } from '../test/e2e/lib/runtime';
import { startStack } from '../test/e2e/lib/stack';
import { singleActionWorkflow } from '../test/e2e/lib/workflow';
import { oauth2ClientData, VENDORS } from '../test/e2e/vendors';

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

/** One OAuth2 credential per vendor with the sandbox app filled in, plus a "Try" workflow that calls the API. */
async function prepareVendors(client: N8nClient, nodeTypes: Set<string>): Promise<void> {
	for (const vendor of VENDORS) {
		const type = vendor.oauth2.credentialType;
		try {
			const credential = await client.createCredential(`${vendor.id} (sandbox)`, type, oauth2ClientData(vendor, client.oauthCallbackUrl));
			if (nodeTypes.has(vendor.nodeType)) {
				const parameters = vendor.testCall.parameters(type);
				await client.createWorkflow(singleActionWorkflow(`Try ${vendor.id}`, { type: vendor.nodeType, parameters, credential }));
			}
			log(`credential "${credential.name}" (${type}) ready: open it and press Connect`);
		} catch (error) {
			log(`could not prepare ${vendor.id}: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
}

async function main(): Promise<void> {
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
	// A playground is throw-away (fresh owner each start); only a crash keeps its logs.
	let keepRunDir = false;
	process.on('exit', () => {
		if (!keepRunDir) rmSync(stack.runDir, { recursive: true, force: true });
	});

	const nodeTypes = new Set(await stack.client.nodeTypeNames());
	await prepareVendors(stack.client, nodeTypes);

	console.log('');
	console.log(`  n8n editor:  ${stack.n8n.url}`);
	console.log(`  login:       ${OWNER.email} / ${OWNER.password}`);
	console.log(`  sandbox:     ${stack.sandbox.url}  (test secrets: ${stack.sandbox.url}/__sandbox/clients)`);
	console.log(`  logs:        ${stack.n8n.logFile}, ${stack.sandbox.logFile}`);
	console.log(`  pids:        n8n ${stack.n8n.process.pid}, sandbox ${stack.sandbox.process.pid}`);
	console.log('');
	console.log('  Press Ctrl-C to stop both.');

	// If either server dies, stop the other and say so instead of leaving a half-working playground.
	const died = await Promise.race([
		stack.n8n.process.exited.then(() => 'n8n'),
		stack.sandbox.process.exited.then(() => 'sandbox'),
	]);
	// Ctrl-C: Cleanup is stopping both and exits when done.
	if (shuttingDown) return;
	keepRunDir = true;
	log(`${died} exited unexpectedly; stopping (log: ${died === 'n8n' ? stack.n8n.logFile : stack.sandbox.logFile})`);
	await cleanup.stopAll();
	process.exit(1);
}

main().catch((error: unknown) => {
	console.error(`[playground] failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
