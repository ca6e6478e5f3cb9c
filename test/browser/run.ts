// The real-browser test: what a user sees in the playground (`npm start`). Starts the same stack and
// content as the playground (test/e2e/lib/stack.ts + scripts/playground-content.ts; the sandbox asks for
// consent, as a vendor does), then drives the n8n editor in Debian's Chromium through playwright-core:
// sign in; per vendor, Connect → consent page → Deny (the error the user sees), then Connect → Approve →
// "Account connected", and run the vendor's sample workflow and read its output in the node; finally open
// one live dropdown. Screenshots go to build/screenshots/. Prints PASS/FAIL lines and `N passed, M failed`.
// Needs `npm run build` first. Run: node build/test/browser/run.js
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { preparePlayground, type Playground, type PreparedSample, type PreparedVendor } from '../../scripts/playground-content';
import { executionsOf } from '../e2e/lib/activation';
import { Cleanup } from '../e2e/lib/cleanup';
import { OWNER } from '../e2e/lib/owner';
import { repoRoot } from '../e2e/lib/paths';
import { Report } from '../e2e/lib/report';
import { ensureRuntime } from '../e2e/lib/runtime';
import type { SandboxServer } from '../e2e/lib/sandbox-server';
import { startStack, type Stack } from '../e2e/lib/stack';
import { webwork } from '../e2e/lib/vendor-api';
import { ensureChromium, launchChromium, type Browser } from './chromium';
import { Editor } from './editor';

const SUITE_TIMEOUT_MS = 15 * 60_000;
const info = (line: string) => console.error(`[browser] ${line}`);

type Check = (name: string, fn: () => Promise<void>) => Promise<void>;

/** The message with its causes ("fetch failed" alone does not say which socket error it was). */
function describeError(error: unknown): string {
	const parts: string[] = [];
	for (let current: unknown = error; current !== undefined && parts.length < 4; current = current instanceof Error ? (current as { cause?: unknown }).cause : undefined) {
		parts.push(current instanceof Error ? current.message : String(current));
	}
	return parts.join(' ← ');
}

async function counter(sandbox: SandboxServer, vendor: string, name: string): Promise<number> {
	return (await sandbox.stats(vendor))[name] ?? 0;
}

/** The consent page is the vendor's (the sandbox's), names our app and offers both choices. */
async function checkConsentPage(popup: Page, clientId: string): Promise<void> {
	const text = await popup.locator('body').innerText();
	if (!text.includes(clientId)) throw new Error(`the consent page does not name the app ${clientId}: ${text.slice(0, 200)}`);
	for (const id of ['#approve', '#deny']) {
		if (!(await popup.locator(id).isVisible())) throw new Error(`the consent page has no visible ${id} button`);
	}
}

async function denyThenConnect(check: Check, editor: Editor, stack: Stack, prepared: PreparedVendor): Promise<void> {
	const { vendor, credential, displayName } = prepared;
	const vendorOrigin = new URL(stack.sandbox.url).origin;
	const clientId = `sandbox-${vendor.id}-client`;

	await check(`${displayName}: Connect → consent page → Deny shows "Failed to connect" with access_denied, and the credential stays unconnected`, async () => {
		const deniedBefore = await counter(stack.sandbox, vendor.id, 'consentDenied');
		const modal = await editor.openCredential(credential.name);
		const popup = await editor.pressConnect(modal, vendorOrigin);
		await checkConsentPage(popup, clientId);
		await editor.screenshot(`${vendor.id}-1-consent`, popup);
		await popup.locator('#deny').click();
		// The vendor sends the user back to n8n's callback with error=access_denied; n8n renders its error page.
		await popup.waitForURL((url) => url.pathname.endsWith('/rest/oauth2-credential/callback'));
		const callback = new URL(popup.url());
		if (callback.searchParams.get('error') !== 'access_denied') throw new Error(`the vendor returned ${callback.search}, not error=access_denied`);
		await popup.getByText('Failed to connect').waitFor({ state: 'visible' });
		await popup.locator('summary').click();
		await popup.getByText('access_denied', { exact: false }).waitFor({ state: 'visible' });
		await editor.screenshot(`${vendor.id}-2-denied`, popup);
		await popup.close();
		if (await modal.getByTestId('oauth-connect-success-banner').isVisible()) throw new Error('the credential shows "Account connected" after Deny');
		await modal.getByTestId('oauth-not-connected-banner').waitFor({ state: 'visible' });
		const denied = (await counter(stack.sandbox, vendor.id, 'consentDenied')) - deniedBefore;
		if (denied !== 1) throw new Error(`the sandbox counted ${denied} denials, expected 1`);
		await editor.closeModal(modal);
	});

	await check(`${displayName}: Connect → consent page → Approve → "Account connected"`, async () => {
		const codesBefore = await counter(stack.sandbox, vendor.id, 'codesIssued');
		const modal = await editor.openCredential(credential.name);
		const popup = await editor.pressConnect(modal, vendorOrigin);
		await checkConsentPage(popup, clientId);
		await popup.locator('#approve').click();
		const banner = modal.getByTestId('oauth-connect-success-banner');
		await banner.getByText('Account connected').waitFor({ state: 'visible', timeout: 30_000 });
		const codes = (await counter(stack.sandbox, vendor.id, 'codesIssued')) - codesBefore;
		if (codes !== 1) throw new Error(`the sandbox issued ${codes} authorization codes, expected 1`);
		await editor.screenshot(`${vendor.id}-3-connected`, modal);
		if (!popup.isClosed()) await popup.close();
		await editor.closeModal(modal);
	});
}

