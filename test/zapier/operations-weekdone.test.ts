/**
 * Weekdone's generated Zapier operations against the strict mock: form bodies, the token as ?token=,
 * records read from `item`/`data`/`items`, triggers newest first with ids, dropdowns, vendor errors.
 */
import { resetEnv } from './harness';
import { inputsOf, operations } from './operations-helpers';

beforeEach(resetEnv);

describe('Weekdone creates', () => {
	test('Create Item form-encodes the inputs the vendor\'s way and returns the created item', async () => {
		const { create, answers, h } = operations('weekdone');
		const body = { description: 'Ship the release', type_id: '3', period: '202410', priority: '2', due_on: '2024-03-05', private: '1' };
		const inputData = { description: 'Ship the release', typeId: '3', period: '202410', priority: '2', dueOn: '2024-03-05T00:00:00+02:00', private: 'true' };
		const { result, mock } = await answers([{ method: 'POST', path: '/item', body, reply: { status: 'ok', item: { id: 77, description: 'Ship the release', type_id: 3 } } }], () => create('item_create', { inputData }));
		expect(result).toEqual({ id: 77, description: 'Ship the release', type_id: 3 });
		expect(mock.requests[0].headers['content-type']).toContain('application/x-www-form-urlencoded');
		const inputs = inputsOf(h.app.creates.item_create);
		expect(inputs.typeId).toMatchObject({ required: true, dynamic: 'dropdown_types.id.name' });
		expect(inputs.priority.choices).toEqual(expect.arrayContaining([{ label: 'Red', value: '3', sample: '3' }]));
		expect(inputs.private).toMatchObject({ type: 'boolean', required: false });
		expect(inputs.private).not.toHaveProperty('default'); // optional inputs must not be sent unless set
	});

	test('Assign Item sends PATCH /item/{id}/assign and returns the item', async () => {
		const { create, answers } = operations('weekdone');
		const { result } = await answers([{ method: 'PATCH', path: '/item/55/assign', body: { user_id: '9' }, reply: { status: 'ok', item: { id: 55, user_id: 9 } } }], () =>
			create('item_assign', { inputData: { itemId: '55', userId: '9' } }),
		);
		expect(result).toEqual({ id: 55, user_id: 9 });
	});

	test('an answer without the record gives what was changed, not just "success"', async () => {
		const { create, answers } = operations('weekdone');
		const { result } = await answers([{ method: 'PATCH', path: '/objective/8', body: { description: 'Grow' }, reply: {} }], () => create('objective_update', { inputData: { objectiveId: '8', description: 'Grow' } }));
		expect(result).toEqual({ objectiveId: '8', description: 'Grow', success: true });
	});

	test('a required input left empty falls back to its catalogue default (Create Objective: company level)', async () => {
		const { create, answers, h } = operations('weekdone');
		const { result } = await answers([{ method: 'POST', path: '/objective', body: { description: 'Grow', type: 'company' }, reply: { status: 'ok', data: { id: 31, type: 'company' } } }], () =>
			create('objective_create', { inputData: { description: 'Grow' } }),
		);
		expect(result).toEqual({ id: 31, type: 'company' });
		expect(inputsOf(h.app.creates.objective_create).type).toMatchObject({ required: true, default: 'company' });
	});

	test('a missing required input is the user\'s error and sends nothing', async () => {
		const { create, fails } = operations('weekdone');
		const { error, mock } = await fails([], () => create('item_create', { inputData: { typeId: '3' } }));
		expect(error.message).toContain('Weekdone');
		expect(error.message).toContain('Description is required');
		expect(mock.requests).toHaveLength(0);
	});

	test('a vendor error surfaces with Weekdone\'s message', async () => {
		const { create, fails, token } = operations('weekdone');
		const { error } = await fails([{ method: 'POST', path: '/item', status: 400, body: { description: 'x', type_id: '99' }, reply: { status: 'error', message: 'Item type 99 does not exist' } }], () =>
			create('item_create', { inputData: { description: 'x', typeId: '99' } }),
		);
		expect(error.message).toContain('Weekdone');
		expect(error.message).toContain('Item type 99 does not exist');
		expect(error.message).not.toContain(token);
	});
});

describe('Weekdone polling triggers', () => {
	const items = [
		{ id: 11, description: 'old', inserted: '2024-03-01 08:00:00' },
		{ id: 13, description: 'newest', inserted: '2024-03-03 08:00:00' },
		{ id: 12, description: 'middle', inserted: '2024-03-02 08:00:00' },
	];

	test('New Item lists the week\'s items with the filters, newest first, each with its own id', async () => {
		const { poll, answers } = operations('weekdone');
		const { result } = await answers(
			[{ method: 'GET', path: '/items', query: { user_id: 'me', period: '202410' }, reply: { status: 'ok', items } }],
			async () => (await poll('newItem', { inputData: { userId: 'me', period: '202410' } })) as Array<Record<string, unknown>>,
		);
		expect(result.map((r) => r.id)).toEqual([13, 12, 11]);
		expect(result[0]).toEqual(items[1]);
	});

	test('while loading a sample it returns only the newest few', async () => {
		const { poll, answers } = operations('weekdone');
		const many = Array.from({ length: 8 }, (_, i) => ({ id: 100 + i, inserted: `2024-03-0${i + 1} 08:00:00` }));
		const { result } = await answers([{ method: 'GET', path: '/items', reply: { status: 'ok', items: many } }], async () => (await poll('newItem', { meta: { isLoadingSample: true } })) as Array<Record<string, unknown>>);
		expect(result.map((r) => r.id)).toEqual([107, 106, 105]);
	});

	test('New Objective sends only the filters set (the level is optional) and orders by id without a watermark', async () => {
		const { poll, answers } = operations('weekdone');
		const { result } = await answers(
			[{ method: 'GET', path: '/objective', query: { type: 'team', team_id: '6' }, reply: { status: 'ok', data: [{ id: 4 }, { id: 9 }, { id: 5 }] } }],
			async () => (await poll('newObjective', { inputData: { type: 'team', teamId: '6' } })) as Array<Record<string, unknown>>,
		);
		expect(result.map((r) => r.id)).toEqual([9, 5, 4]);
	});
});

describe('Weekdone dropdowns', () => {
	test('the users-or-me dropdown puts "Me" first and sorts the users by name', async () => {
		const { poll, answers, h } = operations('weekdone');
		const { result } = await answers([{ method: 'GET', path: '/users', reply: { status: 'ok', users: [{ id: 2, name: 'Zed' }, { id: 1, name: 'Ann' }] } }], () => poll('dropdown_usersOrMe'));
		expect(result).toEqual([{ id: 'me', name: 'Me' }, { id: 1, name: 'Ann' }, { id: 2, name: 'Zed' }]);
		expect(h.app.triggers.dropdown_usersOrMe.display.hidden).toBe(true);
		expect(h.app.triggers.dropdown_usersOrMe.operation).not.toHaveProperty('canPaginate'); // Weekdone does not page
	});
});
