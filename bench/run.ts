/**
 * `npm run bench`: every figure from one run, printed as a table and written to build/bench.json.
 * The vendor sandbox runs on loopback in its own process; our nodes run from dist/ inside n8n-core's real
 * execution context. Env: BENCH_RECORDS (10000), BENCH_RUNS (3, Return All repetitions), BENCH_LOAD_RUNS (5).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { ensureRuntime } from '../test/e2e/lib/runtime';
import { measureColdLoad, type ColdLoadFigures } from './cold-load';
import { ROOT } from './n8n-context';
import { CONCURRENT_RUNS, measureRequests, type RequestCount, type VendorRequestFigures } from './requests';
import { measureReturnAll, type ReturnAllFigures } from './return-all';
import { BenchSandbox } from './sandbox-client';
import { measureSizes, ZIP_GOAL_BYTES, type SizeFigures } from './sizes';

interface BenchReport {
	startedAt: string;
	seconds: number;
	loadAverageAtStart: number[];
	requestsPerOperation?: VendorRequestFigures[];
	coldLoad?: ColdLoadFigures;
	returnAll?: ReturnAllFigures;
	sizes?: SizeFigures;
	errors: Record<string, string>;
}

const n = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} kB`);

function table(rows: string[][]): string {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
	return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

function requestsText(c: RequestCount | undefined): string {
	return c ? `${c.total} (${c.api} API, ${c.token} token, ${c.rejected} rejected)` : '–';
}

function print(report: BenchReport): void {
	const out: string[] = [`bench ${report.startedAt} (${report.seconds} s, load average ${report.loadAverageAtStart.map((x) => x.toFixed(1)).join(' ')})`];
	if (report.requestsPerOperation) {
		out.push('', 'HTTP requests per operation (counted at the sandbox; Custom API Call with the vendor\'s test request)');
		const rows = [['vendor', 'valid token (goal 1)', 'expired token (goal 3: 401 + refresh + retry)', `${CONCURRENT_RUNS} at once, expired (goal 1 token request)`]];
		for (const v of report.requestsPerOperation) {
			const c = v.concurrentExpired;
			rows.push([
				v.vendor,
				v.error && !v.validToken ? `error: ${v.error.slice(0, 60)}` : requestsText(v.validToken),
				v.expiredToken ? requestsText(v.expiredToken) : v.error ? `error: ${v.error.slice(0, 40)}` : 'no refresh (permanent token)',
				c ? `${c.token} token, ${c.total} total, ${c.succeeded}/${c.runs} runs ok` : '–',
			]);
		}
		out.push(table(rows));
	}
	if (report.coldLoad) {
		const c = report.coldLoad;
		out.push('', `Cold load (fresh process, Node ${c.node.includes('runtime') ? 'of the n8n runtime' : c.node}, median of ${c.runs}, n8n-workflow excluded)`);
		out.push(
			table([
				['set', 'files', 'load CPU', 'load wall', 'n8n-workflow CPU (shared, excluded)'],
				['n8n-nodes-worktools (dist/)', String(c.ours.files), `${n(c.ours.loadCpuMs, 0)} ms`, `${n(c.ours.loadMs, 0)} ms`, `${n(c.ours.workflowCpuMs, 0)} ms`],
				['n8n-nodes-base: Todoist, Asana, ClickUp, Trello, Harvest', String(c.n8nNodesBase.files), `${n(c.n8nNodesBase.loadCpuMs, 0)} ms`, `${n(c.n8nNodesBase.loadMs, 0)} ms`, `${n(c.n8nNodesBase.workflowCpuMs, 0)} ms`],
				['ratio', '', n(c.ratio), n(c.wallRatio), ''],
			]),
		);
	}
	if (report.returnAll) {
		const r = report.returnAll;
		out.push('', `Return All: ${r.records} WebWork tasks, ${r.node.requests} pages of ${r.pageSize} (the vendor's maximum), median of ${r.runs}`);
		const row = (name: string, s: ReturnAllFigures['reuseLoop'], extra = '') => [name, `${n(s.wallMs, 0)} ms`, `${n(s.cpuMs, 0)} ms`, `${n(s.peakHeapMB, 1)} MB`, String(s.requests), String(s.tcpConnections), extra];
		out.push(
			table([
				['run', 'wall', 'CPU', 'peak heap', 'requests', 'TCP conns', 'credential'],
				row('plain loop, one connection', r.reuseLoop),
				row('plain loop, new connection each', r.closeLoop),
				row('our node in n8n-core', r.node, `${r.node.resolutions} resolution(s), ${r.node.preAuthentications} n8n pre-auth calls`),
				['node / plain loop', `${n(r.wallRatio)} (goal 1.05)`, n(r.cpuRatio), `${n(r.heapRatio)} (goal 1.2)`, '', '', ''],
			]),
		);
		const c = r.causesCpuMs;
		const gap = c.connectionPerRequest + c.n8nHelperAndTransport;
		const share = (ms: number) => (gap > 0 ? ` (${n((100 * ms) / gap, 0)}%)` : '');
		out.push(
			`CPU gap node − plain loop ${n(gap, 0)} ms: a new TCP connection per request (n8n's helper) ${n(c.connectionPerRequest, 0)} ms${share(c.connectionPerRequest)},` +
				` n8n's request helper + our transport ${n(c.n8nHelperAndTransport, 0)} ms${share(c.n8nHelperAndTransport)}.`,
			`Removed by the package: ${r.removedResolutions} credential resolutions (2 per page → 1 per operation) × ${n(r.oneResolution.cpuMs)} ms CPU = ${n(c.removedResolutions, 0)} ms CPU.`,
		);
	}
	if (report.sizes) {
		const s = report.sizes;
		out.push('', 'Sizes');
		out.push(
			table([
				['artefact', 'size'],
				[`npm tarball (${s.npmTarball.files} files, ${kb(s.npmTarball.unpackedBytes)} unpacked)`, kb(s.npmTarball.bytes)],
				...s.zapierZips.map((z) => [`Zapier build.zip ${z.app} (goal ≤ ${ZIP_GOAL_BYTES} bytes)`, z.error ? `error: ${z.error.slice(0, 80)}` : `${kb(z.bytes)} (${z.bytes} bytes${z.withinGoal ? '' : ', over the goal'})`]),
			]),
		);
	}
	for (const [section, message] of Object.entries(report.errors)) out.push('', `FAILED ${section}: ${message}`);
	process.stdout.write(`${out.join('\n')}\n`);
}

async function section<T>(report: BenchReport, name: string, work: () => Promise<T>): Promise<T | undefined> {
	const started = Date.now();
	try {
		return await work();
	} catch (error) {
		report.errors[name] = error instanceof Error ? error.message.slice(0, 500) : String(error);
		return undefined;
	} finally {
		process.stderr.write(`bench: ${name} ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	}
}

/** The bench must never hold up CI: whatever is still running after this long is abandoned. */
const WATCHDOG_MS = Number(process.env.BENCH_TIMEOUT_S ?? '480') * 1000;

