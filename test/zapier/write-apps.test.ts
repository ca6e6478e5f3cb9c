/**
 * The folder writer: transpiles zapier/ and shared/ into a scratch build tree (as tsconfig.tools.json would),
 * writes the vendor folders twice and checks they are complete, self-contained, deterministic, loadable and
 * schema-valid, and that a re-run keeps the id/key `zapier-platform register` wrote.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';

import * as ts from 'typescript';
import * as zapier from 'zapier-platform-core';

import { vendorIds, vendors } from '../../shared/vendors';
import { alternativeFolderName, zapierAlternatives } from '../../zapier/alternatives';
import { moduleClosure, writeApps } from '../../zapier/write-apps';

const ROOT = join(__dirname, '..', '..');
// inside the repo so the folders resolve zapier-platform-core from the root node_modules, as in dist/
const SCRATCH = join(ROOT, 'build', `.write-apps-test-${process.pid}`);
const IDS = [...vendorIds].sort(); // the registry's (shared/vendors/index.ts), as folder names sort
// plus one integration per alternative credential a vendor documents (zapier/alternatives.ts), with its auth type
const ALTERNATIVES = new Map(IDS.flatMap((id) => zapierAlternatives(vendors[id]).map((alt) => [alternativeFolderName(vendors[id], alt), { id, kind: alt.kind }] as const)));
const AUTH_TYPE = { personalToken: 'custom', adminApiKey: 'custom', clientCredentials: 'session' } as const;
const FOLDERS = [...IDS, ...ALTERNATIVES.keys()].sort();

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
	});
}

function transpileInto(buildDir: string): void {
	for (const file of [...sourceFiles(join(ROOT, 'shared')), ...sourceFiles(join(ROOT, 'zapier'))]) {
		const output = ts.transpileModule(readFileSync(file, 'utf8'), {
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
		}).outputText;
		const target = join(buildDir, relative(ROOT, file)).replace(/\.ts$/, '.js');
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, output);
	}
}

function tree(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (current: string) => {
		for (const name of readdirSync(current)) {
			const path = join(current, name);
			if (statSync(path).isDirectory()) walk(path);
			else out[relative(dir, path)] = readFileSync(path, 'utf8');
		}
	};
	walk(dir);
	return out;
}

const options = (outDir: string) => ({ buildDir: join(SCRATCH, 'build'), outDir, version: '0.1.0', coreVersion: '19.1.0' });

beforeAll(() => transpileInto(join(SCRATCH, 'build')));
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

test('ships only what the app requires: its own vendor, no registry, sandbox, tests or the writer itself', () => {
	for (const id of IDS) {
		const files = moduleClosure(join(SCRATCH, 'build'), id);
		expect(files).toContain('zapier/vendor-app.js');
		expect(files).toContain('shared/oauth/lifecycle.js');
		expect(files).toContain(`shared/vendors/${id}.js`);
		expect(files).toContain(`shared/operations/${id}.js`);
		// no other vendor's definition, catalogue or samples, and neither registry
		const others = IDS.filter((other) => other !== id);
		expect([id, files.filter((f) => others.some((other) => f.endsWith(`/${other}.js`)))]).toEqual([id, []]);
		expect(files).not.toContain('shared/vendors/index.js');
		expect(files).not.toContain('shared/operations/index.js');
		expect(files.filter((f) => /write-apps|folder-readme|sandbox|test|zapier\/app\.js/.test(f))).toEqual([]);
	}
});

test('writes one complete folder per vendor, byte-identical across runs', () => {
	const first = join(SCRATCH, 'a');
	const second = join(SCRATCH, 'b');
	writeApps(options(first));
	writeApps(options(second));
	expect(readdirSync(first).sort()).toEqual(FOLDERS);
	expect(FOLDERS).toEqual(expect.arrayContaining(['webwork-tracker-personal-token', 'worktual-personal-token', 'worksection-admin-api-key', 'wordapp-client-credentials']));
	for (const id of IDS) {
		const files = tree(join(first, id));
		expect(files).toEqual(tree(join(second, id)));
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['package.json', 'index.js', '.zapierapprc', '.gitignore', 'README.md', 'lib/zapier/vendor-app.js']));
		const pkg = JSON.parse(files['package.json']);
		expect(pkg).toMatchObject({ name: `worktools-zapier-${id}`, version: '0.1.0', main: 'index.js', private: true, engines: { node: '>=22' } });
		expect(pkg.dependencies).toEqual({ 'zapier-platform-core': '19.1.0' }); // the CLI demands an exact version
		expect(pkg.overrides).toEqual({ 'form-data': { 'mime-types': expect.stringMatching(/^\d+\.\d+\.\d+$/) } }); // one mime-db in the zip
		expect(JSON.parse(files['.zapierapprc'])).toEqual({ includeInBuild: expect.arrayContaining(['async-function/require\\.mjs$']) });
		expect(files['.gitignore'].split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'build/', '.env']));
		expect(files['README.md']).toContain('CLIENT_ID');
	}
});

test('each folder loads on its own and passes the schema validation', async () => {
	const out = join(SCRATCH, 'load');
	writeApps(options(out));
	const { createAppHandler } = zapier as unknown as { createAppHandler: (app: object) => (e: object) => Promise<{ results: unknown[] }> };
	for (const folder of FOLDERS) {
		const app = require(join(out, folder)) as { version: string; authentication: { type: string; fields?: Array<{ key: string }> }; triggers: object }; // eslint-disable-line @typescript-eslint/no-require-imports
		expect(app.version).toBe('0.1.0');
		const alternative = ALTERNATIVES.get(folder);
		expect([folder, app.authentication.type]).toEqual([folder, alternative ? AUTH_TYPE[alternative.kind] : 'oauth2']);
		if (alternative) {
			// the same triggers as the OAuth2 integration
			const oauth = require(join(out, alternative.id)) as { triggers: object }; // eslint-disable-line @typescript-eslint/no-require-imports
			expect(Object.keys(app.triggers)).toEqual(Object.keys(oauth.triggers));
			if (alternative.kind === 'personalToken') expect(app.authentication.fields?.map((f) => f.key)).toEqual(['access_token']);
		}
		expect([folder, (await createAppHandler(app)({ command: 'validate' })).results]).toEqual([folder, []]);
	}
});

test('a re-run keeps the id/key that `zapier-platform register` wrote, and node_modules', () => {
	const out = join(SCRATCH, 'linked');
	writeApps(options(out));
	writeFileSync(join(out, 'weekdone', '.zapierapprc'), JSON.stringify({ id: 123, key: 'App123', includeInBuild: ['old'] }));
	mkdirSync(join(out, 'weekdone', 'node_modules', 'x'), { recursive: true });
	writeFileSync(join(out, 'weekdone', 'lib', 'stale.js'), '');
	writeApps(options(out));
	expect(JSON.parse(readFileSync(join(out, 'weekdone', '.zapierapprc'), 'utf8'))).toEqual({ id: 123, key: 'App123', includeInBuild: expect.arrayContaining(['async-function/require\\.mjs$']) });
	expect(statSync(join(out, 'weekdone', 'node_modules', 'x')).isDirectory()).toBe(true);
	expect(() => statSync(join(out, 'weekdone', 'lib', 'stale.js'))).toThrow();
});
