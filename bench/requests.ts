/**
 * HTTP requests per operation, counted at the sandbox, through our nodes in n8n-core's ExecuteContext:
 * a valid token, an expired token (n8n needs the 401 to notice, then 1 refresh and 1 retry), and 20
 * operations started together on one expired credential (goal: 1 refresh).
 */
import type { INodeParameters } from 'n8n-workflow';

import type { VendorId } from '../sandbox/clients';
import { SANDBOX_VENDORS } from '../sandbox/vendors';
import { vendors } from '../shared/vendors';
import { connectOAuth2, CountingCredentials, distNode, executeNode } from './n8n-context';
import type { BenchSandbox } from './sandbox-client';

/** Token and refresh endpoints of the sandbox (each vendor's entry in sandbox/vendors/index.ts), to tell token requests from API calls. */
const TOKEN_PATHS = new Set(SANDBOX_VENDORS.flatMap((v) => [v.paths.token, v.paths.refresh].filter((p): p is string => p !== undefined)));

const CASES: Array<{ vendor: VendorId; node: string; credentialType: string; refreshes: boolean }> = [
	{ vendor: 'weekdone', node: 'Weekdone', credentialType: 'weekdoneOAuth2Api', refreshes: true },
	{ vendor: 'worksection', node: 'Worksection', credentialType: 'worksectionOAuth2Api', refreshes: true },
	{ vendor: 'worktual', node: 'Worktual', credentialType: 'worktualOAuth2Api', refreshes: false },
	{ vendor: 'webwork-tracker', node: 'WebworkTracker', credentialType: 'webworkTrackerOAuth2Api', refreshes: true },
	{ vendor: 'wordapp', node: 'Wordapp', credentialType: 'wordappOAuth2Api', refreshes: true },
];

export const CONCURRENT_RUNS = 20;

export interface RequestCount {
	total: number;
	api: number;
	token: number;
	rejected: number;
}

export interface VendorRequestFigures {
	vendor: VendorId;
	/** Set when the vendor's runs failed: the figures below are then missing or partial. */
	error?: string;
	validToken?: RequestCount;
	expiredToken?: RequestCount;
	concurrentExpired?: RequestCount & { runs: number; succeeded: number };
}

async function counted(sandbox: BenchSandbox, vendor: VendorId, work: () => Promise<void>): Promise<RequestCount> {
	await sandbox.clear();
	await work();
	const lines = (await sandbox.counts()).requests.filter((r) => r.vendor === vendor);
	const token = lines.filter((r) => TOKEN_PATHS.has(r.path)).length;
	return { total: lines.length, api: lines.length - token, token, rejected: lines.filter((r) => r.status >= 400).length };
}

/**
 * The vendor's cheap test request (its definition's `api.testRequest`) as a Custom API Call; one beside the
 * API base (Wordapp's token info) through the node's own operation for it.
 */
function testCall(vendor: VendorId): INodeParameters {
	const { method, path, qs, fromHostRoot } = vendors[vendor].api.testRequest;
	if (fromHostRoot) return { resource: 'token', operation: 'getInfo' };
	return {
		resource: 'customApiCall',
		method,
		path: path === '' ? '/' : path,
		queryParameters: { parameters: Object.entries(qs ?? {}).map(([name, value]) => ({ name, value })) },
	};
}

export async function measureRequests(sandbox: BenchSandbox): Promise<VendorRequestFigures[]> {
	const out: VendorRequestFigures[] = [];
	for (const c of CASES) {
		const figures: VendorRequestFigures = { vendor: c.vendor };
		if (process.env.BENCH_VERBOSE) process.stderr.write(`bench: requests ${c.vendor}\n`);
		try {
			await measureVendor(sandbox, c, figures);
		} catch (error) {
			figures.error = error instanceof Error ? error.message.slice(0, 200) : String(error);
		}
		out.push(figures);
	}
	return out;
}

async function measureVendor(sandbox: BenchSandbox, c: (typeof CASES)[number], figures: VendorRequestFigures): Promise<void> {
	{
		const credentials = new CountingCredentials(sandbox.url);
		const id = await connectOAuth2(credentials, c.vendor, c.credentialType);
		const nodeType = distNode(c.node);
		const run = () => executeNode(credentials, nodeType, { type: c.credentialType, id }, testCall(c.vendor));
		figures.validToken = await counted(sandbox, c.vendor, async () => void (await run()));
		if (c.refreshes) {
			await sandbox.expire(c.vendor);
			figures.expiredToken = await counted(sandbox, c.vendor, async () => void (await run()));
			await sandbox.expire(c.vendor);
			let succeeded = 0;
			const count = await counted(sandbox, c.vendor, async () => {
				const results = await Promise.allSettled(Array.from({ length: CONCURRENT_RUNS }, () => run()));
				succeeded = results.filter((r) => r.status === 'fulfilled').length;
			});
			figures.concurrentExpired = { ...count, runs: CONCURRENT_RUNS, succeeded };
		}
	}
}
