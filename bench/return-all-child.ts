/**
 * One Return All measurement in a fresh process (so heap figures are its own): argv[2] is the scenario.
 *  - node:         our WebWork Tracker node, Task → Get Many, Return All, in n8n-core's ExecuteContext;
 *  - reuse-loop:   a plain sequential loop of the same GET requests over node:http, one keep-alive agent
 *                  (one TCP connection for all pages);
 *  - close-loop:   the same loop with a new agent per request, i.e. a new TCP connection and
 *                  `Connection: close` each time, which is what n8n's request helper does;
 * Both loops keep every record as an n8n output item ({json, pairedItem}), as the node must.
 *  - resolutions:  the cost of one credential resolution as n8n performs it (getDecrypted), the mean of 100.
 * Prints one JSON line: { wallMs, peakHeapDeltaBytes, records, requests?, resolutions?, preAuthentications? }.
 */
import { Agent, request } from 'node:http';

import { CountingCredentials, distNode, executeNode } from './n8n-context';

const url = process.env.BENCH_SANDBOX_URL ?? '';
const credential = JSON.parse(process.env.BENCH_CREDENTIAL ?? '{}') as { type: string; id: string; data: Record<string, unknown> };
const workspace = process.env.BENCH_WORKSPACE ?? '';
const token = (credential.data.oauthTokenData as { access_token?: string } | undefined)?.access_token ?? '';
const PAGE_SIZE = 100;

function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** Samples the heap every millisecond while `work` runs; the peak above the starting point, after a GC. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number; peakHeapDeltaBytes: number }> {
	gc();
	const base = process.memoryUsage().heapUsed;
	let peak = base;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 1);
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	const result = await work();
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const used = process.cpuUsage(cpu);
	const cpuMs = (used.user + used.system) / 1000;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	return { result, wallMs, cpuMs, peakHeapDeltaBytes: peak - base };
}

function pageUrl(page: number): string {
	return `${url}/webwork-tracker/api/v2/tasks?workspace_id=${workspace}&page=${page}&per_page=${PAGE_SIZE}`;
}

const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` };

interface Page {
	data: Array<Record<string, unknown>>;
	meta: { pagination: { last_page: number } };
}

/** Sequential pages until the last, keeping every record (as the node's output keeps them). */
async function loop(get: (page: number) => Promise<Page>): Promise<{ records: number; requests: number }> {
	const rows: Array<{ json: Record<string, unknown>; pairedItem: { item: number } }> = [];
	let requests = 0;
	for (let page = 1; ; page++) {
		const body = await get(page);
		requests++;
		for (const row of body.data) rows.push({ json: row, pairedItem: { item: 0 } });
		if (body.data.length === 0 || page >= body.meta.pagination.last_page) break;
	}
	return { records: rows.length, requests };
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

function getPage(page: number, agent: Agent): Promise<Page> {
	return new Promise((resolve, reject) => {
		const req = request(pageUrl(page), { headers, agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Page) : reject(new Error(`HTTP ${res.statusCode}`))));
		});
		req.on('error', reject);
		req.end();
	});
}

async function main(): Promise<void> {
	const scenario = process.argv[2];
	if (scenario === 'reuse-loop' || scenario === 'close-loop') {
		const get = (page: number) => getPage(page, scenario === 'reuse-loop' ? keepAlive : new Agent());
		await get(1); // warm-up: module and JIT costs are not the loop's
		const { result, wallMs, cpuMs, peakHeapDeltaBytes } = await measured(() => loop(get));
		process.stdout.write(`${JSON.stringify({ wallMs, cpuMs, peakHeapDeltaBytes, ...result })}\n`);
		keepAlive.destroy();
		return;
	}
	const credentials = new CountingCredentials(url);
	credentials.add({ id: credential.id, name: `${credential.type} account`, type: credential.type, data: credential.data as never });
	const ref = { type: credential.type, id: credential.id };
	if (scenario === 'resolutions') {
		const { wallMs, cpuMs } = await measured(async () => {
			for (let i = 0; i < 100; i++) await credentials.getDecrypted({} as never, { id: ref.id, name: `${ref.type} account` }, ref.type, 'manual', undefined);
		});
		process.stdout.write(`${JSON.stringify({ wallMs: wallMs / 100, cpuMs: cpuMs / 100 })}\n`);
		return;
	}
	const nodeType = distNode('WebworkTracker');
	const parameters = { resource: 'task', operation: 'getAll', workspaceId: workspace, returnAll: true };
	await executeNode(credentials, nodeType, ref, { ...parameters, returnAll: false, limit: 1 }); // warm-up
	credentials.resetCounts();
	const { result, wallMs, cpuMs, peakHeapDeltaBytes } = await measured(() => executeNode(credentials, nodeType, ref, parameters));
	process.stdout.write(`${JSON.stringify({ wallMs, cpuMs, peakHeapDeltaBytes, records: result.length, ...credentials.counts })}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`return-all ${process.argv[2]}: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
