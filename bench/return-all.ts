/**
 * Return All over the seeded WebWork tasks through our node, against plain sequential loops of the same
 * requests, each run in a fresh process (bench/return-all-child.ts), interleaved and repeated; medians.
 * Causes of the difference, each measured:
 *  - a new TCP connection per request (n8n's request helper builds a new agent for every request, so the
 *    socket is closed after each answer): close-loop minus reuse-loop;
 *  - credential resolutions the package used to make (two per page, 200 for 100 pages; now one per
 *    operation): the removed count times the measured cost of one resolution;
 *  - the rest: n8n's request helper and our transport around each request (node minus close-loop).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { connectOAuth2, CountingCredentials } from './n8n-context';
import type { BenchSandbox } from './sandbox-client';
import { SEEDED_WORKSPACE } from './sandbox-process';
import { median } from './stats';

const run = promisify(execFile);

/** Before this change: our transport and n8n's helper each resolved the credential once per page. */
export const RESOLUTIONS_BEFORE_PER_PAGE = 2;

interface Sample {
	wallMs: number;
	cpuMs: number;
	peakHeapDeltaBytes?: number;
	records?: number;
	resolutions?: number;
	preAuthentications?: number;
}

export interface ScenarioFigures {
	wallMs: number;
	cpuMs: number;
	peakHeapMB: number;
	requests: number;
	tcpConnections: number;
	records: number;
}

export interface ReturnAllFigures {
	records: number;
	pageSize: number;
	runs: number;
	node: ScenarioFigures & { resolutions: number; preAuthentications: number };
	reuseLoop: ScenarioFigures;
	closeLoop: ScenarioFigures;
	/** One resolution as n8n performs it (harness store: expression resolution, no database or decryption). */
	oneResolution: { wallMs: number; cpuMs: number };
	/** Against the faster plain loop (wall); CPU and heap against the one-connection loop. */
	wallRatio: number;
	cpuRatio: number;
	heapRatio: number;
	/**
	 * CPU milliseconds of the measured process (robust on a loaded machine, unlike wall time): what a new TCP
	 * connection per request costs (close-loop − reuse-loop), what n8n's request helper and our transport add
	 * around each request (node − close-loop), and what this package no longer spends on resolutions.
	 */
	causesCpuMs: { connectionPerRequest: number; n8nHelperAndTransport: number; removedResolutions: number };
	removedResolutions: number;
}

export async function measureReturnAll(sandbox: BenchSandbox, records: number, runs: number): Promise<ReturnAllFigures> {
	const credentials = new CountingCredentials(sandbox.url);
	const type = 'webworkTrackerOAuth2Api';
	const id = await connectOAuth2(credentials, 'webwork-tracker', type);
	const env = {
		...process.env,
		BENCH_SANDBOX_URL: sandbox.url,
		BENCH_WORKSPACE: String(SEEDED_WORKSPACE),
		BENCH_CREDENTIAL: JSON.stringify({ type, id, data: credentials.stored(id) }),
	};
	const once = async (scenario: string) => {
		await sandbox.clear();
		const { stdout } = await run(process.execPath, ['--expose-gc', join(__dirname, 'return-all-child.js'), scenario], { env, maxBuffer: 1024 * 1024 });
		const counts = await sandbox.counts();
		return { sample: JSON.parse(stdout) as Sample, requests: counts.requests.length, connections: counts.connections };
	};
	const samples: Record<'node' | 'reuse-loop' | 'close-loop', Array<Awaited<ReturnType<typeof once>>>> = { node: [], 'reuse-loop': [], 'close-loop': [] };
	for (let i = 0; i < runs; i++) {
		for (const scenario of ['reuse-loop', 'close-loop', 'node'] as const) samples[scenario].push(await once(scenario));
	}
	const resolution = (await once('resolutions')).sample;
	const summary = (s: (typeof samples)['node']): ScenarioFigures => ({
		wallMs: median(s.map((x) => x.sample.wallMs)),
		cpuMs: median(s.map((x) => x.sample.cpuMs)),
		peakHeapMB: median(s.map((x) => x.sample.peakHeapDeltaBytes ?? 0)) / 1024 / 1024,
		// Each child's warm-up request is counted at the sandbox too: leave it out.
		requests: median(s.map((x) => x.requests)) - 1,
		tcpConnections: median(s.map((x) => x.connections)) - (s === samples['reuse-loop'] ? 0 : 1),
		records: s[0].sample.records ?? 0,
	});
	const node = { ...summary(samples.node), resolutions: samples.node[0].sample.resolutions ?? 0, preAuthentications: samples.node[0].sample.preAuthentications ?? 0 };
	const reuseLoop = summary(samples['reuse-loop']);
	const closeLoop = summary(samples['close-loop']);
	const removedResolutions = RESOLUTIONS_BEFORE_PER_PAGE * node.requests - node.resolutions;
	return {
		records,
		pageSize: Math.round(records / Math.max(1, node.requests)),
		runs,
		node,
		reuseLoop,
		closeLoop,
		oneResolution: { wallMs: resolution.wallMs, cpuMs: resolution.cpuMs },
		wallRatio: node.wallMs / Math.min(reuseLoop.wallMs, closeLoop.wallMs),
		cpuRatio: node.cpuMs / reuseLoop.cpuMs,
		heapRatio: node.peakHeapMB / reuseLoop.peakHeapMB,
		causesCpuMs: {
			connectionPerRequest: closeLoop.cpuMs - reuseLoop.cpuMs,
			n8nHelperAndTransport: node.cpuMs - closeLoop.cpuMs,
			removedResolutions: removedResolutions * resolution.cpuMs,
		},
		removedResolutions,
	};
}
