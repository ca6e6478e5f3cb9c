import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder up from here whose package.json is ours (works from build/ too).
 * tsc copies package.json into build/ when tooling imports it (scripts/vendor-tables.ts does), so the
 * root is also the folder with the tsconfig.json, which build/ never gets.
 */
export function repoRoot(from = __dirname): string {
	for (let dir = from; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && existsSync(join(dir, 'tsconfig.json')) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'n8n-nodes-worktools') return dir;
		if (dirname(dir) === dir) throw new Error(`no n8n-nodes-worktools package.json above ${from}`);
	}
}
