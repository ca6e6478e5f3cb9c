/**
 * Searches by name, title or e-mail (catalogue `lookups`) and the "Find or Create" pairs on them, against the
 * strict vendor mocks: the server narrows the list where the vendor documents a filter, else the list is read
 * and matched here; a miss is an empty result, which lets "Find or Create" create.
 */
import { strictVendorMock } from '../mocks/vendor-mocks';
import { resetEnv } from './harness';
import { operations } from './operations-helpers';

beforeEach(resetEnv);

describe('lookups', () => {
	test('Worksection: Find Project by name reads the project list and matches the name, ignoring case', async () => {
		const { search, token } = operations('worksection');
		const projects = [{ id: '1', name: 'Website relaunch' }, { id: '2', name: 'Mobile app' }];
		const mock = strictVendorMock('worksection').expectApiCall({ method: 'GET', path: '', token, query: { action: 'get_projects' }, reply: { status: 'ok', data: projects }, times: 2 });
		expect(await search('project_findByName', { inputData: { name: ' mobile APP ' } })).toEqual([projects[1]]);
		expect(await search('project_findByName', { inputData: { name: 'Intranet' } })).toEqual([]);
		mock.done();
	});

	test('Worktual: Find Contact by e-mail lets the server filter with the documented filter expression', async () => {
		const { search, token } = operations('worktual');
		const contact = { coid: 7, primaryEmail: 'asha@example.com' };
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts', token, query: { filter: 'primaryEmail = "asha@example.com"', offset: '0', limit: '100' }, reply: [contact] });
		expect(await search('contact_findByEmail', { inputData: { email: 'asha@example.com' } })).toEqual([contact]);
		mock.done();
	});

	test('WebWork Tracker: Find Project by name sends the name filter and the workspace', async () => {
		const { search, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'GET',
			path: '/projects',
			token,
			query: { workspace_id: '12', name: 'Apollo', page: '1', per_page: '100' },
			reply: { success: true, data: [{ id: 7, name: 'Apollo' }, { id: 8, name: 'Apollo 2' }], meta: { pagination: { last_page: 1 } } },
		});
		expect(await search('project_findByProjectName', { inputData: { projectName: 'Apollo', workspaceId: '12' } })).toEqual([{ id: 7, name: 'Apollo' }]);
		mock.done();
	});

	test('"Find or Create" pairs each lookup with the create of its resource, for the main records', () => {
		const pairs = Object.fromEntries(
			(['weekdone', 'worksection', 'webwork-tracker', 'worktual'] as const).map((id) => [id, Object.values(operations(id).h.app.searchOrCreates ?? {}).map((p) => `${p.search} → ${p.create}`)]),
		);
		expect(pairs).toEqual({
			weekdone: ['item_findByDescription → item_create'],
			worksection: ['project_findByName → project_create', 'task_findByName → task_create'],
			'webwork-tracker': ['project_findByProjectName → project_create', 'task_findByTaskTitle → task_create'],
			worktual: ['contact_findByEmail → contact_create'],
		});
	});
});
