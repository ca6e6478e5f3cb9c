import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';

export interface Runtime {
	/** Node 24 binary that runs n8n. */
	node: string;
	/** n8n's CLI entry (a JS file, run with `node`). */
	n8nBin: string;
}

/**
 * Ensures the pinned n8n runtime through scripts/n8n-runtime.sh (fast when already installed; prints its
 * progress on our stderr) and returns where things are.
 */
export function ensureRuntime(root: string): Runtime {
	const out = execFileSync('bash', [join(root, 'scripts/n8n-runtime.sh')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
	const node = out.trim().split('\n').pop() ?? '';
	if (!node.endsWith('/node')) throw new Error(`scripts/n8n-runtime.sh printed no Node path (got "${out.trim()}")`);
	return { node, n8nBin: join(root, 'test/e2e/runtime/node_modules/n8n/bin/n8n') };
}

/** PATH with the Node 24 bin folder first, so n8n's children (task runner) use the same Node. */
export function pathWith(node: string): string {
	return `${dirname(node)}:${process.env.PATH ?? ''}`;
}
