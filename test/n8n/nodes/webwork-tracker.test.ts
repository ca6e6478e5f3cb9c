import nock from 'nock';

import { WebworkTracker } from '../../../nodes/WebworkTracker/WebworkTracker.node';
import { WebworkTrackerTrigger } from '../../../nodes/WebworkTrackerTrigger/WebworkTrackerTrigger.node';
import { webworkTrackerOperations } from '../../../shared/operations/webwork-tracker';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import type { OperationCase } from './cases';
import { operationCaseTests } from './helpers/operation-case-tests';
import { expectFailedThenDone, expectNodeApiError } from './helpers/errors';
import { activate, expectRefusedDelivery } from './helpers/webhook';
import { jsonOf, NodeRunner } from './node-runner';

// WebWork API v2: Bearer token, JSON bodies, {success, data, meta.pagination} with page/per_page ≤ 100;
// workspace_id in the query of reads/deletes and in the body of writes.
const TOKEN = 'ww-access';
const CREDENTIAL = 'webworkTrackerOAuth2Api';
const page = (data: unknown, current = 1, last = 1) => ({ success: true, data, meta: { api_version: '2.0.0', pagination: { current_page: current, last_page: last, total: 0 } } });
const one = (data: unknown) => ({ success: true, data, meta: { api_version: '2.0.0' } });

const oauth = <T extends NodeRunner>(runner: T) => runner.useOAuth2(CREDENTIAL, { access_token: TOKEN, refresh_token: 'ww-refresh', expires_in: 1296000 });
const node = () => oauth(new NodeRunner(new WebworkTracker()));
const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