/** A JSON value of the item short enough to appear verbatim in the output table. */
function visibleValue(item: Record<string, unknown>): string | undefined {
	for (const value of Object.values(item)) {
		if (typeof value === 'number') return String(value);
		if (typeof value === 'string' && value.length > 1 && value.length < 40 && !/\s{2}/.test(value)) return value;
	}
	return undefined;
}

async function runSample(check: Check, editor: Editor, stack: Stack, prepared: PreparedVendor, sample: PreparedSample): Promise<void> {
	await check(`${prepared.displayName}: run "${sample.spec.name}"; the node's output shows what the vendor returned`, async () => {
		const seen = new Set((await executionsOf(stack.client, sample.workflow)).map((e) => e.id));
		await editor.openWorkflow(sample.spec.name);
		await editor.executeWorkflow(sample.spec.node);
		const fresh = (await executionsOf(stack.client, sample.workflow)).find((e) => !seen.has(e.id));
		if (!fresh) throw new Error('the editor showed success but n8n recorded no new execution');
		const result = await stack.client.waitForExecution(fresh.id);
		if (result.status !== 'success') throw new Error(`execution ${fresh.id} ended ${result.status}: ${result.error ?? ''}`);
		const items = result.items(sample.spec.node);
		if (items.length === 0) throw new Error('the node returned no items');
		const expected = visibleValue(items[0]);
		if (expected === undefined) throw new Error(`no short value to look for in ${JSON.stringify(items[0]).slice(0, 200)}`);
		const ndv = await editor.openNode(sample.spec.node);
		const output = ndv.getByTestId('output-panel');
		await output.getByText(expected, { exact: false }).first().waitFor({ state: 'visible' });
		await editor.screenshot(`${prepared.vendor.id}-4-output`);
		await editor.closeNode(ndv);
	});
}

/** The WebWork Tracker project form: its Workspace dropdown lists the account's workspaces, loaded live. */
async function openLiveDropdown(check: Check, editor: Editor, stack: Stack, sample: PreparedSample): Promise<void> {
	await check(`WebWork Tracker: "${sample.spec.name}" — the Workspace dropdown lists the account's workspaces, loaded live`, async () => {
		const answer = await webwork(stack.sandbox.url, 'GET', '/workspaces');
		const names = ((answer.data ?? []) as { name?: string }[]).map((w) => w.name).filter((n): n is string => typeof n === 'string');
		if (names.length === 0) throw new Error(`the sandbox lists no workspaces: ${JSON.stringify(answer).slice(0, 200)}`);
		const loadsBefore = await counter(stack.sandbox, 'webwork-tracker', 'apiCalls');
		await editor.openWorkflow(sample.spec.name);
		const ndv = await editor.openNode(sample.spec.node);
		const list = await editor.openDropdown(ndv, 'workspaceId');
		for (const name of names) await list.getByRole('option').filter({ hasText: name }).first().waitFor({ state: 'visible' });
		const loads = (await counter(stack.sandbox, 'webwork-tracker', 'apiCalls')) - loadsBefore;
		if (loads < 1) throw new Error('the dropdown showed workspaces without asking the vendor');
		await editor.screenshot('webwork-tracker-5-dropdown');
		await editor.page.keyboard.press('Escape');
		await editor.closeNode(ndv);
	});
}

