// Quick diagnostic: the pinned n8n starts on free ports with a fresh user folder, takes an owner, logs in,
// lists node types (ours too, when dist/ is built), and stops. `node build/test/e2e/smoke.js`
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Cleanup } from './lib/cleanup';
import { N8nClient } from './lib/n8n-client';
import { startN8n } from './lib/n8n-server';
import { OWNER } from './lib/owner';
import { installPackedPackage, PACKAGE_NAME } from './lib/package-install';
import { freePorts } from './lib/ports';
import { repoRoot } from './lib/paths';
import { ensureRuntime } from './lib/runtime';

async function main(): Promise<void> {
	const root = repoRoot();
	const cleanup = new Cleanup();
	const t0 = Date.now();
	const runtime = ensureRuntime(root);
	const t1 = Date.now();
	console.log(`runtime check: ${t1 - t0} ms`);

	const runDir = mkdtempSync(join(tmpdir(), 'worktools-smoke-'));
	const userFolder = join(runDir, 'user');
	mkdirSync(userFolder);
	if (existsSync(join(root, 'dist'))) {
		installPackedPackage(root, runDir, userFolder);
		console.log(`package packed and installed: ${Date.now() - t1} ms`);
	}
	const [port, brokerPort] = await freePorts(2);
	const t2 = Date.now();
	const n8n = await startN8n({ runtime, port, brokerPort, userFolder, runDir, onStarted: (child) => cleanup.add(child) });
	const t3 = Date.now();
	console.log(`n8n ready at ${n8n.url} (pid ${n8n.process.pid}, broker ${brokerPort}): ${t3 - t2} ms`);
	try {
		const client = new N8nClient(n8n.url);
		await client.setupOwner(OWNER);
		await client.login(OWNER.email, OWNER.password);
		const nodes = await client.nodeTypeNames();
		const credentials = await client.credentialTypeNames();
		const ours = nodes.filter((n) => n.startsWith(`${PACKAGE_NAME}.`));
		console.log(`owner set up, logged in: ${nodes.length} node types (${ours.length} ours: ${ours.join(', ') || '-'}), ${credentials.length} credential types`);
	} finally {
		const t4 = Date.now();
		await cleanup.stopAll();
		console.log(`stopped: ${Date.now() - t4} ms`);
	}
	rmSync(runDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
	console.error(`smoke FAILED: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
