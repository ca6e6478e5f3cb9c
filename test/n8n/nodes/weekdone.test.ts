import { Weekdone } from '../../../nodes/Weekdone/Weekdone.node';
import { WeekdoneTrigger } from '../../../nodes/WeekdoneTrigger/WeekdoneTrigger.node';
import { weekdoneOperations } from '../../../shared/operations/weekdone';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import type { OperationCase } from './cases';
import { expectFailedThenDone, expectNodeApiError } from './helpers/errors';
import { operationCaseTests } from './helpers/operation-case-tests';
import { jsonOf, NodeRunner } from './node-runner';

// Weekdone wants the token as ?token= (the strict mock rejects a Bearer-only call) and form-encoded writes.
const TOKEN = 'wd-access';
const CREDENTIAL = 'weekdoneOAuth2Api';
const ok = (extra: object) => ({ status: 'ok', ...extra });

const node = () => new NodeRunner(new Weekdone()).useOAuth2(CREDENTIAL, { access_token: TOKEN, refresh_token: 'wd-refresh' });

/** A delete: DELETE `path`, answered by a bare {status:"ok"}; the node outputs {deleted: true}. */
function deletion(resource: string, id: Record<string, string>, path: string): OperationCase {
	return { title: `${resource} delete`, params: { resource, operation: 'delete', ...id }, calls: [{ method: 'DELETE', path, reply: ok({}) }], output: [{ deleted: true }] };
}

