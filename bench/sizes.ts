/**
 * What a user downloads: the npm tarball (npm pack --dry-run --json) and each Zapier app's pushable zip
 * (`zapier-platform build`). The CLI needs Node >= 22 (n8n's runtime Node, as scripts/zapier-validate.sh
 * uses) and would install dependencies and ask Zapier's servers to validate: each app gets the node_modules
 * `npm install` makes from its own package.json (its dependency and overrides, as Zapier's build and
 * scripts/zapier-build.sh install it; from npm's cache when the root install fetched the packages) and is
 * built with `--skip-dep-install --skip-validation`, in a temporary copy so dist/ stays untouched.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { ROOT } from './n8n-context';

const run = promisify(execFile);

export interface SizeFigures {
	npmTarball: { bytes: number; unpackedBytes: number; files: number };
	zapierZips: Array<{ app: string; bytes?: number; withinGoal?: boolean; error?: string }>;
}

async function npmTarball(): Promise<SizeFigures['npmTarball']> {
	const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 });
	const [pack] = JSON.parse(stdout) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	return { bytes: pack.size, unpackedBytes: pack.unpackedSize, files: pack.entryCount };
}

/** Issue 11's goal for one Zapier build zip: 0.7 MB, read as 700,000 bytes (the stricter of 700,000 and 700 × 1024). */
export const ZIP_GOAL_BYTES = 700_000;

/** What npm installs for an app folder: its dependencies and overrides (every folder has the same today). */
function installSpec(app: string): string {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'zapier', app, 'package.json'), 'utf8')) as { dependencies?: unknown; overrides?: unknown };
	return JSON.stringify({ dependencies: manifest.dependencies, overrides: manifest.overrides });
}

/** node_modules as `npm install` lays it out for one install spec, in a temporary folder. */
async function installDependencies(spec: string, into: string): Promise<string> {
	mkdirSync(into, { recursive: true });
	writeFileSync(join(into, 'package.json'), JSON.stringify({ name: 'bench-zapier-app', version: '0.0.0', private: true, ...JSON.parse(spec) }));
	await run('npm', ['install', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--package-lock=false', '--loglevel=error'], {
		cwd: into,
		timeout: 300_000,
	});
	return join(into, 'node_modules');
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
	const installs = mkdtempSync(join(tmpdir(), 'bench-zapier-modules-'));
	const zips: SizeFigures['zapierZips'] = [];
	try {
		const modules = new Map<string, Promise<string>>();
		const modulesFor = (app: string) => {
			const spec = installSpec(app);
			if (!modules.has(spec)) modules.set(spec, installDependencies(spec, join(installs, String(modules.size))));
			return modules.get(spec) as Promise<string>;
		};
		// Two at a time: each build is CPU-bound and the machine has two cores.
		for (let i = 0; i < apps.length; i += 2) {
			const batch = apps.slice(i, i + 2);
			const results = await Promise.allSettled(batch.map(async (app) => zapierZip(node, app, await modulesFor(app))));
			results.forEach((r, j) =>
				zips.push(r.status === 'fulfilled' ? { app: batch[j], bytes: r.value, withinGoal: r.value <= ZIP_GOAL_BYTES } : { app: batch[j], error: String(r.reason).slice(0, 300) }),
			);
		}
	} finally {
		rmSync(installs, { recursive: true, force: true });
	}
	return { npmTarball: npm, zapierZips: zips };
}
