import type { CredentialRef } from '../lib/n8n-client';
import { ACTION, operation, singleActionWorkflow, TRIGGER, type NodeAction } from '../lib/workflow';
import type { Json, VendorCase } from '../vendors';
import type { SuiteContext } from './context';

/**
 * Update operations in a real n8n: create a record with the node, update it with the node, then read it
 * back with a separate node run (get, or the list when the catalogue has no get) and compare.
 */
interface UpdateCase {
	/** "item", "project", ... for the check names. */
	what: string;
	create: NodeAction;
	/** The id of the created record from the create's first output item. */
	idOf: (created: Json) => unknown;
	update: (id: string) => NodeAction;
	/** Reads the record back; returns the record (or undefined when it is not found). */
	readBack: { action: (id: string) => NodeAction; find: (items: Json[], id: string) => Json | undefined };
	/** The field that must hold the new value after the update. */
	field: string;
	value: string;
}

const WEBWORK_WORKSPACE = 1001;
const byId = (items: Json[], id: string) => items.find((i) => String(i.id) === id);
const first = (items: Json[]) => items[0];

const CASES: Record<string, UpdateCase[] | string> = {
	weekdone: [
		{
			what: 'item',
			create: operation('item', 'create', { description: 'e2e item before update', typeId: 1 }),
			idOf: (c) => c.id,
			update: (id) => operation('item', 'update', { itemId: id, updateFields: { description: 'e2e item after update' } }),
			// No item get in the catalogue: the week's list must show the new text.
			readBack: { action: () => operation('item', 'getAll', { returnAll: true }), find: byId },
			field: 'description',
			value: 'e2e item after update',
		},
	],
	worksection: [
		{
			what: 'project',
			create: operation('project', 'create', { title: 'e2e project before update' }),
			idOf: (c) => c.id,
			update: (id) => operation('project', 'update', { idProject: id, updateFields: { title: 'e2e project after update' } }),
			readBack: { action: (id) => operation('project', 'get', { idProject: id }), find: first },
			field: 'name',
			value: 'e2e project after update',
		},
	],
	worktual:
		'no documented update: the catalogue\'s contact update is a guessed route (PUT /contacts/{id}, not in the public docs) and the sandbox does not emulate it',
	'webwork-tracker': [
		{
			what: 'project',
			create: operation('project', 'create', { workspaceId: WEBWORK_WORKSPACE, name: 'e2e project before update' }),
			idOf: (c) => c.id,
			update: (id) => operation('project', 'update', { workspaceId: WEBWORK_WORKSPACE, projectId: id, updateFields: { name: 'e2e project after update' } }),
			readBack: { action: (id) => operation('project', 'get', { workspaceId: WEBWORK_WORKSPACE, projectId: id }), find: first },
			field: 'name',
			value: 'e2e project after update',
		},
	],
	wordapp: 'no documented update: Wordapp\'s public API documents only its OAuth server (token info, revoke)',
};

export async function updateScenario(ctx: SuiteContext, vendor: VendorCase, credential: CredentialRef | undefined): Promise<void> {
	const cases = CASES[vendor.id];
	if (cases === undefined || typeof cases === 'string') {
		console.log(`SKIP ${vendor.id} node: update: ${cases ?? 'no update case defined'}`);
		return;
	}
	const run = async (label: string, action: NodeAction): Promise<Json[]> => {
		if (!credential) throw new Error('not run: the OAuth2 credential did not pass its checks');
		const parameters = action.parameters(credential.type);
		const workflow = await ctx.client.createWorkflow(singleActionWorkflow(`e2e ${vendor.id} ${label}`, { type: vendor.nodeType, parameters, credential }));
		const result = await ctx.client.run(workflow, TRIGGER);
		if (result.status !== 'success') throw new Error(`${action.label}: execution ${result.id} ${result.status}: ${result.error}`);
		return result.items(ACTION);
	};
	for (const c of cases) {
		await ctx.report.group(async (check) => {
			await check(`${vendor.id} node: update ${c.what} (${c.update('…').label}), read back with ${c.readBack.action('…').label}`, async () => {
				const created = (await run(c.create.label, c.create))[0];
				const id = created ? c.idOf(created) : undefined;
				if (id === undefined || id === null || id === '') throw new Error(`the create returned no id: ${JSON.stringify(created).slice(0, 200)}`);
				const updated = await run(`${c.what} update`, c.update(String(id)));
				if (updated.length === 0) throw new Error('the update returned no items');
				const back = c.readBack.find(await run(`${c.what} read back`, c.readBack.action(String(id))), String(id));
				if (!back) throw new Error(`${c.what} ${id} not found when read back`);
				if (back[c.field] !== c.value) throw new Error(`${c.what} ${id} ${c.field} is ${JSON.stringify(back[c.field])} after the update, expected ${JSON.stringify(c.value)}`);
			});
		});
	}
	if (vendor.id === 'worksection') await taskUpdate(ctx, vendor, run);
}

/** Worksection task update: a task in a fresh project, renamed, then fetched with task get. */
async function taskUpdate(ctx: SuiteContext, vendor: VendorCase, run: (label: string, action: NodeAction) => Promise<Json[]>): Promise<void> {
	await ctx.report.group(async (check) => {
		await check(`${vendor.id} node: update task (task update), read back with task get`, async () => {
			const project = (await run('project create', operation('project', 'create', { title: 'e2e project for a task' })))[0];
			if (!project?.id) throw new Error(`project create returned no id: ${JSON.stringify(project).slice(0, 200)}`);
			const task = (await run('task create', operation('task', 'create', { idProject: String(project.id), title: 'e2e task before update' })))[0];
			if (!task?.id) throw new Error(`task create returned no id: ${JSON.stringify(task).slice(0, 200)}`);
			await run('task update', operation('task', 'update', { idTask: String(task.id), updateFields: { title: 'e2e task after update' } }));
			const back = (await run('task get', operation('task', 'get', { idTask: String(task.id) })))[0];
			if (!back) throw new Error(`task ${task.id} not found when read back`);
			if (back.name !== 'e2e task after update') throw new Error(`task ${task.id} name is ${JSON.stringify(back.name)} after the update, expected "e2e task after update"`);
		});
	});
}
