import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

import { chromium, selectors, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (test/browser/setup.sh installs it when missing); Playwright's own browser download is never used. */
export function ensureChromium(root: string): string {
	const out = execFileSync('bash', [join(root, 'test/browser/setup.sh')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
	const path = out.trim().split('\n').pop() ?? '';
	if (!path.endsWith('chromium')) throw new Error(`test/browser/setup.sh printed no Chromium path (got "${out.trim()}")`);
	return path;
}

/**
 * Flags for a closed network and a root user: without the background-networking ones Chromium keeps
 * trying to reach Google's hosts; --no-sandbox because CI runs as root.
 */
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Browser {
	context: BrowserContext;
	close(): Promise<void>;
}

/** A headless Chromium with a new empty profile (--user-data-dir), removed on close. */
export async function launchChromium(executablePath: string): Promise<Browser> {
	// n8n's editor marks its elements with data-test-id (Playwright's default is data-testid).
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(tmpdir(), 'worktools-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		args: FLAGS,
		viewport: { width: 1280, height: 800 },
		timeout: 60_000,
	});
	context.setDefaultTimeout(30_000);
	return {
		context,
		close: async () => {
			await context.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
