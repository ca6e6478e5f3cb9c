import { createHash } from 'crypto';

import nock from 'nock';

import { Worksection } from '../../../nodes/Worksection/Worksection.node';
import { worksectionOperations } from '../../../shared/operations/worksection';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import type { OperationCase } from './cases';
import { expectFailedThenDone, expectNodeApiError } from './helpers/errors';
import { operationCaseTests } from './helpers/operation-case-tests';
import { jsonOf, NodeRunner } from './node-runner';

// Calls go to the account host from the token's account_url, every parameter in the query (the admin key
// signs the query string), reads as GET and writes as POST; errors come back as HTTP 200 {status:"error"}.
const TOKEN = 'ws-access';
const CREDENTIAL = 'worksectionOAuth2Api';
const ACCOUNT = 'https://acme.worksection.com';
const ok = (extra: object = {}) => ({ status: 'ok', ...extra });

const oauth = <T extends NodeRunner>(runner: T) => runner.useOAuth2(CREDENTIAL, { access_token: TOKEN, refresh_token: 'ws-refresh', account_url: ACCOUNT });
const node = () => oauth(new NodeRunner(new Worksection()));

/** The parameter and the query field that carry a record's ID. */
const ID_FIELDS = { project: ['idProject', 'id_project'], task: ['idTask', 'id_task'] } as const;

/** An operation that only changes a record's state: POST action <operation>_<resource> with the ID; the bare {status:"ok"} answer is the output. */
function stateChange(resource: keyof typeof ID_FIELDS, operation: string, id: string): OperationCase {
	const [param, field] = ID_FIELDS[resource];
	return {
		title: `${resource} ${operation}`,
		params: { resource, operation, [param]: id },
		calls: [{ method: 'POST', path: '', query: { action: `${operation}_${resource}`, [field]: id }, reply: ok() }],
		output: [{ status: 'ok' }],
	};
}