const CASES: OperationCase[] = [
	{
		title: 'item getAll: filters in the query, Limit cuts the unpaged list',
		params: { resource: 'item', operation: 'getAll', limit: 2, filters: { period: '202403', userId: 'me', teamId: '3' } },
		calls: [{ method: 'GET', path: '/items', query: { period: '202403', user_id: 'me', team_id: '3' }, reply: ok({ items: [{ id: 1 }, { id: 2 }, { id: 3 }] }) }],
		output: [{ id: 1 }, { id: 2 }],
	},
	{
		title: 'item create: required and additional fields, form-encoded, dates and flags spelled for Weekdone',
		params: {
			resource: 'item',
			operation: 'create',
			description: 'Ship v2',
			typeId: '2',
			additionalFields: { period: '202410', userId: '7', teamId: '3', priority: 2, dueOn: '2024-03-08T00:00:00', private: true, sourceId: 'ext-1' },
		},
		calls: [
			{
				method: 'POST',
				path: '/item',
				body: { description: 'Ship v2', type_id: '2', period: '202410', user_id: '7', team_id: '3', priority: '2', due_on: '2024-03-08', private: '1', source_id: 'ext-1' },
				reply: ok({ item: { id: 11, description: 'Ship v2' } }),
			},
		],
		output: [{ id: 11, description: 'Ship v2' }],
	},
	{
		title: 'item update: PATCH with only the fields set',
		params: { resource: 'item', operation: 'update', itemId: '11', updateFields: { description: 'Ship v3', typeId: '1', period: '202411' } },
		calls: [{ method: 'PATCH', path: '/item/11', body: { description: 'Ship v3', type_id: '1', period: '202411' }, reply: ok({ item: { id: 11 } }) }],
		output: [{ id: 11 }],
	},
	deletion('item', { itemId: '11' }, '/item/11'),
	{
		title: 'item assign',
		params: { resource: 'item', operation: 'assign', itemId: '11', userId: '7' },
		calls: [{ method: 'PATCH', path: '/item/11/assign', body: { user_id: '7' }, reply: ok({ item: { id: 11, user_id: 7 } }) }],
		output: [{ id: 11, user_id: 7 }],
	},
	{
		title: 'item addComment',
		params: { resource: 'item', operation: 'addComment', itemId: '11', comment: 'Nice work' },
		calls: [{ method: 'POST', path: '/item/11/comments', body: { comment: 'Nice work' }, reply: ok({ comment: { id: 5, comment: 'Nice work' } }) }],
		output: [{ id: 5, comment: 'Nice work' }],
	},
	{
		title: 'item getComments',
		params: { resource: 'item', operation: 'getComments', itemId: '11', returnAll: true },
		calls: [{ method: 'GET', path: '/item/11/comments', reply: ok({ comments: [{ id: 5 }, { id: 6 }] }) }],
		output: [{ id: 5 }, { id: 6 }],
	},
	{
		title: 'objective getAll',
		params: { resource: 'objective', operation: 'getAll', returnAll: true, filters: { type: 'team', teamId: '3', period: '2024Q1' } },
		calls: [{ method: 'GET', path: '/objective', query: { type: 'team', team_id: '3', period: '2024Q1' }, reply: ok({ data: [{ id: 9 }, { id: 10 }] }) }],
		output: [{ id: 9 }, { id: 10 }],
	},
	{
		title: 'objective create',
		params: { resource: 'objective', operation: 'create', description: 'Grow', type: 'team', additionalFields: { teamId: '3', period: '2024Q2' } },
		calls: [{ method: 'POST', path: '/objective', body: { description: 'Grow', type: 'team', team_id: '3', period: '2024Q2' }, reply: ok({ data: { id: 9, type: 'team' } }) }],
		output: [{ id: 9, type: 'team' }],
	},
	{
		title: 'objective update',
		params: { resource: 'objective', operation: 'update', objectiveId: '9', description: 'Grow more' },
		calls: [{ method: 'PATCH', path: '/objective/9', body: { description: 'Grow more' }, reply: ok({ data: { id: 9, description: 'Grow more' } }) }],
		output: [{ id: 9, description: 'Grow more' }],
	},
	deletion('objective', { objectiveId: '9' }, '/objective/9'),
	{
		title: 'key result create',
		params: { resource: 'keyResult', operation: 'create', objectiveId: '9', description: 'Ten customers' },
		calls: [{ method: 'POST', path: '/objective/9/result', body: { description: 'Ten customers' }, reply: ok({ data: { id: 90, progress: 0 } }) }],
		output: [{ id: 90, progress: 0 }],
	},
	{
		title: 'key result updateProgress',
		params: { resource: 'keyResult', operation: 'updateProgress', objectiveId: '9', resultId: '90', progress: 40, updateFields: { description: 'Twelve customers' } },
		calls: [{ method: 'PATCH', path: '/objective/9/result/90', body: { progress: '40', description: 'Twelve customers' }, reply: ok({ data: { id: 90, progress: 40 } }) }],
		output: [{ id: 90, progress: 40 }],
	},
	{
		title: 'team getAll',
		params: { resource: 'team', operation: 'getAll', returnAll: true },
		calls: [{ method: 'GET', path: '/teams', reply: ok({ teams: [{ id: 3, name: 'Core' }] }) }],
		output: [{ id: 3, name: 'Core' }],
	},
	{
		title: 'user getAll',
		params: { resource: 'user', operation: 'getAll', returnAll: true },
		calls: [{ method: 'GET', path: '/users', reply: ok({ users: [{ id: 7, name: 'Ann' }] }) }],
		output: [{ id: 7, name: 'Ann' }],
	},
	{
		title: 'item type getAll',
		params: { resource: 'itemType', operation: 'getAll', returnAll: true },
		calls: [{ method: 'GET', path: '/types', reply: ok({ types: [{ id: 1, name: 'Progress' }] }) }],
		output: [{ id: 1, name: 'Progress' }],
	},
	{
		title: 'company get',
		params: { resource: 'company', operation: 'get' },
		calls: [{ method: 'GET', path: '/company', reply: ok({ data: { name: 'Acme' } }) }],
		output: [{ name: 'Acme' }],
	},
	{
		title: 'custom API call: GET with query parameters',
		params: { resource: 'customApiCall', operation: 'request', method: 'GET', path: '/tag', queryParameters: { parameters: [{ name: 'team_id', value: '3' }] } },
		calls: [{ method: 'GET', path: '/tag', query: { team_id: '3' }, reply: ok({ tags: [] }) }],
		output: [{ status: 'ok', tags: [] }],
	},
	{
		title: 'custom API call: POST with a JSON body',
		params: { resource: 'customApiCall', operation: 'request', method: 'POST', path: '/item/11/likes', body: '{"note":"yes"}' },
		calls: [{ method: 'POST', path: '/item/11/likes', body: { note: 'yes' }, reply: ok({ likes: 1 }) }],
		output: [{ status: 'ok', likes: 1 }],
	},
];

