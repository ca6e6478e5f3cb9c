// The real-n8n end-to-end suite: packs dist/, installs it into a fresh n8n 2.41.1 user folder the way the
// community installer does, starts the vendor sandbox and n8n on free ports, runs every scenario, and
// prints `PASS <name>` / `FAIL <name>: <reason>` lines and `N passed, N failed` last.
// Needs `npm run build` first (dist/ and build/). Run: node build/test/e2e/run.js
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { Cleanup } from './lib/cleanup';
import { tailFile } from './lib/log-tail';
import { PACKAGE_NAME } from './lib/package-install';
import { repoRoot } from './lib/paths';
import { Report } from './lib/report';
import { runMain } from './lib/run-main';
import { ensureRuntime } from './lib/runtime';
import { startStack, type Stack } from './lib/stack';
import { aiAgentToolScenario } from './scenarios/ai-agent';
import { alternativeScenario } from './scenarios/alternatives';
import type { SuiteContext } from './scenarios/context';
import { httpRequestNodeScenario, worksectionRefreshScenario } from './scenarios/lifecycle';
import { oauth2Scenario } from './scenarios/oauth2';
import { operationsScenario } from './scenarios/operations';
import { pollingTriggerScenario, webhookTriggerScenario, type Credentials } from './scenarios/triggers';
import { updateScenario } from './scenarios/updates';
import { VENDORS } from './vendors';

// Well inside CI's 90 minutes; a hung n8n must not eat the whole budget.
const SUITE_TIMEOUT_MS = 20 * 60_000;

const info = (line: string) => console.error(`[e2e] ${line}`);

async function main(): Promise<number> {
	const started = Date.now();
	const root = repoRoot();
	for (const needed of ['dist/credentials', 'dist/nodes', 'build/sandbox/main.js']) {
		if (!existsSync(join(root, needed))) throw new Error(`${needed} is missing: run \`npm run build\` first`);
	}
	// Before the watchdog: a first-time install is slow, and it is not what the timeout guards.
	const runtime = ensureRuntime(root);
	const report = new Report();
	const cleanup = new Cleanup((signal) => {
		report.mute();
		info(`${signal}: stopping n8n and the sandbox`);
	});
	const watchdog = setTimeout(() => {
		report.mute();
		report.failed++;
		console.log(`FAIL suite: timed out after ${SUITE_TIMEOUT_MS / 60_000} min`);
		void cleanup.stopAll().finally(() => {
			console.log(report.summary());
			process.exit(124);
		});
	}, SUITE_TIMEOUT_MS);
	watchdog.unref();

	let stack: Stack | undefined;
	let assumptionsSummary = '';
	try {
		// A long access-token lifetime: the scenarios expire tokens on purpose through the sandbox.
		stack = await startStack({ root, runtime, cleanup, autoApprove: true, accessTtlSeconds: 3600, log: info });
		info(`ready in ${Date.now() - started} ms (${Object.entries(stack.timings).map(([k, v]) => `${k} ${v} ms`).join(', ')})`);
		const ctx: SuiteContext = {
			client: stack.client,
			sandbox: stack.sandbox,
			report,
			nodeTypes: new Set(await stack.client.nodeTypeNames()),
			credentialTypes: new Set(await stack.client.credentialTypeNames()),
		};
		const ours = [...ctx.nodeTypes].filter((t) => t.startsWith(`${PACKAGE_NAME}.`));
		info(`n8n loaded ${ours.length} node types of ours: ${ours.join(', ') || 'none'}`);

		const scenariosStarted = Date.now();
		const credentials: Credentials = {};
		for (const vendor of VENDORS) {
			const credential = await oauth2Scenario(ctx, vendor);
			credentials[vendor.id] = credential;
			// Before the operations: the last one may spend the credential (Wordapp revoke).
			await httpRequestNodeScenario(ctx, vendor, credential);
			await operationsScenario(ctx, vendor, credential);
			await updateScenario(ctx, vendor, credential);
			for (const alt of vendor.alternatives) await alternativeScenario(ctx, vendor, alt);
		}
		info(`scenarios took ${Date.now() - scenariosStarted} ms`);
		const triggersStarted = Date.now();
		await pollingTriggerScenario(ctx, credentials);
		await webhookTriggerScenario(ctx, credentials);
		info(`trigger scenarios took ${Date.now() - triggersStarted} ms`);
		const lifecycleStarted = Date.now();
		await worksectionRefreshScenario(ctx, credentials.worksection);
		info(`Worksection refresh outside executions took ${Date.now() - lifecycleStarted} ms`);
		const agentStarted = Date.now();
		await aiAgentToolScenario(ctx);
		info(`AI agent with our tool took ${Date.now() - agentStarted} ms`);
	} catch (error) {
		report.failed++;
		console.log(`FAIL setup: ${error instanceof Error ? error.message : String(error)}`);
	} finally {
		if (report.failed > 0 && stack) {
			console.error(`\n--- n8n log (last 80 lines of ${stack.n8n.logFile}) ---\n${tailFile(stack.n8n.logFile, 80)}`);
			console.error(`--- sandbox log (last 30 lines) ---\n${tailFile(stack.sandbox.logFile, 30)}\n---`);
		}
		if (stack) assumptionsSummary = await unconfirmedSummary(stack).catch((error: unknown) => `(the sandbox's assumption report failed: ${String(error)})`);
		await cleanup.stopAll();
	}
	if (stack) {
		if (report.failed === 0) rmSync(stack.runDir, { recursive: true, force: true });
		else info(`kept ${stack.runDir} for inspection`);
	}
	info(`total ${Math.round((Date.now() - started) / 1000)} s`);
	if (assumptionsSummary) console.log(assumptionsSummary);
	console.log(report.summary());
	return report.failed === 0 ? 0 : 1;
}

/**
 * What passed only because a lenient sandbox switch was on: behaviour no vendor document confirms
 * (test/e2e/assumptions.ts lists the switches, sandbox/assumptions.ts says why each is one).
 */
async function unconfirmedSummary(stack: Stack): Promise<string> {
	const report = await stack.sandbox.assumptions();
	const lines = Object.entries(report.exercised).map(
		([name, used]) => `  ${name} (${report.known[name]?.vendor ?? '?'}): ${report.known[name]?.accepts ?? ''}; ${used.count} request(s), first ${used.first}`,
	);
	const unused = report.enabled.filter((name) => !(name in report.exercised));
	return [
		`UNCONFIRMED ${lines.length} assumption(s) needed by this run (no vendor document states them):`,
		...lines,
		...(unused.length > 0 ? [`  switched on but not needed: ${unused.join(', ')}`] : []),
	].join('\n');
}

runMain(main, '0 passed, 1 failed');