const CASES: OperationCase[] = [
	{
		title: 'workspace getAll: Limit 2 asks for a 2-record page only',
		params: { resource: 'workspace', operation: 'getAll', limit: 2 },
		calls: [{ method: 'GET', path: '/workspaces', query: { page: '1', per_page: '2' }, reply: page(rows(1, 2), 1, 5) }],
		output: rows(1, 2),
	},
	{
		title: 'member getAll',
		params: { resource: 'member', operation: 'getAll', workspaceId: '10', returnAll: true, filters: { email: 'ann@example.com' } },
		calls: [{ method: 'GET', path: '/members', query: { workspace_id: '10', email: 'ann@example.com', page: '1', per_page: '100' }, reply: page([{ user_id: 5 }]) }],
		output: [{ user_id: 5 }],
	},
	{
		title: 'member get',
		params: { resource: 'member', operation: 'get', workspaceId: '10', memberId: '5' },
		calls: [{ method: 'GET', path: '/members/5', query: { workspace_id: '10' }, reply: one({ user_id: 5, firstname: 'Ann' }) }],
		output: [{ user_id: 5, firstname: 'Ann' }],
	},
	{
		title: 'member invite',
		params: { resource: 'member', operation: 'invite', workspaceId: 10, email: 'new@example.com', additionalFields: { firstname: 'New', role: 'Regular User' } },
		calls: [
			{
				method: 'POST',
				path: '/members',
				body: { workspace_id: 10, email: 'new@example.com', firstname: 'New', role: 'Regular User' },
				reply: one({ user_id: 9, invitation_link: 'https://webwork-tracker.com/invite/x' }),
			},
		],
		output: [{ user_id: 9, invitation_link: 'https://webwork-tracker.com/invite/x' }],
	},
	{
		title: 'project getAll',
		params: { resource: 'project', operation: 'getAll', workspaceId: '10', returnAll: true, filters: { name: 'Site' } },
		calls: [{ method: 'GET', path: '/projects', query: { workspace_id: '10', name: 'Site', page: '1', per_page: '100' }, reply: page([{ id: 3, name: 'Site' }]) }],
		output: [{ id: 3, name: 'Site' }],
	},
	{
		title: 'project get',
		params: { resource: 'project', operation: 'get', workspaceId: '10', projectId: '3' },
		calls: [{ method: 'GET', path: '/projects/3', query: { workspace_id: '10' }, reply: one({ id: 3 }) }],
		output: [{ id: 3 }],
	},
	{
		title: 'project create: JSON body, dates as YYYY-MM-DD, numbers kept',
		params: { resource: 'project', operation: 'create', workspaceId: 10, name: 'Site', additionalFields: { startDate: '2024-03-01T00:00:00', budget: 1000 } },
		calls: [{ method: 'POST', path: '/projects', body: { workspace_id: 10, name: 'Site', start_date: '2024-03-01', budget: 1000 }, reply: one({ id: 3, name: 'Site' }) }],
		output: [{ id: 3, name: 'Site' }],
	},
	{
		title: 'project update',
		params: { resource: 'project', operation: 'update', workspaceId: 10, projectId: '3', updateFields: { name: 'Site v2', deadline: '2024-06-30' } },
		calls: [{ method: 'PUT', path: '/projects/3', body: { workspace_id: 10, name: 'Site v2', deadline: '2024-06-30' }, reply: one({ id: 3, name: 'Site v2' }) }],
		output: [{ id: 3, name: 'Site v2' }],
	},
	{
		title: 'project archive',
		params: { resource: 'project', operation: 'archive', workspaceId: '10', projectId: '3' },
		calls: [{ method: 'DELETE', path: '/projects/3', query: { workspace_id: '10' }, reply: one(null) }],
		output: [{ success: true }],
	},
	{
		title: 'task getAll',
		params: { resource: 'task', operation: 'getAll', workspaceId: '10', returnAll: true, filters: { projectId: '3', status: 10, orderBy: 'desc' } },
		calls: [
			{
				method: 'GET',
				path: '/tasks',
				query: { workspace_id: '10', project_id: '3', status: '10', order_by: 'desc', page: '1', per_page: '100' },
				reply: page([{ id: 70, status: 10 }]),
			},
		],
		output: [{ id: 70, status: 10 }],
	},
	{
		title: 'task get',
		params: { resource: 'task', operation: 'get', workspaceId: '10', taskId: '70' },
		calls: [{ method: 'GET', path: '/tasks/70', query: { workspace_id: '10' }, reply: one({ id: 70 }) }],
		output: [{ id: 70 }],
	},
	{
		title: 'task create',
		params: { resource: 'task', operation: 'create', workspaceId: 10, projectId: 3, title: 'Fix header', additionalFields: { priority: 20, endDate: '2024-03-15', description: 'Logo' } },
		calls: [
			{
				method: 'POST',
				path: '/tasks',
				body: { workspace_id: 10, project_id: 3, title: 'Fix header', priority: 20, end_date: '2024-03-15', description: 'Logo' },
				reply: one({ id: 70, title: 'Fix header' }),
			},
		],
		output: [{ id: 70, title: 'Fix header' }],
	},
	{
		title: 'task update',
		params: { resource: 'task', operation: 'update', workspaceId: 10, taskId: '70', updateFields: { status: 20 } },
		calls: [{ method: 'PUT', path: '/tasks/70', body: { workspace_id: 10, status: 20 }, reply: one({ id: 70, status: 20 }) }],
		output: [{ id: 70, status: 20 }],
	},
	{
		title: 'task delete',
		params: { resource: 'task', operation: 'delete', workspaceId: '10', taskId: '70' },
		calls: [{ method: 'DELETE', path: '/tasks/70', query: { workspace_id: '10' }, reply: one(null) }],
		output: [{ deleted: true }],
	},
	{
		title: 'task assign',
		params: { resource: 'task', operation: 'assign', workspaceId: 10, taskId: '70', userId: '9' },
		calls: [{ method: 'POST', path: '/tasks/70/assign/9', body: { workspace_id: 10 }, reply: one({ task_id: 70, user_id: 9 }) }],
		output: [{ task_id: 70, user_id: 9 }],
	},
	{
		title: 'task unassign',
		params: { resource: 'task', operation: 'unassign', workspaceId: '10', taskId: '70', userId: '9' },
		calls: [{ method: 'DELETE', path: '/tasks/70/unassign/9', query: { workspace_id: '10' }, reply: one(null) }],
		output: [{ success: true }],
	},
	{
		title: 'task getAssignees',
		params: { resource: 'task', operation: 'getAssignees', workspaceId: '10', taskId: '70', returnAll: true },
		calls: [{ method: 'GET', path: '/tasks/70/assignees', query: { workspace_id: '10' }, reply: one([{ user_id: 9 }]) }],
		output: [{ user_id: 9 }],
	},
	{
		title: 'time entry getAll: no paging meta means one page',
		params: { resource: 'timeEntry', operation: 'getAll', workspaceId: '10', userId: '9', date: '2024-03-04T00:00:00', returnAll: true },
		calls: [{ method: 'GET', path: '/time-entries', query: { workspace_id: '10', user_id: '9', date: '2024-03-04', page: '1', per_page: '100' }, reply: one(rows(1, 100)) }],
		output: rows(1, 100),
	},
	{
		title: 'report trackedHours',
		params: { resource: 'report', operation: 'trackedHours', workspaceId: '10', additionalFields: { startDate: '2024-03-04', endDate: '2024-03-10', userId: '9' } },
		calls: [
			{
				method: 'GET',
				path: '/reports/tracked-hours',
				query: { workspace_id: '10', start_date: '2024-03-04', end_date: '2024-03-10', user_id: '9' },
				reply: one([{ user_id: 9, date: '2024-03-04', minutes: 420 }]),
			},
		],
		output: [{ user_id: 9, date: '2024-03-04', minutes: 420 }],
	},
	{
		title: 'custom API call: POST JSON',
		params: { resource: 'customApiCall', operation: 'request', method: 'POST', path: '/time-tracking/stop', body: { workspace_id: 10, user_id: 9 } },
		calls: [{ method: 'POST', path: '/time-tracking/stop', body: { workspace_id: 10, user_id: 9 }, reply: one({ stopped: true }) }],
		output: [{ success: true, data: { stopped: true }, meta: { api_version: '2.0.0' } }],
	},
];

