import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sandboxOverwrites } from '../sandbox-overwrites';
import type { Cleanup } from './cleanup';
import { N8nClient } from './n8n-client';
import { startN8n, type N8nServer } from './n8n-server';
import { OWNER } from './owner';
import { installPackedPackage } from './package-install';
import { freePort } from './ports';
import type { Runtime } from './runtime';
import { SandboxServer } from './sandbox-server';
import { PACKAGE_ASSUMPTIONS } from '../assumptions';

export interface StackOptions {
	root: string;
	runtime: Runtime;
	cleanup: Cleanup;
	autoApprove: boolean;
	accessTtlSeconds?: number;
	/** Fixed ports (playground); free ones are picked otherwise. */
	sandboxPort?: number;
	n8nPort?: number;
	/** Progress lines ("installing the package", ...). */
	log: (line: string) => void;
}

export interface Stack {
	runDir: string;
	userFolder: string;
	sandbox: SandboxServer;
	n8n: N8nServer;
	/** Logged in as OWNER. */
	client: N8nClient;
	timings: Record<string, number>;
}

/**
 * Fresh user folder with the packed package installed, the vendor sandbox, and n8n pointed at it through
 * CREDENTIALS_OVERWRITE_DATA, with the owner set up and logged in. Processes are registered with
 * `cleanup` as soon as they exist, so a later failure still stops them.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
	const timings: Record<string, number> = {};
	const timed = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
		const started = Date.now();
		try {
			return await fn();
		} finally {
			timings[label] = Date.now() - started;
		}
	};
	const runDir = mkdtempSync(join(tmpdir(), 'worktools-e2e-'));
	const userFolder = join(runDir, 'user');
	mkdirSync(userFolder);

	options.log(`work dir ${runDir}`);
	await timed('package', () => installPackedPackage(options.root, runDir, userFolder));

	const sandboxPort = options.sandboxPort ?? (await freePort());
	// n8n's port first: the sandbox apps register its exact OAuth callback, as a vendor app would.
	const n8nPort = options.n8nPort ?? (await freePort([sandboxPort]));
	const sandbox = await timed('sandbox start', () =>
		SandboxServer.start({
			root: options.root,
			port: sandboxPort,
			runDir,
			autoApprove: options.autoApprove,
			accessTtlSeconds: options.accessTtlSeconds,
			assumptions: PACKAGE_ASSUMPTIONS,
			redirectUris: [`http://127.0.0.1:${n8nPort}/rest/oauth2-credential/callback`],
			onStarted: (child) => options.cleanup.add(child),
		}),
	);
	options.log(`sandbox ${sandbox.url} (pid ${sandbox.process.pid}); assumptions on: ${PACKAGE_ASSUMPTIONS.join(', ')}`);

	const brokerPort = await freePort([sandboxPort, n8nPort]);
	options.log(`starting n8n on port ${n8nPort} (task broker ${brokerPort})`);
	const n8n = await timed('n8n start', () =>
		startN8n({
			runtime: options.runtime,
			port: n8nPort,
			brokerPort,
			userFolder,
			runDir,
			credentialsOverwrite: sandboxOverwrites(sandbox.url),
			// Webhook URLs n8n registers with the (local) sandbox when a trigger workflow is activated.
			// N8N_WEBHOOK_URL is 2.x's name (WEBHOOK_URL is deprecated and logs a warning).
			env: { N8N_WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/` },
			onStarted: (child) => options.cleanup.add(child),
		}),
	);
	options.log(`n8n ${n8n.url} (pid ${n8n.process.pid})`);

	const client = new N8nClient(n8n.url);
	await timed('owner', async () => {
		await client.setupOwner(OWNER);
		await client.login(OWNER.email, OWNER.password);
	});
	return { runDir, userFolder, sandbox, n8n, client, timings };
}
