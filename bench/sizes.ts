/**
 * What a user downloads: the npm tarball (npm pack --dry-run --json) and each Zapier app's pushable zip
 * (`zapier-platform build`). The CLI needs Node >= 22 (n8n's runtime Node, as scripts/zapier-validate.sh
 * uses) and would install dependencies and ask Zapier's servers to validate: offline, each app gets a
 * node_modules copied from ours (zapier-platform-core and what it requires) and is built with
 * `--skip-dep-install --skip-validation`, in a temporary copy so dist/ stays untouched.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { ROOT } from './n8n-context';

const run = promisify(execFile);

export interface SizeFigures {
	npmTarball: { bytes: number; unpackedBytes: number; files: number };
	zapierZips: Array<{ app: string; bytes?: number; error?: string }>;
}

async function npmTarball(): Promise<SizeFigures['npmTarball']> {
	const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 });
	const [pack] = JSON.parse(stdout) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	return { bytes: pack.size, unpackedBytes: pack.unpackedSize, files: pack.entryCount };
}

/** Where `name` resolves from `fromDir`, Node's way (nearest node_modules upwards). */
function packageDir(name: string, fromDir: string): string | undefined {
	for (let dir = fromDir; ; dir = dirname(dir)) {
		const candidate = join(dir, 'node_modules', name);
		if (existsSync(join(candidate, 'package.json'))) return candidate;
		if (dirname(dir) === dir) return undefined;
	}
}

/** zapier-platform-core and every package it depends on, as installed at the repository root (a flat node_modules). */
function coreClosure(): Map<string, string> {
	const found = new Map<string, string>();
	const seen = new Set<string>();
	const visit = (name: string, fromDir: string) => {
		const dir = packageDir(name, fromDir);
		if (!dir || seen.has(dir)) return; // undefined: an optional dependency not installed here
		seen.add(dir);
		// Nested copies (…/node_modules/a/node_modules/b) travel with their parent; their own dependencies may not.
		if (dir.split('node_modules').length === 2) found.set(dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length), dir);
		const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
		for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, dir);
	};
	visit('zapier-platform-core', ROOT);
	return found;
}

async function zapierZip(node: string, app: string, modules: string): Promise<number> {
	const work = mkdtempSync(join(tmpdir(), `bench-zapier-${app}-`));
	try {
		const dir = join(work, app);
		cpSync(join(ROOT, 'dist', 'zapier', app), dir, { recursive: true });
		cpSync(modules, join(dir, 'node_modules'), { recursive: true });
		await run(join(ROOT, 'node_modules', '.bin', 'zapier-platform'), ['build', '--skip-dep-install', '--skip-validation'], {
			cwd: dir,
			env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}`, DISABLE_ZAPIER_ANALYTICS: '1' },
			timeout: 120_000,
		});
		return statSync(join(dir, 'build', 'build.zip')).size;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

export async function measureSizes(node: string): Promise<SizeFigures> {
	const npm = await npmTarball();
	const apps = readdirSync(join(ROOT, 'dist', 'zapier')).filter((d) => existsSync(join(ROOT, 'dist', 'zapier', d, 'index.js'))).sort();
	const modules = mkdtempSync(join(tmpdir(), 'bench-zapier-modules-'));
	const zips: SizeFigures['zapierZips'] = [];
	try {
		for (const [name, dir] of coreClosure()) {
			mkdirSync(dirname(join(modules, name)), { recursive: true });
			cpSync(dir, join(modules, name), { recursive: true, dereference: true });
		}
		// Two at a time: each build is CPU-bound and the machine has two cores.
		for (let i = 0; i < apps.length; i += 2) {
			const batch = apps.slice(i, i + 2);
			const results = await Promise.allSettled(batch.map((app) => zapierZip(node, app, modules)));
			results.forEach((r, j) => zips.push(r.status === 'fulfilled' ? { app: batch[j], bytes: r.value } : { app: batch[j], error: String(r.reason).slice(0, 300) }));
		}
	} finally {
		rmSync(modules, { recursive: true, force: true });
	}
	return { npmTarball: npm, zapierZips: zips };
}
