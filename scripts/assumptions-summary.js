#!/usr/bin/env node
// Prints the sandbox assumptions (sandbox/assumptions.ts) that test runs actually relied on, from the
// reports the sandboxes wrote (one JSON file per sandbox: {enabled, exercised: {name: {count, first}}}).
// Output: "name (N requests), ..." or "none"; used by scripts/test-all.sh for its summary line.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.argv[2] || 'build/assumptions';
const counts = new Map();
let files = [];
try {
	files = readdirSync(dir).filter((name) => name.endsWith('.json'));
} catch {
	// no sandbox ran
}
for (const file of files) {
	let report;
	try {
		report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
	} catch {
		console.error(`assumptions-summary: ${file} is not a sandbox report`);
		continue;
	}
	for (const [name, used] of Object.entries(report.exercised || {})) counts.set(name, (counts.get(name) || 0) + (used.count || 0));
}
const names = [...counts.keys()].sort();
console.log(names.length === 0 ? `none (${files.length} sandbox reports)` : `${names.map((n) => `${n} (${counts.get(n)} requests)`).join(', ')} [${files.length} sandbox reports]`);