describe('Weekdone node', () => {
	operationCaseTests({ vendor: 'weekdone', catalogue: weekdoneOperations, cases: CASES, node, token: TOKEN });

	test('a vendor error becomes a NodeApiError with the vendor message and status, without the token', async () => {
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'POST', path: '/item', token: TOKEN, status: 400, reply: { status: 'error', message: 'type_id is invalid' } });
		await expectNodeApiError(node().execute({ resource: 'item', operation: 'create', description: 'x', typeId: '999' }), { message: 'type_id is invalid', httpCode: '400', token: TOKEN });
		mock.done();
	});

	test('continueOnFail: the failing item gets an error output, the next item still runs', async () => {
		const mock = strictVendorMock('weekdone')
			.expectApiCall({ method: 'GET', path: '/company', token: TOKEN, status: 403, reply: { status: 'error', message: 'Not allowed' } })
			.expectApiCall({ method: 'GET', path: '/company', token: TOKEN, reply: ok({ data: { name: 'Acme' } }) });
		const output = await node().execute({ resource: 'company', operation: 'get' }, { items: [{ json: {} }, { json: {} }], continueOnFail: true });
		mock.done();
		expectFailedThenDone(output, 'Not allowed', { name: 'Acme' });
	});

	test('a missing required input fails before any request', async () => {
		strictVendorMock('weekdone');
		await expect(node().execute({ resource: 'item', operation: 'delete', itemId: '' })).rejects.toThrow('Item ID is required');
	});

	test('dropdowns: teams sorted by name; users with Me first', async () => {
		const mock = strictVendorMock('weekdone')
			.expectApiCall({ method: 'GET', path: '/teams', token: TOKEN, reply: ok({ teams: [{ id: 4, name: 'Sales' }, { id: 3, name: 'Core' }] }) })
			.expectApiCall({ method: 'GET', path: '/users', token: TOKEN, reply: ok({ users: [{ id: 8, name: 'Zoe' }, { id: 7, name: 'Ann' }] }) });
		const runner = node();
		expect(await runner.loadOptions('teams', {})).toEqual([
			{ name: 'Core', value: 3 },
			{ name: 'Sales', value: 4 },
		]);
		expect(await runner.loadOptions('usersOrMe', {})).toEqual([
			{ name: 'Me', value: 'me' },
			{ name: 'Ann', value: 7 },
			{ name: 'Zoe', value: 8 },
		]);
		mock.done();
	});
});

describe('Weekdone Trigger (polling)', () => {
	const trigger = () => new NodeRunner(new WeekdoneTrigger()).useOAuth2(CREDENTIAL, { access_token: TOKEN, refresh_token: 'wd-refresh' });
	const item = (id: number, inserted: string) => ({ id, inserted, description: `item ${id}` });

	test('new item: the backlog is remembered, later polls emit only new items, same-second items are not lost', async () => {
		const runner = trigger();
		const params = { event: 'newItem', filters: { teamId: '3' } };
		const first = [item(1, '2024-03-04 10:00:00'), item(2, '2024-03-04 11:00:00')];
		const polls = [
			first,
			[...first, item(3, '2024-03-04 12:00:00')],
			[...first, item(3, '2024-03-04 12:00:00'), item(4, '2024-03-04 12:00:00')],
			[...first, item(3, '2024-03-04 12:00:00'), item(4, '2024-03-04 12:00:00')],
		];
		const mock = strictVendorMock('weekdone');
		for (const items of polls) mock.expectApiCall({ method: 'GET', path: '/items', token: TOKEN, query: { team_id: '3' }, reply: ok({ items }) });
		expect(await runner.poll(params)).toBeNull();
		expect(jsonOf(await runner.poll(params))).toEqual([item(3, '2024-03-04 12:00:00')]);
		expect(jsonOf(await runner.poll(params))).toEqual([item(4, '2024-03-04 12:00:00')]);
		expect(await runner.poll(params)).toBeNull();
		mock.done();
		// Flat memory: only the newest watermark and the ids at it are kept.
		expect(JSON.stringify(runner.staticData)).toContain('"seen":["3","4"]');
	});

	test('new objective: emits ids not in the previous answer', async () => {
		const runner = trigger();
		const mock = strictVendorMock('weekdone')
			.expectApiCall({ method: 'GET', path: '/objective', token: TOKEN, reply: ok({ data: [{ id: 9 }] }) })
			.expectApiCall({ method: 'GET', path: '/objective', token: TOKEN, reply: ok({ data: [{ id: 9 }, { id: 10 }] }) });
		expect(await runner.poll({ event: 'newObjective' })).toBeNull();
		expect(jsonOf(await runner.poll({ event: 'newObjective' }))).toEqual([{ id: 10 }]);
		mock.done();
	});

	test('manual run (fetch test event) returns the newest item', async () => {
		const mock = strictVendorMock('weekdone').expectApiCall({
			method: 'GET',
			path: '/items',
			token: TOKEN,
			reply: ok({ items: [item(1, '2024-03-04 10:00:00'), item(2, '2024-03-05 09:00:00'), item(3, '2024-03-04 12:00:00')] }),
		});
		expect(jsonOf(await trigger().poll({ event: 'newItem' }, 'manual'))).toEqual([item(2, '2024-03-05 09:00:00')]);
		mock.done();
	});
});
