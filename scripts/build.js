#!/usr/bin/env node
/**
 * Builds everything from a clean tree:
 *   dist/            the n8n community package (credentials, nodes, shared code, icons, codex files)
 *   build/           compiled developer tooling (zapier adapter, sandbox, e2e runner)
 *   dist/zapier/<id> one pushable Zapier integration per vendor
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');

function step(label, fn) {
	const started = Date.now();
	fn();
	console.log(`build: ${label} (${Date.now() - started} ms)`);
}

/** Copies files n8n loads besides JS (icons, codex JSON) next to their compiled modules. */
function copyAssets(fromDir) {
	const walk = (dir) => {
		if (!fs.existsSync(dir)) return;
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== '__tests__') walk(full);
			} else if (/\.(svg|png|node\.json)$/.test(entry.name)) {
				const target = path.join(root, 'dist', path.relative(root, full));
				fs.mkdirSync(path.dirname(target), { recursive: true });
				fs.copyFileSync(full, target);
			}
		}
	};
	walk(path.join(root, fromDir));
}

step('clean', () => {
	fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
	fs.rmSync(path.join(root, 'build'), { recursive: true, force: true });
});
step('n8n package (tsc -p tsconfig.build.json)', () =>
	execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' }),
);
step('icons and codex files', () => {
	copyAssets('credentials');
	copyAssets('nodes');
});
// package.json `n8n` lists what n8n loads; they follow the compiled files, so a new vendor needs no list edit
// (scripts/check-pack.js then checks them against the registry). Written only when they change.
step('package.json n8n lists (from dist/)', () => {
	const file = path.join(root, 'package.json');
	const text = fs.readFileSync(file, 'utf8');
	const pkg = JSON.parse(text);
	const { credentials, nodes } = require('./n8n-lists').n8nListsFromDist(root);
	const next = `${JSON.stringify({ ...pkg, n8n: { ...pkg.n8n, credentials, nodes } }, null, 2)}\n`;
	if (next !== text) {
		fs.writeFileSync(file, next);
		console.log(`build: package.json n8n lists rewritten (${credentials.length} credentials, ${nodes.length} nodes)`);
	}
});
step('tools (tsc -p tsconfig.tools.json)', () =>
	execFileSync(process.execPath, [tsc, '-p', 'tsconfig.tools.json'], { cwd: root, stdio: 'inherit' }),
);
const writer = path.join(root, 'build/zapier/write-apps.js');
if (fs.existsSync(writer)) {
	step('zapier integrations (dist/zapier/<id>)', () => execFileSync(process.execPath, [writer], { cwd: root, stdio: 'inherit' }));
} else {
	console.log('build: zapier writer not built yet (zapier/write-apps.ts missing)');
}
