#!/usr/bin/env node
/**
 * Checks what `npm pack` would publish: only what n8n loads (credentials, nodes, shared code), every file
 * listed in package.json `n8n` present, those lists (written by scripts/build.js from the compiled files) in
 * step with the vendor registry and the source files (scripts/n8n-lists.js), no Zapier/sandbox/test code, no
 * runtime dependency.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [report] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
const files = report.files.map((f) => f.path);

const problems = [];
const allowed = /^(package\.json|README\.md|LICENSE|dist\/index\.(js|d\.ts)|dist\/(credentials|nodes|shared)\/.+)$/;
for (const file of files) {
	if (!allowed.test(file)) problems.push(`unexpected file in tarball: ${file}`);
	if (/zapier|sandbox|__tests__|\.test\.|test\//i.test(file)) problems.push(`developer-only file in tarball: ${file}`);
}
if (Object.keys(pkg.dependencies ?? {}).length > 0) problems.push(`runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`);
for (const listed of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
	if (!files.includes(listed)) problems.push(`listed in package.json n8n but not packed: ${listed}`);
}
const packedTypes = files.filter((f) => /\.(credentials|node)\.js$/.test(f));
for (const file of packedTypes) {
	if (![...pkg.n8n.credentials, ...pkg.n8n.nodes].includes(file)) problems.push(`packed but not listed in package.json n8n: ${file}`);
}
if (pkg.n8n.credentials.length === 0 || pkg.n8n.nodes.length === 0) problems.push('package.json n8n lists no credentials or no nodes');
// The n8n lists against the vendor registry (as built in dist/) and the source files on disk.
const { vendorList } = require(path.join(root, 'dist/shared/vendors'));
problems.push(...require('./n8n-lists').checkN8nLists({ root, n8n: pkg.n8n, vendorList }));

console.log(`pack: ${files.length} files, ${(report.size / 1024).toFixed(1)} kB packed, ${pkg.n8n.credentials.length} credentials, ${pkg.n8n.nodes.length} nodes, 0 runtime dependencies`);
if (problems.length > 0) {
	for (const p of problems) console.error(`pack: ${p}`);
	process.exit(1);
}
console.log('pack: OK');