const CASES: OperationCase[] = [
	{
		title: 'project getAll',
		params: { resource: 'project', operation: 'getAll', returnAll: true, filters: { filter: 'active', extra: ['users', 'text'] } },
		calls: [{ method: 'GET', path: '', query: { action: 'get_projects', filter: 'active', extra: 'users,text' }, reply: ok({ data: [{ id: 5 }, { id: 6 }] }) }],
		output: [{ id: 5 }, { id: 6 }],
	},
	{
		title: 'project get',
		params: { resource: 'project', operation: 'get', idProject: '5', additionalFields: { extra: ['text'] } },
		calls: [{ method: 'GET', path: '', query: { action: 'get_project', id_project: '5', extra: 'text' }, reply: ok({ data: { id: 5, name: 'Launch' } }) }],
		output: [{ id: 5, name: 'Launch' }],
	},
	{
		title: 'project create: dates as DD.MM.YYYY, e-mail lists trimmed',
		params: {
			resource: 'project',
			operation: 'create',
			title: 'Launch',
			additionalFields: { emailManager: 'ann@example.com', members: 'ann@example.com, bob@example.com', datestart: '2024-03-01T00:00:00', dateend: '2024-04-30', maxTime: 100 },
		},
		calls: [
			{
				method: 'POST',
				path: '',
				query: {
					action: 'post_project',
					title: 'Launch',
					email_manager: 'ann@example.com',
					members: 'ann@example.com,bob@example.com',
					datestart: '01.03.2024',
					dateend: '30.04.2024',
					max_time: '100',
				},
				reply: ok({ data: { id: 5, name: 'Launch' } }),
			},
		],
		output: [{ id: 5, name: 'Launch' }],
	},
	{
		title: 'project update',
		params: { resource: 'project', operation: 'update', idProject: '5', updateFields: { title: 'Launch 2', emailUserTo: 'bob@example.com' } },
		calls: [{ method: 'POST', path: '', query: { action: 'update_project', id_project: '5', title: 'Launch 2', email_user_to: 'bob@example.com' }, reply: ok({ data: { id: 5, name: 'Launch 2' } }) }],
		output: [{ id: 5, name: 'Launch 2' }],
	},
	stateChange('project', 'close', '5'),
	stateChange('project', 'activate', '5'),
	{
		title: 'task getAll of the account (get_all_tasks), Limit applied',
		params: { resource: 'task', operation: 'getAll', limit: 1, filters: { filter: 'active', extra: ['text'] } },
		calls: [{ method: 'GET', path: '', query: { action: 'get_all_tasks', filter: 'active', extra: 'text' }, reply: ok({ data: [{ id: 50 }, { id: 51 }] }) }],
		output: [{ id: 50 }],
	},
	{
		title: 'task getAll of a project switches to get_tasks',
		params: { resource: 'task', operation: 'getAll', returnAll: true, filters: { idProject: '5' } },
		calls: [{ method: 'GET', path: '', query: { action: 'get_tasks', id_project: '5' }, reply: ok({ data: [{ id: 50 }] }) }],
		output: [{ id: 50 }],
	},
	{
		title: 'task getAll: an empty list may come without data',
		params: { resource: 'task', operation: 'getAll', returnAll: true },
		calls: [{ method: 'GET', path: '', query: { action: 'get_all_tasks' }, reply: ok() }],
		output: [],
	},
	{
		title: 'task get',
		params: { resource: 'task', operation: 'get', idTask: '50' },
		calls: [{ method: 'GET', path: '', query: { action: 'get_task', id_task: '50' }, reply: ok({ data: { id: 50, name: 'Docs' } }) }],
		output: [{ id: 50, name: 'Docs' }],
	},
	{
		title: 'task create',
		params: {
			resource: 'task',
			operation: 'create',
			idProject: '5',
			title: 'Write docs',
			additionalFields: { emailUserTo: 'bob@example.com', priority: 7, dateend: '2024-03-31', text: 'Body', subscribe: 'ann@example.com' },
		},
		calls: [
			{
				method: 'POST',
				path: '',
				query: { action: 'post_task', id_project: '5', title: 'Write docs', email_user_to: 'bob@example.com', priority: '7', dateend: '31.03.2024', text: 'Body', subscribe: 'ann@example.com' },
				reply: ok({ data: { id: 50, name: 'Write docs' } }),
			},
		],
		output: [{ id: 50, name: 'Write docs' }],
	},
	{
		title: 'task update',
		params: { resource: 'task', operation: 'update', idTask: '50', updateFields: { priority: 3, dateclosed: '2024-03-20' } },
		calls: [{ method: 'POST', path: '', query: { action: 'update_task', id_task: '50', priority: '3', dateclosed: '20.03.2024' }, reply: ok({ data: { id: 50 } }) }],
		output: [{ id: 50 }],
	},
	stateChange('task', 'complete', '50'),
	stateChange('task', 'reopen', '50'),
	{
		title: 'task search',
		params: { resource: 'task', operation: 'search', filter: "name has 'docs'", returnAll: true, filters: { emailUserTo: 'bob@example.com' } },
		calls: [{ method: 'GET', path: '', query: { action: 'search_tasks', filter: "name has 'docs'", email_user_to: 'bob@example.com' }, reply: ok({ data: [{ id: 50 }] }) }],
		output: [{ id: 50 }],
	},
	{
		title: 'comment getAll',
		params: { resource: 'comment', operation: 'getAll', idTask: '50', returnAll: true },
		calls: [{ method: 'GET', path: '', query: { action: 'get_comments', id_task: '50' }, reply: ok({ data: [{ id: 700, text: 'Hi' }] }) }],
		output: [{ id: 700, text: 'Hi' }],
	},
	{
		title: 'comment create',
		params: { resource: 'comment', operation: 'create', idTask: '50', text: 'Done', additionalFields: { mention: 'ann@example.com' } },
		calls: [{ method: 'POST', path: '', query: { action: 'post_comment', id_task: '50', text: 'Done', mention: 'ann@example.com' }, reply: ok({ data: { id: 701 } }) }],
		output: [{ id: 701 }],
	},
	{
		title: 'cost getAll',
		params: { resource: 'cost', operation: 'getAll', returnAll: true, filters: { idProject: '5', datestart: '2024-03-01', dateend: '2024-03-31', isTimer: true } },
		calls: [
			{
				method: 'GET',
				path: '',
				query: { action: 'get_costs', id_project: '5', datestart: '01.03.2024', dateend: '31.03.2024', is_timer: '1' },
				reply: ok({ data: [{ id: 77, time: '1:30' }] }),
			},
		],
		output: [{ id: 77, time: '1:30' }],
	},
	{
		title: 'cost add',
		params: { resource: 'cost', operation: 'add', idTask: '50', additionalFields: { time: '1:30', money: 20, comment: 'Review', date: '2024-03-05' } },
		calls: [{ method: 'POST', path: '', query: { action: 'add_costs', id_task: '50', time: '1:30', money: '20', comment: 'Review', date: '05.03.2024' }, reply: ok({ id: 77 }) }],
		output: [{ status: 'ok', id: 77 }],
	},
	{
		title: 'user getAll',
		params: { resource: 'user', operation: 'getAll', returnAll: true },
		calls: [{ method: 'GET', path: '', query: { action: 'get_users' }, reply: ok({ data: [{ id: 1, email: 'ann@example.com' }] }) }],
		output: [{ id: 1, email: 'ann@example.com' }],
	},
	{
		title: 'user getMe',
		params: { resource: 'user', operation: 'getMe' },
		calls: [{ method: 'GET', path: '', query: { action: 'me' }, reply: ok({ data: { id: 1, email: 'ann@example.com' } }) }],
		output: [{ id: 1, email: 'ann@example.com' }],
	},
	{
		title: 'event getAll',
		params: { resource: 'event', operation: 'getAll', period: '3h', returnAll: true, filters: { idProject: '5' } },
		calls: [{ method: 'GET', path: '', query: { action: 'get_events', period: '3h', id_project: '5' }, reply: ok({ data: [{ action: 'post', object: { type: 'task', id: 50 } }] }) }],
		output: [{ action: 'post', object: { type: 'task', id: 50 } }],
	},
	{
		title: 'custom API call: any action',
		params: { resource: 'customApiCall', operation: 'request', method: 'GET', path: '', queryParameters: { parameters: [{ name: 'action', value: 'get_tags' }] } },
		calls: [{ method: 'GET', path: '', query: { action: 'get_tags' }, reply: ok({ data: [] }) }],
		output: [{ status: 'ok', data: [] }],
	},
];