/** Each check leaves a screenshot of the editor when it fails: the first thing to look at in CI. */
let failures = 0;
function withFailureShots(check: Check, editor: Editor): Check {
	return (name, fn) =>
		check(name, async () => {
			try {
				await fn();
			} catch (error) {
				failures++;
				await editor.screenshot(`FAIL-${failures}`).catch(() => undefined);
				throw error;
			}
		});
}

async function scenarios(report: Report, editor: Editor, stack: Stack, playground: Playground): Promise<void> {
	const group = (run: (check: Check) => Promise<void>) => report.group((check) => run(withFailureShots(check, editor)));
	let signedIn = false;
	await group(async (check) => {
		await check(`sign in as ${OWNER.email}`, () => editor.signIn(OWNER));
		signedIn = true;
	});
	if (!signedIn) return;
	for (const prepared of playground.vendors) {
		await group(async (check) => {
			await denyThenConnect(check, editor, stack, prepared);
			for (const sample of playground.samples.filter((s) => s.spec.vendor === prepared.vendor.id && s.spec.kind === 'list')) {
				await runSample(check, editor, stack, prepared, sample);
			}
		});
	}
	const form = playground.samples.find((s) => s.spec.kind === 'form');
	await group(async (check) => {
		if (!form) throw new Error('scripts/playground-content.ts has no form sample to open a dropdown in');
		await openLiveDropdown(check, editor, stack, form);
	});
}

async function main(): Promise<number> {
	const started = Date.now();
	const root = repoRoot();
	for (const needed of ['dist/credentials', 'build/sandbox/main.js']) {
		if (!existsSync(join(root, needed))) throw new Error(`${needed} is missing: run \`npm run build\` first`);
	}
	const chromiumPath = ensureChromium(root);
	const runtime = ensureRuntime(root);
	const screenshots = join(root, 'build', 'screenshots');
	rmSync(screenshots, { recursive: true, force: true });
	mkdirSync(screenshots, { recursive: true });

	const report = new Report();
	let browser: Browser | undefined;
	const cleanup = new Cleanup((signal) => {
		report.mute();
		info(`${signal}: stopping the browser, n8n and the sandbox`);
		void browser?.close();
	});
	const watchdog = setTimeout(() => {
		report.mute();
		report.failed++;
		console.log(`FAIL suite: timed out after ${SUITE_TIMEOUT_MS / 60_000} min`);
		void Promise.resolve(browser?.close())
			.then(() => cleanup.stopAll())
			.finally(() => {
				console.log(report.summary());
				process.exit(124);
			});
	}, SUITE_TIMEOUT_MS);
	watchdog.unref();

	let stack: Stack | undefined;
	try {
		stack = await startStack({ root, runtime, cleanup, autoApprove: false, log: info });
		const playground = await preparePlayground(stack.client, info);
		info(`playground ready in ${Date.now() - started} ms`);
		browser = await launchChromium(chromiumPath);
		const page = browser.context.pages()[0] ?? (await browser.context.newPage());
		const editor = new Editor(page, stack.n8n.url, screenshots);
		const scenariosStarted = Date.now();
		await scenarios(report, editor, stack, playground);
		info(`browser scenarios took ${Date.now() - scenariosStarted} ms; screenshots in ${screenshots}`);
	} catch (error) {
		report.failed++;
		console.log(`FAIL setup: ${describeError(error)}`.replace(/\s*\n\s*/g, ' ⏎ '));
	} finally {
		clearTimeout(watchdog);
		await browser?.close();
		await cleanup.stopAll();
	}
	if (stack) {
		// Kept when something failed: the n8n and sandbox logs are the first thing to read.
		if (report.failed === 0) rmSync(stack.runDir, { recursive: true, force: true });
		else info(`logs: ${stack.n8n?.logFile ?? ''} ${stack.sandbox.logFile}`);
	}
	info(`done in ${Math.round((Date.now() - started) / 1000)} s`);
	console.log(report.summary());
	return report.failed === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`[browser] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		console.log('0 passed, 1 failed');
		process.exit(1);
	},
);
