/**
 * Cold load of every built credential and node module (the package.json `n8n` lists, from dist/), as a
 * ratio to a comparable set from n8n-nodes-base (Todoist, Asana, ClickUp, Trello and Harvest nodes with
 * their triggers and credentials), each set in fresh processes on n8n's own Node (the e2e runtime), the
 * shared cost of loading n8n-workflow measured apart and left out of the ratio.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { ROOT } from './n8n-context';
import { median } from './stats';

const run = promisify(execFile);

const BASE = join(ROOT, 'test/e2e/runtime/node_modules/n8n-nodes-base/dist');
const BASE_NODES = ['Todoist/Todoist', 'Asana/Asana', 'Asana/AsanaTrigger', 'ClickUp/ClickUp', 'ClickUp/ClickUpTrigger', 'Trello/Trello', 'Trello/TrelloTrigger', 'Harvest/Harvest'];
const BASE_CREDENTIALS = ['TodoistApi', 'TodoistOAuth2Api', 'AsanaApi', 'AsanaOAuth2Api', 'ClickUpApi', 'ClickUpOAuth2Api', 'TrelloApi', 'HarvestApi', 'HarvestOAuth2Api'];

export interface LoadSet {
	files: number;
	classes: number;
	/** Medians over the runs, n8n-workflow excluded; CPU time is what a loaded machine does not distort. */
	loadMs: number;
	loadCpuMs: number;
	workflowMs: number;
	workflowCpuMs: number;
}

export interface ColdLoadFigures {
	node: string;
	runs: number;
	ours: LoadSet;
	n8nNodesBase: LoadSet;
	/** CPU-time ratio (ours / n8n-nodes-base); wallRatio for reference. */
	ratio: number;
	wallRatio: number;
}

function ourModules(): string[] {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { credentials: string[]; nodes: string[] } };
	return [...manifest.n8n.credentials, ...manifest.n8n.nodes].map((file) => join(ROOT, file));
}

function baseModules(): string[] {
	return [...BASE_NODES.map((n) => join(BASE, 'nodes', `${n}.node.js`)), ...BASE_CREDENTIALS.map((c) => join(BASE, 'credentials', `${c}.credentials.js`))];
}

interface LoadSample {
	workflowMs: number;
	modulesMs: number;
	workflowCpuMs: number;
	modulesCpuMs: number;
	classes: number;
}

async function once(node: string, modules: string[]): Promise<LoadSample> {
	const { stdout } = await run(node, [join(__dirname, 'cold-load-child.js')], { env: { ...process.env, BENCH_MODULES: JSON.stringify(modules) } });
	return JSON.parse(stdout) as LoadSample;
}

export async function measureColdLoad(node: string, runs = 7): Promise<ColdLoadFigures> {
	const sets = { ours: ourModules(), base: baseModules() };
	for (const file of [...sets.ours, ...sets.base]) if (!existsSync(file)) throw new Error(`cold load: ${file} is missing`);
	const samples = { ours: [] as LoadSample[], base: [] as LoadSample[] };
	for (let i = 0; i < runs; i++) {
		// Interleaved, so a burst of load on the machine hits both sets alike.
		samples.ours.push(await once(node, sets.ours));
		samples.base.push(await once(node, sets.base));
	}
	const summary = (files: string[], s: typeof samples.ours): LoadSet => ({
		files: files.length,
		classes: s[0].classes,
		loadMs: median(s.map((x) => x.modulesMs)),
		loadCpuMs: median(s.map((x) => x.modulesCpuMs)),
		workflowMs: median(s.map((x) => x.workflowMs)),
		workflowCpuMs: median(s.map((x) => x.workflowCpuMs)),
	});
	const ours = summary(sets.ours, samples.ours);
	const n8nNodesBase = summary(sets.base, samples.base);
	return { node, runs, ours, n8nNodesBase, ratio: ours.loadCpuMs / n8nNodesBase.loadCpuMs, wallRatio: ours.loadMs / n8nNodesBase.loadMs };
}
