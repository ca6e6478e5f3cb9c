/**
 * `npm run lint` (= `npx n8n-node lint`, which runs `eslint .`) must lint everything the npm package ships
 * with n8n's full community-node rule set, Cloud rules included; only the parts that are never
 * published (package.json `files`) may be left out by eslint.config.mjs.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');

// ESLint and its configs are ES modules (jest cannot load them): ask a child process.
const PROBE = `
const { ESLint } = require('eslint');
(async () => {
	const { config } = await import('@n8n/node-cli/eslint');
	const repo = new ESLint({ cwd: process.cwd() });
	const template = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: config });
	const out = {};
	for (const file of JSON.parse(process.argv[1])) {
		const ignored = await repo.isPathIgnored(file);
		const rules = ignored ? null : (await repo.calculateConfigForFile(file)).rules;
		const expected = (await template.calculateConfigForFile(file)).rules;
		out[file] = { ignored, rules, expected };
	}
	process.stdout.write(JSON.stringify(out));
})().catch((e) => { process.stderr.write(String(e && e.stack)); process.exit(2); });
`;

type Probe = Record<string, { ignored: boolean; rules: Record<string, unknown> | null; expected: Record<string, unknown> }>;

function probe(files: string[]): Probe {
	const env = { ...process.env, NODE_ENV: 'production' };
	return JSON.parse(execFileSync(process.execPath, ['-e', PROBE, JSON.stringify(files)], { cwd: REPO, env, encoding: 'utf8' })) as Probe;
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { files: string[]; scripts: Record<string, string> };

describe('repository lint configuration', () => {
	const shipped = ['package.json', 'index.ts', 'nodes/Weekdone/Weekdone.node.ts', 'nodes/common/execute.ts', 'nodes/transport/GenericFunctions.ts', 'credentials/WeekdoneOAuth2Api.credentials.ts', 'shared/oauth/index.ts', 'shared/operations/weekdone.ts'];
	const unpublished = ['zapier/app.ts', 'sandbox/clients.ts', 'test/setup-nock.ts', 'scripts/start-playground.ts', 'bench/run.ts'];
	const result = probe([...shipped, ...unpublished]);

	test.each(shipped)('%s gets exactly the rules of n8n\'s unmodified config (Cloud rules on)', (file) => {
		expect(result[file].ignored).toBe(false);
		expect(result[file].rules).toEqual(result[file].expected);
		if (file.endsWith('.ts')) expect(result[file].rules).toHaveProperty(['@n8n/community-nodes/no-restricted-globals', 0], 2);
	});

	test.each(unpublished)('%s is left out and is not published', (file) => {
		expect(result[file].ignored).toBe(true);
		const top = file.split('/')[0];
		expect(pkg.files.some((f) => f === top || f.startsWith(`${top}/`) || f.startsWith(`dist/${top}`))).toBe(false);
	});

	test('npm run lint is the n8n CLI lint', () => {
		expect(pkg.scripts.lint).toBe('n8n-node lint');
	});
});