describe('Worksection node', () => {
	operationCaseTests({ vendor: 'worksection', catalogue: worksectionOperations, cases: CASES, node, token: TOKEN });

	test('an HTTP 200 error envelope becomes a NodeApiError with the vendor message', async () => {
		const mock = strictVendorMock('worksection').expectApiCall({
			method: 'GET',
			path: '',
			token: TOKEN,
			query: { action: 'get_task', id_task: '404' },
			reply: { status: 'error', status_code: 4, message: 'Task not found' },
		});
		await expectNodeApiError(node().execute({ resource: 'task', operation: 'get', idTask: '404' }), { message: 'Task not found', token: TOKEN });
		mock.done();
	});

	test('continueOnFail keeps going after an error envelope', async () => {
		const mock = strictVendorMock('worksection')
			.expectApiCall({ method: 'POST', path: '', token: TOKEN, query: { action: 'complete_task', id_task: '1' }, reply: { status: 'error', message: 'Access denied' } })
			.expectApiCall({ method: 'POST', path: '', token: TOKEN, query: { action: 'complete_task', id_task: '2' }, reply: ok() });
		const output = await node().execute(
			{ resource: 'task', operation: 'complete', idTask: '={{ $json.id }}' },
			{ items: [{ json: { id: 1 } }, { json: { id: 2 } }], continueOnFail: true },
		);
		mock.done();
		expectFailedThenDone(output, 'Access denied', { status: 'ok' });
	});

	test('admin API key: same action, signed query string on /api/admin/v2', async () => {
		const runner = new NodeRunner(new Worksection()).useCredential('worksectionAdminApi', { accountUrl: ACCOUNT, apiKey: 'admin-key' });
		let seen = '';
		const scope = nock(ACCOUNT)
			.get('/api/admin/v2/')
			.query(true)
			.reply(function (uri) {
				seen = uri.split('?')[1];
				return [200, { status: 'ok', data: [{ id: 5 }] }];
			});
		const output = await runner.execute({ resource: 'project', operation: 'getAll', returnAll: true, filters: { filter: 'archived' } });
		expect(scope.isDone()).toBe(true);
		expect(jsonOf(output)).toEqual([{ id: 5 }]);
		const [signed, hash] = seen.split('&hash=');
		expect(signed).toBe('action=get_projects&filter=archived');
		expect(hash).toBe(createHash('md5').update(signed + 'admin-key').digest('hex'));
	});

	test('dropdowns: active projects by name; users valued by e-mail', async () => {
		const mock = strictVendorMock('worksection')
			.expectApiCall({ method: 'GET', path: '', token: TOKEN, query: { action: 'get_projects', filter: 'active' }, reply: ok({ data: [{ id: 6, name: 'Zeta' }, { id: 5, name: 'Alpha' }] }) })
			.expectApiCall({
				method: 'GET',
				path: '',
				token: TOKEN,
				query: { action: 'get_users' },
				reply: ok({ data: [{ id: 1, first_name: 'Ann', last_name: 'Lee', email: 'ann@example.com' }] }),
			});
		const runner = node();
		expect(await runner.loadOptions('projects', {})).toEqual([
			{ name: 'Alpha', value: 5 },
			{ name: 'Zeta', value: 6 },
		]);
		expect(await runner.loadOptions('userEmails', {})).toEqual([{ name: 'Ann Lee', value: 'ann@example.com' }]);
		mock.done();
	});
});
