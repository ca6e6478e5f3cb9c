/**
 * The sandbox CLI (sandbox/main.ts) as scripts start it: assumptions by name from flags and env, the
 * per-process report file, registered redirect URIs, a typo failing at start, SIGTERM stopping cleanly.
 * Runs the TypeScript source in a child Node through a transpile-only require hook (no build needed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SANDBOX_CLIENTS, WORDAPP_USER } from '../../sandbox/clients';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'sandbox/main.ts');
const HOOK = [
	"const ts = require('typescript'); const fs = require('fs');",
	"require.extensions['.ts'] = (m, f) => m._compile(ts.transpileModule(fs.readFileSync(f, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true } }).outputText, f);",
	'require(process.argv[1]);',
].join('\n');

interface Started {
	child: ChildProcess;
	url: Promise<string>;
	exit: Promise<{ code: number | null; stderr: string }>;
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): Started {
	const child = spawn(process.execPath, ['-e', HOOK, MAIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
	const exit = new Promise<{ code: number | null; stderr: string }>((done) => child.on('exit', (code) => done({ code, stderr })));
	const url = new Promise<string>((done, fail) => {
		let out = '';
		child.stdout?.on('data', (d: Buffer) => {
			out += d.toString();
			const match = /sandbox listening on (\S+)/.exec(out);
			if (match) done(match[1]);
		});
		void exit.then(({ code }) => fail(new Error(`sandbox exited (${code}) before listening: ${stderr}`)));
	});
	return { child, url, exit };
}

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('flags and env switch assumptions on by name; the report lands in <dir>/sandbox-<pid>.json; SIGTERM stops it', async () => {
	const sandbox = start(
		['--port', '0', '--assume', 'wordapp-token-url,wordapp-token-info', '--assume', 'weekdone-token-query', '--assumptions-dir', dir, '--redirect-uri', 'https://app.example.test/cb'],
		{ SANDBOX_ASSUMPTIONS: 'worktual-authorize-url' },
	);
	try {
		const url = await sandbox.url;
		const report = (await (await fetch(`${url}/__sandbox/assumptions`)).json()) as { enabled: string[] };
		expect(report.enabled).toEqual(['weekdone-token-query', 'worktual-authorize-url', 'wordapp-token-url', 'wordapp-token-info']);
		const clients = (await (await fetch(`${url}/__sandbox/clients`)).json()) as Record<string, { redirectUris: string[] }>;
		expect(clients.worksection.redirectUris).toEqual(['https://app.example.test/cb']);

		const token = await fetch(`${url}/wordapp/oauth/token`, {
			method: 'POST',
			body: new URLSearchParams({ grant_type: 'password', username: WORDAPP_USER.email, password: WORDAPP_USER.password }),
		});
		expect(token.status).toBe(200);
		const file = join(dir, `sandbox-${sandbox.child.pid}.json`);
		expect(JSON.parse(readFileSync(file, 'utf8')).exercised).toEqual({ 'wordapp-token-url': { count: 1, first: 'POST /wordapp/oauth/token' } });
		// A route whose assumption is off stays a 404.
		expect((await fetch(`${url}/wordapp/oauth/authorize?client_id=${SANDBOX_CLIENTS.wordapp.clientId}`)).status).toBe(404);
	} finally {
		sandbox.child.kill('SIGTERM');
	}
	expect((await sandbox.exit).code).toBe(0);
}, 60_000);

test('a misspelt assumption stops the sandbox at start with the known names', async () => {
	const sandbox = start(['--port', '0', '--assume', 'weekdone-token-querry']);
	const { code, stderr } = await sandbox.exit;
	expect(code).toBe(1);
	expect(stderr).toMatch(/unknown sandbox assumption "weekdone-token-querry" \(known: weekdone-token-query,/);
	await expect(sandbox.url).rejects.toThrow(/exited/);
}, 60_000);
