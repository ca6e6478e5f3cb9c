/**
 * Lints node files in a scratch copy of the package with the package's own ESLint config
 * (@n8n/node-cli's, unchanged). The node descriptions are generated from the operation catalogue, so
 * linting nodes/*.node.ts alone never sees their parameters: here each node file's description is
 * replaced by the literal the generator produces (what a hand-written node would contain), and the
 * rest of the file (imports, methods, execute/poll/webhook) is kept.
 *
 * CommonJS and a child process: ESLint 9 and the community plugin are ES modules, which jest's module
 * system cannot load, and file-system work does not belong in the TypeScript tests.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..', '..');

const RUNNER = `
const { ESLint } = require('eslint');
const { config } = require('@n8n/node-cli/eslint');
(async () => {
	const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: config });
	const results = await eslint.lintFiles(JSON.parse(process.argv[1]));
	const problems = results.flatMap((r) =>
		r.messages.map((m) => ({ file: r.filePath.slice(process.cwd().length + 1), line: m.line, rule: m.ruleId, message: m.message })),
	);
	process.stdout.write(JSON.stringify(problems));
})().catch((e) => {
	process.stderr.write(String(e && e.stack ? e.stack : e));
	process.exit(2);
});
`;

const DESCRIPTION = /\tdescription: INodeTypeDescription = \{[\s\S]*?\n\t\};\n/;

/**
 * @param {Array<{ file: string; description: string }>} nodes  file: nodes/Weekdone/Weekdone.node.ts;
 *   description: the generated description as a TypeScript object literal
 * @returns {Array<{ file: string; line: number; rule: string | null; message: string }>}
 */
function lintGenerated(nodes) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktools-lint-'));
	try {
		for (const linked of ['node_modules', 'credentials', 'shared', 'nodes/common', 'nodes/transport']) {
			fs.mkdirSync(path.dirname(path.join(dir, linked)), { recursive: true });
			fs.symlinkSync(path.join(REPO, linked), path.join(dir, linked), 'dir');
		}
		fs.copyFileSync(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
		for (const node of nodes) {
			const original = fs.readFileSync(path.join(REPO, node.file), 'utf8');
			if (!DESCRIPTION.test(original)) throw new Error(`${node.file}: no description block found`);
			const target = path.join(dir, node.file);
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(target, original.replace(DESCRIPTION, () => `\tdescription: INodeTypeDescription = ${node.description};\n`));
			// icon-validation checks that the `file:` icons exist beside the node
			const folder = path.join(REPO, path.dirname(node.file));
			for (const icon of fs.readdirSync(folder).filter((f) => f.endsWith('.svg'))) {
				fs.copyFileSync(path.join(folder, icon), path.join(path.dirname(target), icon));
			}
		}
		// The n8n-nodes-base rules treat every file as a test fixture when NODE_ENV is "test" (jest sets it).
		const env = { ...process.env, NODE_ENV: 'production' };
		const files = JSON.stringify(nodes.map((n) => n.file));
		const out = execFileSync(process.execPath, ['-e', RUNNER, files], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		return JSON.parse(out);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

module.exports = { lintGenerated };