async function main(): Promise<void> {
	const started = Date.now();
	setTimeout(() => {
		process.stderr.write(`bench: gave up after ${WATCHDOG_MS / 1000} s\n`);
		process.exit(1);
	}, WATCHDOG_MS).unref();
	const records = Number(process.env.BENCH_RECORDS ?? '10000');
	const report: BenchReport = { startedAt: new Date().toISOString(), seconds: 0, loadAverageAtStart: loadavg(), errors: {} };
	const runtimeNode = ensureRuntime(ROOT).node;
	const sandbox = await BenchSandbox.start(records);
	try {
		report.requestsPerOperation = await section(report, 'requests per operation', () => measureRequests(sandbox));
		report.returnAll = await section(report, 'return all', () => measureReturnAll(sandbox, records, Number(process.env.BENCH_RUNS ?? '3')));
	} finally {
		await sandbox.stop();
	}
	report.coldLoad = await section(report, 'cold load', () => measureColdLoad(runtimeNode, Number(process.env.BENCH_LOAD_RUNS ?? '5')));
	report.sizes = await section(report, 'sizes', () => measureSizes(runtimeNode));
	report.seconds = Math.round((Date.now() - started) / 1000);
	mkdirSync(join(ROOT, 'build'), { recursive: true });
	writeFileSync(join(ROOT, 'build', 'bench.json'), `${JSON.stringify(report, null, '\t')}\n`);
	print(report);
	// n8n-core, loaded in this process for the node runs, leaves handles open that keep Node alive (seen in
	// CI: the table was printed after 58 s and the watchdog ended the process at 480 s): exit once reported.
	process.exit(Object.keys(report.errors).length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
	process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