describe('WebWork Tracker node', () => {
	operationCaseTests({ vendor: 'webwork-tracker', catalogue: webworkTrackerOperations, cases: CASES, node, token: TOKEN });

	test('Return All follows meta.pagination.last_page across three pages', async () => {
		const mock = strictVendorMock('webwork-tracker');
		const pages = [rows(1, 100), rows(101, 100), rows(201, 30)];
		pages.forEach((data, i) =>
			mock.expectApiCall({ method: 'GET', path: '/tasks', token: TOKEN, query: { workspace_id: '10', page: String(i + 1), per_page: '100' }, reply: page(data, i + 1, 3) }),
		);
		const output = await node().execute({ resource: 'task', operation: 'getAll', workspaceId: '10', returnAll: true });
		mock.done();
		expect(jsonOf(output).map((r) => r.id)).toEqual(Array.from({ length: 230 }, (_, i) => i + 1));
	});

	test('Limit 150 stops after the second page even though more exist', async () => {
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN, query: { page: '1', per_page: '100' }, reply: page(rows(1, 100), 1, 9) })
			.expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN, query: { page: '2', per_page: '100' }, reply: page(rows(101, 100), 2, 9) });
		const output = await node().execute({ resource: 'workspace', operation: 'getAll', limit: 150 });
		mock.done();
		expect(output).toHaveLength(150);
	});

	test('personal access token credential', async () => {
		const runner = new NodeRunner(new WebworkTracker()).useCredential('webworkTrackerPersonalAccessTokenApi', { accessToken: 'ww-pat' });
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: 'ww-pat', query: { page: '1', per_page: '50' }, reply: page([{ id: 10 }]) });
		expect(jsonOf(await runner.execute({ resource: 'workspace', operation: 'getAll' }))).toEqual([{ id: 10 }]);
		mock.done();
	});

	test('a validation error becomes a NodeApiError with the vendor message; continueOnFail per item', async () => {
		const failing = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'POST',
			path: '/projects',
			token: TOKEN,
			status: 422,
			reply: { success: false, message: 'The name has already been taken.', error: null },
		});
		await expectNodeApiError(node().execute({ resource: 'project', operation: 'create', workspaceId: 10, name: 'Site' }), {
			message: 'The name has already been taken.',
			httpCode: '422',
			token: TOKEN,
		});
		failing.done();
		nock.cleanAll();

		const mixed = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'GET', path: '/projects/1', token: TOKEN, query: { workspace_id: '10' }, status: 404, reply: { success: false, message: 'Project not found.' } })
			.expectApiCall({ method: 'GET', path: '/projects/2', token: TOKEN, query: { workspace_id: '10' }, reply: one({ id: 2 }) });
		const output = await node().execute(
			{ resource: 'project', operation: 'get', workspaceId: '10', projectId: '={{ $json.id }}' },
			{ items: [{ json: { id: 1 } }, { json: { id: 2 } }], continueOnFail: true },
		);
		mixed.done();
		expectFailedThenDone(output, 'Project not found.', { id: 2 });
	});

	test('dropdowns: workspaces across pages; projects wait for the workspace; members by full name', async () => {
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN, query: { page: '1', per_page: '100' }, reply: page([{ id: 11, workspace_name: 'Beta' }], 1, 2) })
			.expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN, query: { page: '2', per_page: '100' }, reply: page([{ id: 10, workspace_name: 'Acme' }], 2, 2) })
			.expectApiCall({
				method: 'GET',
				path: '/members',
				token: TOKEN,
				query: { workspace_id: '10', page: '1', per_page: '100' },
				reply: page([{ user_id: 9, firstname: 'Ann', lastname: 'Lee', email: 'ann@example.com' }]),
			});
		const runner = node();
		expect(await runner.loadOptions('workspaces', {})).toEqual([
			{ name: 'Acme', value: 10 },
			{ name: 'Beta', value: 11 },
		]);
		expect(await runner.loadOptions('projects', { resource: 'task', operation: 'create' })).toEqual([]);
		expect(await runner.loadOptions('members', { resource: 'task', operation: 'assign', workspaceId: '10' })).toEqual([{ name: 'Ann Lee', value: 9 }]);
		mock.done();
	});
});

