/**
 * Version 2 of the action nodes (n8n UX guidelines): record IDs as resource locators (From List / By ID /
 * By URL where the vendor's records have a known address), Simplify on get/list of records with more than 10
 * fields, and the AI tool's Output option (Simplified / Raw / Selected Fields). Version 1, as saved workflows
 * hold it, keeps its plain ID fields and raw output. Runs in n8n-core's real contexts (node-runner.ts), so
 * parameter defaults per version, displayOptions and extractValue are n8n's own code.
 */
import type { INodeParameters, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { n8n } from '../../../package.json';
import { LOCATOR_VERSION, recordSourceOf, simplifiedFieldsOf } from '../../../nodes/common/description';
import { WebworkTracker } from '../../../nodes/WebworkTracker/WebworkTracker.node';
import { Worksection } from '../../../nodes/Worksection/Worksection.node';
import { fieldName, operationCatalogues } from '../../../shared/operations';
import { worksectionSamples } from '../../../shared/operations/samples/worksection';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import { jsonOf, NodeRunner } from './node-runner';

const actionNodes = n8n.nodes
	.map((built) => {
		const folder = built.split('/')[2];
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		return new ((require(`../../../nodes/${folder}/${folder}.node`) as Record<string, new () => INodeType>)[folder])();
	})
	.filter((node) => node.description.usableAsTool);

const catalogueOf = (description: INodeTypeDescription) => Object.values(operationCatalogues).find((c) => description.displayName.replace(/ /g, '').toLowerCase() === c.vendor.replace(/-/g, ''))!;

/** The top-level parameters n8n shows for these values at this version (in the editor, or in the tool wrapper). */
function shown(description: INodeTypeDescription, values: INodeParameters, typeVersion: number, tool = false): INodeProperties[] {
	const asShown = tool ? { ...description, name: `${description.name}Tool` } : description;
	return description.properties.filter((p) => NodeHelpers.displayParameter(values, p, { typeVersion }, asShown));
}

describe('descriptions', () => {
	test('every vendor has an action node under test', () => {
		expect(actionNodes.map((n) => catalogueOf(n.description)?.vendor).sort()).toEqual(Object.keys(operationCatalogues).sort());
	});

	test.each(actionNodes.map((n) => [n.description.displayName, n] as const))('%s: versions 1 and 2, new nodes get 2', (_n, node) => {
		expect(node.description.version).toEqual([1, LOCATOR_VERSION]);
		expect(node.description.defaultVersion).toBe(LOCATOR_VERSION);
	});

	test.each(actionNodes.map((n) => [n.description.displayName, n] as const))('%s: record IDs are locators in version 2 and as before in version 1', (_n, node) => {
		const { description } = node;
		const catalogue = catalogueOf(description);
		let locators = 0;
		for (const resource of catalogue.resources) {
			for (const operation of resource.operations) {
				const values = { resource: resource.value, operation: operation.value };
				const v1 = shown(description, values, 1);
				const v2 = shown(description, values, LOCATOR_VERSION);
				const optionsOf = (props: INodeProperties[]) => props.flatMap((p) => (p.type === 'collection' ? (p.options as INodeProperties[]) : [p]));
				for (const field of operation.fields.filter((f) => !f.hidden)) {
					const name = fieldName(field);
					const at = `${resource.value}/${operation.value}/${name}`;
					const before = optionsOf(v1).filter((p) => p.name === name);
					const after = optionsOf(v2).filter((p) => p.name === name);
					expect([at, before.length, after.length]).toEqual([at, 1, 1]);
					const found = recordSourceOf(catalogue, field);
					if (!found) {
						expect([at, after[0].type]).toEqual([at, before[0].type]);
						continue;
					}
					locators++;
					expect([at, before[0].type]).toEqual([at, field.dropdown ? 'options' : 'string']);
					expect([at, after[0].type]).toEqual([at, 'resourceLocator']);
					const modes = after[0].modes ?? [];
					expect([at, modes.map((m) => m.name)]).toEqual([at, found.source.recordUrl ? ['list', 'id', 'url'] : ['list', 'id']]);
					expect([at, modes[0].typeOptions?.searchListMethod]).toEqual([at, found.method]);
					expect(Object.keys(node.methods?.listSearch ?? {})).toContain(found.method);
				}
			}
		}
		if (catalogue.vendor !== 'wordapp') expect(locators).toBeGreaterThan(0);
	});

	test('plain-value dropdowns (item types, people by e-mail) stay dropdowns in version 2', () => {
		const weekdone = actionNodes.find((n) => n.description.name === 'weekdone')!.description;
		const typeId = shown(weekdone, { resource: 'item', operation: 'create' }, LOCATOR_VERSION).find((p) => p.name === 'typeId');
		expect(typeId).toMatchObject({ type: 'options', typeOptions: { loadOptionsMethod: 'types' } });
		const worksection = new Worksection().description;
		const collection = shown(worksection, { resource: 'task', operation: 'create' }, LOCATOR_VERSION).find((p) => p.name === 'additionalFields');
		expect((collection?.options as INodeProperties[]).find((p) => p.name === 'emailUserTo')).toMatchObject({ type: 'options' });
	});

	test.each(actionNodes.map((n) => [n.description.displayName, n] as const))('%s: Simplify exactly where records have more than 10 fields', (_n, node) => {
		const { description } = node;
		const catalogue = catalogueOf(description);
		for (const resource of catalogue.resources) {
			for (const operation of resource.operations) {
				const at = `${resource.value}/${operation.value}`;
				const sample = catalogue.samples?.[at] ?? catalogue.samples?.[resource.value];
				const large = (operation.kind === 'get' || operation.kind === 'list') && sample !== undefined && Object.keys(sample).length > 10;
				// every large record has its named fields, each a field of the record
				if (large) expect([at, resource.simplifiedFields?.filter((f) => !(f in sample)) ?? 'none named']).toEqual([at, []]);
				expect([at, simplifiedFieldsOf(catalogue, resource, operation) !== undefined]).toEqual([at, large]);
				const values = { resource: resource.value, operation: operation.value };
				const simplify = shown(description, values, LOCATOR_VERSION).filter((p) => p.name === 'simplify');
				expect([at, simplify.length]).toEqual([at, large ? 1 : 0]);
				if (large) expect(simplify[0]).toMatchObject({ type: 'boolean', default: true, description: 'Whether to return a simplified version of the response instead of the raw data' });
				expect([at, shown(description, values, 1).some((p) => p.name === 'simplify')]).toEqual([at, false]);
				// the AI tool: Output on every get and list, instead of Simplify
				const asTool = shown(description, values, LOCATOR_VERSION, true);
				expect([at, asTool.some((p) => p.name === 'simplify'), asTool.some((p) => p.name === 'output')]).toEqual([at, false, operation.kind === 'get' || operation.kind === 'list']);
			}
		}
	});
});

// Worksection: a task's address is /project/<project>/<task>/ on the account host (its OAuth document).
const TOKEN = 'ws-access';
const ACCOUNT = 'https://acme.worksection.com';
const ok = (extra: object = {}) => ({ status: 'ok', ...extra });
const task: Record<string, unknown> = { ...worksectionSamples.task, id: 2001 };
const worksection = (version = LOCATOR_VERSION, node: INodeType = new Worksection()) =>
	new NodeRunner(node, version).useOAuth2('worksectionOAuth2Api', { access_token: TOKEN, refresh_token: 'ws-refresh', account_url: ACCOUNT });
const getTask = (idTask: unknown, extra: INodeParameters = {}) => ({ resource: 'task', operation: 'get', idTask, ...extra }) as INodeParameters;
const expectGetTask = (id = '2001') => strictVendorMock('worksection').expectApiCall({ method: 'GET', path: '', token: TOKEN, query: { action: 'get_task', id_task: id }, reply: ok({ data: task }) });

describe('resource locators at run time (Worksection task)', () => {
	test.each([
		['From List', { __rl: true, mode: 'list', value: '2001', cachedResultName: 'Draft the landing page' }],
		['By ID', { __rl: true, mode: 'id', value: '2001' }],
		['By URL', { __rl: true, mode: 'url', value: 'https://acme.worksection.com/project/193/2001/' }],
		['By URL of a subtask', { __rl: true, mode: 'url', value: 'https://acme.worksection.com/project/193/13036/2001/' }],
		['a plain string (an expression giving an ID)', '2001'],
	])('%s resolves to the task ID', async (_mode, idTask) => {
		const mock = expectGetTask();
		await worksection().execute(getTask(idTask, { simplify: false }));
		mock.done();
	});

	test('a URL that is not a task address fails before any request, naming the field', async () => {
		strictVendorMock('worksection');
		await expect(worksection().execute(getTask({ __rl: true, mode: 'url', value: 'https://acme.worksection.com/project/193/' }))).rejects.toThrow(/Task parameter's value is invalid/);
	});

	test('a locator inside Additional Fields (parent task by URL) is reduced to its ID', async () => {
		const mock = strictVendorMock('worksection').expectApiCall({
			method: 'POST',
			path: '',
			token: TOKEN,
			query: { action: 'post_task', id_project: '5', title: 'Sub', id_parent: '2001' },
			reply: ok({ data: { id: 2002 } }),
		});
		const output = await worksection().execute({
			resource: 'task',
			operation: 'create',
			idProject: { __rl: true, mode: 'id', value: '5' },
			title: 'Sub',
			additionalFields: { idParent: { __rl: true, mode: 'url', value: 'https://acme.worksection.com/project/5/2001/' } },
		});
		mock.done();
		expect(jsonOf(output)).toEqual([{ id: 2002 }]);
	});

	test('a version-1 saved workflow with a plain ID still runs, and its output stays raw', async () => {
		const mock = expectGetTask();
		const output = await worksection(1).execute(getTask('2001'));
		mock.done();
		expect(jsonOf(output)).toEqual([task]);
	});
});

describe('Simplify (Worksection task, 15 fields)', () => {
	const simplified = operationCatalogues.worksection.resources.find((r) => r.value === 'task')!.simplifiedFields!;

	test('on by default in version 2: the named fields only', async () => {
		const mock = expectGetTask();
		const output = jsonOf(await worksection().execute(getTask({ __rl: true, mode: 'id', value: '2001' })));
		mock.done();
		expect(Object.keys(output[0])).toEqual(simplified);
		expect(Object.keys(task).length).toBeGreaterThan(simplified.length);
	});

	test('off: every field the vendor returned', async () => {
		const mock = expectGetTask();
		const output = jsonOf(await worksection().execute(getTask({ __rl: true, mode: 'id', value: '2001' }, { simplify: false })));
		mock.done();
		expect(output).toEqual([task]);
	});

	test('lists too: each record simplified, Limit applied', async () => {
		const mock = strictVendorMock('worksection').expectApiCall({ method: 'GET', path: '', token: TOKEN, query: { action: 'get_all_tasks' }, reply: ok({ data: [task, { ...task, id: 2002 }, { ...task, id: 2003 }] }) });
		const output = jsonOf(await worksection().execute({ resource: 'task', operation: 'getAll', limit: 2 }));
		mock.done();
		expect(output.map((r) => [r.id, Object.keys(r)])).toEqual([
			[2001, simplified],
			[2002, simplified],
		]);
	});
});

/** A node instance whose type is n8n's tool wrapper of it (`<name>Tool`). */
function asTool<T extends INodeType>(node: T): T {
	node.description = { ...node.description, name: `${node.description.name}Tool` };
	return node;
}

describe('the AI tool Output option (Worksection task)', () => {
	const tool = (version = LOCATOR_VERSION) => worksection(version, asTool(new Worksection()));
	const byId = { __rl: true, mode: 'id', value: '2001' };
	const simplified = operationCatalogues.worksection.resources.find((r) => r.value === 'task')!.simplifiedFields!;

	test('Simplified by default', async () => {
		const mock = expectGetTask();
		const output = jsonOf(await tool().execute(getTask(byId)));
		mock.done();
		expect(Object.keys(output[0])).toEqual(simplified);
	});

	test('Raw: everything', async () => {
		const mock = expectGetTask();
		expect(jsonOf(await tool().execute(getTask(byId, { output: 'raw' })))).toEqual([task]);
		mock.done();
	});

	test('Selected Fields: only the chosen ones, in the order given', async () => {
		const mock = expectGetTask();
		const output = jsonOf(await tool().execute(getTask(byId, { output: 'fields', outputFields: 'status, name ,no_such_field' })));
		mock.done();
		expect(output).toEqual([{ status: task.status, name: task.name }]);
	});

	test('Selected Fields with none named: a clear error, no request', async () => {
		strictVendorMock('worksection');
		await expect(tool().execute(getTask(byId, { output: 'fields', outputFields: ' , ' }))).rejects.toThrow('name at least one field');
	});

	test('a version-1 tool keeps raw output', async () => {
		const mock = expectGetTask();
		expect(jsonOf(await tool(1).execute(getTask('2001')))).toEqual([task]);
		mock.done();
	});
});

describe('From List (methods.listSearch)', () => {
	test('Worksection tasks: the dropdown source, narrowed by name or ID, any case', async () => {
		const tasks = [
			{ id: 2001, name: 'Draft the landing page' },
			{ id: 2002, name: 'Pricing table' },
			{ id: 2003, name: 'Landing page QA' },
		];
		const mock = strictVendorMock('worksection');
		for (let i = 0; i < 3; i++) mock.expectApiCall({ method: 'GET', path: '', token: TOKEN, query: { action: 'get_all_tasks', filter: 'active' }, reply: ok({ data: tasks }) });
		const runner = worksection();
		expect((await runner.listSearch('tasks', getTask(''))).results.map((r) => r.value)).toEqual([2001, 2003, 2002]);
		expect((await runner.listSearch('tasks', getTask(''), 'LANDING')).results).toEqual([
			{ name: 'Draft the landing page', value: 2001 },
			{ name: 'Landing page QA', value: 2003 },
		]);
		expect((await runner.listSearch('tasks', getTask(''), '2002')).results).toEqual([{ name: 'Pricing table', value: 2002 }]);
		mock.done();
	});

	test('WebWork Tracker projects: the workspace it depends on is read from its locator', async () => {
		const mock = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'GET',
			path: '/projects',
			token: 'ww-access',
			query: { workspace_id: '10', page: '1', per_page: '100' },
			reply: { success: true, data: [{ id: 3, name: 'Apollo' }], meta: { pagination: { current_page: 1, last_page: 1 } } },
		});
		const runner = new NodeRunner(new WebworkTracker(), LOCATOR_VERSION).useOAuth2('webworkTrackerOAuth2Api', { access_token: 'ww-access', refresh_token: 'ww-refresh', expires_in: 1296000 });
		const parameters = { resource: 'project', operation: 'get', workspaceId: { __rl: true, mode: 'list', value: 10 }, projectId: { __rl: true, mode: 'list', value: '' } };
		expect((await runner.listSearch('projects', parameters)).results).toEqual([{ name: 'Apollo', value: 3 }]);
		mock.done();
	});

	test('a list that needs its workspace first is empty until one is chosen, without a request', async () => {
		strictVendorMock('webwork-tracker');
		const runner = new NodeRunner(new WebworkTracker(), LOCATOR_VERSION).useOAuth2('webworkTrackerOAuth2Api', { access_token: 'ww-access', refresh_token: 'ww-refresh', expires_in: 1296000 });
		expect((await runner.listSearch('projects', { resource: 'project', operation: 'get' })).results).toEqual([]);
	});
});
