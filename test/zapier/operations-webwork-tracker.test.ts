/**
 * WebWork Tracker's generated Zapier operations against the strict mock: Bearer token, JSON bodies with
 * typed values, the `{success, data, meta.pagination}` envelope, page/per_page paging, workspace-scoped
 * dropdowns that page through canPaginate.
 */
import { strictVendorMock } from '../mocks/vendor-mocks';
import { failure, resetEnv } from './harness';
import { inputsOf, operations } from './operations-helpers';

beforeEach(resetEnv);

const page = (ids: number[], lastPage: number) => ({ success: true, data: ids.map((id) => ({ id, title: `Task ${id}` })), meta: { pagination: { last_page: lastPage } } });

describe('WebWork Tracker creates', () => {
	test('Create Task sends a JSON body with numbers where WebWork wants numbers, and returns the task', async () => {
		const { create, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'POST',
			path: '/tasks',
			token,
			body: { workspace_id: 12, project_id: 7, title: 'Write the report', status: 10, priority: 20, start_date: '2024-03-05' },
			reply: { success: true, data: { id: 55, title: 'Write the report' }, message: 'Task created' },
		});
		const result = await create('task_create', {
			inputData: { workspaceId: '12', projectId: '7', title: 'Write the report', status: '10', priority: '20', startDate: '2024-03-05T00:00:00-05:00' },
		});
		mock.done();
		expect(result).toEqual({ id: 55, title: 'Write the report' });
	});

	test('the project dropdown depends on the workspace input', () => {
		const { h } = operations('webwork-tracker');
		expect(inputsOf(h.app.creates.task_create).projectId).toMatchObject({ dynamic: 'dropdown_projects.id.name', dependsOn: ['workspaceId'], required: true });
	});

	test('Unassign Task answers with the vendor\'s message plus what it acted on', async () => {
		const { create, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'DELETE',
			path: '/tasks/55/unassign/9',
			token,
			query: { workspace_id: '12' },
			reply: { success: true, data: null, message: 'User unassigned' },
		});
		const result = await create('task_unassign', { inputData: { workspaceId: '12', taskId: '55', userId: '9' } });
		mock.done();
		expect(result).toEqual({ workspace_id: 12, taskId: '55', userId: 9, success: true, data: null, message: 'User unassigned' });
	});

	test('a validation error surfaces with WebWork\'s message', async () => {
		const { create, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'POST',
			path: '/projects',
			token,
			body: { workspace_id: 12, name: 'X', budget: 100 },
			status: 422,
			reply: { success: false, message: 'The name must be at least 3 characters.', error: null },
		});
		const error = await failure(create('project_create', { inputData: { workspaceId: '12', name: 'X', budget: '100' } }));
		mock.done();
		expect(error.message).toContain('WebWork Tracker');
		expect(error.message).toContain('The name must be at least 3 characters.');
	});
});

describe('WebWork Tracker searches', () => {
	test('Find Project reads /projects/{id} in the workspace', async () => {
		const { search, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/projects/7', token, query: { workspace_id: '12' }, reply: { success: true, data: { id: 7, name: 'Apollo' } } });
		expect(await search('project_get', { inputData: { workspaceId: '12', projectId: '7' } })).toEqual([{ id: 7, name: 'Apollo' }]);
		mock.done();
	});

	test('a missing required input names the input and sends nothing', async () => {
		const { search } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker');
		const error = await failure(search('task_get', { inputData: { taskId: '5' } }));
		mock.done();
		expect(error.message).toContain('Workspace is required');
	});
});

describe('WebWork Tracker polling triggers', () => {
	test('New Task reads one page of 100, sorted newest first by the server (order_by=desc, not offered as an input)', async () => {
		const { poll, token, h } = operations('webwork-tracker');
		const offered = (h.app.triggers.newTask.operation.inputFields ?? []).map((f) => (f as { key: string }).key);
		expect(offered).not.toContain('orderBy');
		const query = { workspace_id: '12', project_id: '7', per_page: '100', order_by: 'desc' };
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/tasks', token, query: { ...query, page: '1' }, reply: page([5, 3, 4], 2) });
		const result = (await poll('newTask', { inputData: { workspaceId: '12', projectId: '7', orderBy: 'asc' } })) as Array<Record<string, unknown>>;
		mock.done(); // one request although the answer names a second page
		expect(result.map((r) => r.id)).toEqual([5, 4, 3]);
	});

	test('a sample reads one page of three', async () => {
		const { poll, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/projects', token, query: { workspace_id: '12', page: '1', per_page: '3' }, reply: page([8, 9, 7], 40) });
		const result = (await poll('newProject', { inputData: { workspaceId: '12' }, meta: { isLoadingSample: true } })) as Array<Record<string, unknown>>;
		mock.done();
		expect(result.map((r) => r.id)).toEqual([9, 8, 7]);
	});
});

describe('WebWork Tracker dropdowns', () => {
	test('the projects dropdown reads the vendor page Zapier asks for, in the chosen workspace', async () => {
		const { poll, token, h } = operations('webwork-tracker');
		expect(h.app.triggers.dropdown_projects.operation).toMatchObject({ canPaginate: true });
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'GET', path: '/projects', token, query: { workspace_id: '12', page: '1', per_page: '100' }, reply: { success: true, data: [{ id: 7, name: 'Apollo' }] } })
			.expectApiCall({ method: 'GET', path: '/projects', token, query: { workspace_id: '12', page: '2', per_page: '100' }, reply: { success: true, data: [{ id: 8, name: 'Gemini' }] } });
		expect(await poll('dropdown_projects', { inputData: { workspaceId: '12' }, meta: { page: 0 } })).toEqual([{ id: 7, name: 'Apollo' }]);
		expect(await poll('dropdown_projects', { inputData: { workspaceId: '12' }, meta: { page: 1 } })).toEqual([{ id: 8, name: 'Gemini' }]);
		mock.done();
	});

	test('without a workspace chosen the dependent dropdown is empty and asks nothing', async () => {
		const { poll } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker');
		expect(await poll('dropdown_members', { inputData: {} })).toEqual([]);
		mock.done();
		expect(mock.requests).toHaveLength(0);
	});

	test('members are labelled by full name and identified by user_id', async () => {
		const { poll, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'GET',
			path: '/members',
			token,
			query: { workspace_id: '12', page: '1', per_page: '100' },
			reply: { success: true, data: [{ user_id: 9, firstname: 'Ann', lastname: 'Lee', email: 'ann@x.test' }] },
		});
		expect(await poll('dropdown_members', { inputData: { workspaceId: '12' } })).toEqual([{ id: 9, name: 'Ann Lee' }]);
		mock.done();
	});
});