describe('WebWork Tracker Trigger (webhook)', () => {
	const params = { workspaceId: 10, events: ['project.created', 'tracker.started'] };

	async function activated() {
		const runner = oauth(new NodeRunner(new WebworkTrackerTrigger()));
		const registration = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'POST',
			path: '/webhooks',
			token: TOKEN,
			body: { url: runner.webhookUrl(), events: ['project.created', 'tracker.started'], workspace_id: 10 },
			reply: one({ id: 33, url: runner.webhookUrl(), events: ['project.created', 'tracker.started'], token: 'whsec-33' }),
		});
		return await activate(runner, params, registration);
	}

	test('activation registers the webhook and keeps its id and token', async () => {
		const runner = await activated();
		expect(runner.staticData).toEqual({ 'node:Node': { webhookId: '33', secret: 'whsec-33' } });
	});

	test('deliveries must carry the token in X-Webhook-Token (the sandbox convention; undocumented)', async () => {
		const runner = await activated();
		const body = { event: 'project.created', data: { id: 3, name: 'Site' } };
		const accepted = await runner.deliver(params, { headers: { 'X-Webhook-Token': 'whsec-33' }, body });
		expect(jsonOf(accepted.result.workflowData![0])).toEqual([body]);
		await expectRefusedDelivery(runner, params, { headers: { 'X-Webhook-Token': 'whsec-34' }, body });
	});

	test('an answer without a token is undone: the webhook is deleted and activation fails', async () => {
		const runner = oauth(new NodeRunner(new WebworkTrackerTrigger()));
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'POST', path: '/webhooks', token: TOKEN, reply: one({ id: 34 }) })
			.expectApiCall({ method: 'DELETE', path: '/webhooks/34', token: TOKEN, query: { workspace_id: '10' }, reply: one(null) });
		await expect(runner.hook('create', params)).rejects.toThrow('no webhook token');
		mock.done();
	});

	test('deactivation deletes it; checkExists finds it by id and URL', async () => {
		const runner = await activated();
		const listed = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'GET',
			path: '/webhooks',
			token: TOKEN,
			query: { workspace_id: '10' },
			reply: one([{ id: 33, url: runner.webhookUrl() }]),
		});
		expect(await runner.hook('checkExists', params)).toBe(true);
		listed.done();
		nock.cleanAll();
		const removed = strictVendorMock('webwork-tracker').expectApiCall({ method: 'DELETE', path: '/webhooks/33', token: TOKEN, query: { workspace_id: '10' }, reply: one(null) });
		expect(await runner.hook('delete', params)).toBe(true);
		removed.done();
		expect(runner.staticData['node:Node']).toEqual({});
	});
});
