/**
 * WebWork Tracker's generated Zapier operations against the strict mock: Bearer token, JSON bodies with
 * typed values, the `{success, data, meta.pagination}` envelope, page/per_page paging, workspace-scoped
 * dropdowns that page through canPaginate.
 */
import { resetEnv } from './harness';
import { inputsOf, operations } from './operations-helpers';

beforeEach(resetEnv);

const page = (ids: number[], lastPage: number) => ({ success: true, data: ids.map((id) => ({ id, title: `Task ${id}` })), meta: { pagination: { last_page: lastPage } } });

describe('WebWork Tracker creates', () => {
	test('Create Task sends a JSON body with numbers where WebWork wants numbers, and returns the task', async () => {
		const { create, answers } = operations('webwork-tracker');
		const body = { workspace_id: 12, project_id: 7, title: 'Write the report', status: 10, priority: 20, start_date: '2024-03-05' };
		const inputData = { workspaceId: '12', projectId: '7', title: 'Write the report', status: '10', priority: '20', startDate: '2024-03-05T00:00:00-05:00' };
		const { result } = await answers([{ method: 'POST', path: '/tasks', body, reply: { success: true, data: { id: 55, title: 'Write the report' }, message: 'Task created' } }], () => create('task_create', { inputData }));
		expect(result).toEqual({ id: 55, title: 'Write the report' });
	});

	test('the project dropdown depends on the workspace input', () => {
		const { h } = operations('webwork-tracker');
		expect(inputsOf(h.app.creates.task_create).projectId).toMatchObject({ dynamic: 'dropdown_projects.id.name', dependsOn: ['workspaceId'], required: true });
	});

	test('Unassign Task answers with the vendor\'s message plus what it acted on', async () => {
		const { create, answers } = operations('webwork-tracker');
		const { result } = await answers([{ method: 'DELETE', path: '/tasks/55/unassign/9', query: { workspace_id: '12' }, reply: { success: true, data: null, message: 'User unassigned' } }], () =>
			create('task_unassign', { inputData: { workspaceId: '12', taskId: '55', userId: '9' } }),
		);
		expect(result).toEqual({ workspace_id: 12, taskId: '55', userId: 9, success: true, data: null, message: 'User unassigned' });
	});

	test('a validation error surfaces with WebWork\'s message', async () => {
		const { create, fails } = operations('webwork-tracker');
		const invalid = { success: false, message: 'The name must be at least 3 characters.', error: null };
		const { error } = await fails([{ method: 'POST', path: '/projects', body: { workspace_id: 12, name: 'X', budget: 100 }, status: 422, reply: invalid }], () =>
			create('project_create', { inputData: { workspaceId: '12', name: 'X', budget: '100' } }),
		);
		expect(error.message).toContain('WebWork Tracker');
		expect(error.message).toContain('The name must be at least 3 characters.');
	});
});

describe('WebWork Tracker searches', () => {
	test('Find Project reads /projects/{id} in the workspace', async () => {
		const { search, answers } = operations('webwork-tracker');
		const { result } = await answers([{ method: 'GET', path: '/projects/7', query: { workspace_id: '12' }, reply: { success: true, data: { id: 7, name: 'Apollo' } } }], () =>
			search('project_get', { inputData: { workspaceId: '12', projectId: '7' } }),
		);
		expect(result).toEqual([{ id: 7, name: 'Apollo' }]);
	});

	test('a missing required input names the input and sends nothing', async () => {
		const { search, fails } = operations('webwork-tracker');
		const { error, mock } = await fails([], () => search('task_get', { inputData: { taskId: '5' } }));
		expect(mock.requests).toHaveLength(0);
		expect(error.message).toContain('Workspace is required');
	});
});

describe('WebWork Tracker polling triggers', () => {
	test('New Task reads one page of 100, sorted newest first by the server (order_by=desc, not offered as an input)', async () => {
		const { poll, answers, h } = operations('webwork-tracker');
		const offered = (h.app.triggers.newTask.operation.inputFields ?? []).map((f) => (f as { key: string }).key);
		expect(offered).not.toContain('orderBy');
		const query = { workspace_id: '12', project_id: '7', per_page: '100', order_by: 'desc' };
		// one request although the answer names a second page
		const { result } = await answers(
			[{ method: 'GET', path: '/tasks', query: { ...query, page: '1' }, reply: page([5, 3, 4], 2) }],
			async () => (await poll('newTask', { inputData: { workspaceId: '12', projectId: '7', orderBy: 'asc' } })) as Array<Record<string, unknown>>,
		);
		expect(result.map((r) => r.id)).toEqual([5, 4, 3]);
	});

	test('a sample reads one page of three', async () => {
		const { poll, answers } = operations('webwork-tracker');
		const { result } = await answers(
			[{ method: 'GET', path: '/projects', query: { workspace_id: '12', page: '1', per_page: '3' }, reply: page([8, 9, 7], 40) }],
			async () => (await poll('newProject', { inputData: { workspaceId: '12' }, meta: { isLoadingSample: true } })) as Array<Record<string, unknown>>,
		);
		expect(result.map((r) => r.id)).toEqual([9, 8, 7]);
	});
});

describe('WebWork Tracker dropdowns', () => {
	test('the projects dropdown reads the vendor page Zapier asks for, in the chosen workspace', async () => {
		const { poll, answers, h } = operations('webwork-tracker');
		expect(h.app.triggers.dropdown_projects.operation).toMatchObject({ canPaginate: true });
		const pageOf = (page: string, data: unknown[]) => ({ method: 'GET', path: '/projects', query: { workspace_id: '12', page, per_page: '100' }, reply: { success: true, data } });
		const zapierPage = (page: number) => poll('dropdown_projects', { inputData: { workspaceId: '12' }, meta: { page } });
		const { result } = await answers([pageOf('1', [{ id: 7, name: 'Apollo' }]), pageOf('2', [{ id: 8, name: 'Gemini' }])], async () => [await zapierPage(0), await zapierPage(1)]);
		expect(result).toEqual([[{ id: 7, name: 'Apollo' }], [{ id: 8, name: 'Gemini' }]]);
	});

	test('without a workspace chosen the dependent dropdown is empty and asks nothing', async () => {
		const { poll, answers } = operations('webwork-tracker');
		const { result, mock } = await answers([], () => poll('dropdown_members', { inputData: {} }));
		expect(result).toEqual([]);
		expect(mock.requests).toHaveLength(0);
	});

	test('members are labelled by full name and identified by user_id', async () => {
		const { poll, answers } = operations('webwork-tracker');
		const members = [{ user_id: 9, firstname: 'Ann', lastname: 'Lee', email: 'ann@x.test' }];
		const { result } = await answers([{ method: 'GET', path: '/members', query: { workspace_id: '12', page: '1', per_page: '100' }, reply: { success: true, data: members } }], () =>
			poll('dropdown_members', { inputData: { workspaceId: '12' } }),
		);
		expect(result).toEqual([{ id: 9, name: 'Ann Lee' }]);
	});
});
