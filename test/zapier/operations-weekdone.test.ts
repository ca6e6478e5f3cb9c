/**
 * Weekdone's generated Zapier operations against the strict mock: form bodies, the token as ?token=,
 * records read from `item`/`data`/`items`, triggers newest first with ids, dropdowns, vendor errors.
 */
import { strictVendorMock } from '../mocks/vendor-mocks';
import { failure, resetEnv } from './harness';
import { inputsOf, operations } from './operations-helpers';

beforeEach(resetEnv);

describe('Weekdone creates', () => {
	test('Create Item form-encodes the inputs the vendor\'s way and returns the created item', async () => {
		const { create, token, h } = operations('weekdone');
		const mock = strictVendorMock('weekdone').expectApiCall({
			method: 'POST',
			path: '/item',
			token,
			body: { description: 'Ship the release', type_id: '3', period: '202410', priority: '2', due_on: '2024-03-05', private: '1' },
			reply: { status: 'ok', item: { id: 77, description: 'Ship the release', type_id: 3 } },
		});
		const result = await create('item_create', {
			inputData: { description: 'Ship the release', typeId: '3', period: '202410', priority: '2', dueOn: '2024-03-05T00:00:00+02:00', private: 'true' },
		});
		mock.done();
		expect(result).toEqual({ id: 77, description: 'Ship the release', type_id: 3 });
		expect(mock.requests[0].headers['content-type']).toContain('application/x-www-form-urlencoded');
		const inputs = inputsOf(h.app.creates.item_create);
		expect(inputs.typeId).toMatchObject({ required: true, dynamic: 'dropdown_types.id.name' });
		expect(inputs.priority.choices).toEqual(expect.arrayContaining([{ label: 'Red', value: '3', sample: '3' }]));
		expect(inputs.private).toMatchObject({ type: 'boolean', required: false });
		expect(inputs.private).not.toHaveProperty('default'); // optional inputs must not be sent unless set
	});

	test('Assign Item sends PATCH /item/{id}/assign and returns the item', async () => {
		const { create, token } = operations('weekdone');
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'PATCH', path: '/item/55/assign', token, body: { user_id: '9' }, reply: { status: 'ok', item: { id: 55, user_id: 9 } } });
		const result = await create('item_assign', { inputData: { itemId: '55', userId: '9' } });
		mock.done();
		expect(result).toEqual({ id: 55, user_id: 9 });
	});

	test('an answer without the record gives what was changed, not just "success"', async () => {
		const { create, token } = operations('weekdone');
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'PATCH', path: '/objective/8', token, body: { description: 'Grow' }, reply: {} });
		const result = await create('objective_update', { inputData: { objectiveId: '8', description: 'Grow' } });
		mock.done();
		expect(result).toEqual({ objectiveId: '8', description: 'Grow', success: true });
	});

	test('a required input left empty falls back to its catalogue default (Create Objective: company level)', async () => {
		const { create, token, h } = operations('weekdone');
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'POST', path: '/objective', token, body: { description: 'Grow', type: 'company' }, reply: { status: 'ok', data: { id: 31, type: 'company' } } });
		expect(await create('objective_create', { inputData: { description: 'Grow' } })).toEqual({ id: 31, type: 'company' });
		mock.done();
		expect(inputsOf(h.app.creates.objective_create).type).toMatchObject({ required: true, default: 'company' });
	});

	test('a missing required input is the user\'s error and sends nothing', async () => {
		const { create } = operations('weekdone');
		const mock = strictVendorMock('weekdone');
		const error = await failure(create('item_create', { inputData: { typeId: '3' } }));
		mock.done();
		expect(error.message).toContain('Weekdone');
		expect(error.message).toContain('Description is required');
		expect(mock.requests).toHaveLength(0);
	});

	test('a vendor error surfaces with Weekdone\'s message', async () => {
		const { create, token } = operations('weekdone');
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'POST', path: '/item', token, status: 400, body: { description: 'x', type_id: '99' }, reply: { status: 'error', message: 'Item type 99 does not exist' } });
		const error = await failure(create('item_create', { inputData: { description: 'x', typeId: '99' } }));
		mock.done();
		expect(error.message).toContain('Weekdone');
		expect(error.message).toContain('Item type 99 does not exist');
		expect(error.message).not.toContain(operations('weekdone').token);
	});
});

describe('Weekdone polling triggers', () => {
	const items = [
		{ id: 11, description: 'old', inserted: '2024-03-01 08:00:00' },
		{ id: 13, description: 'newest', inserted: '2024-03-03 08:00:00' },
		{ id: 12, description: 'middle', inserted: '2024-03-02 08:00:00' },
	];

	test('New Item lists the week\'s items with the filters, newest first, each with its own id', async () => {
		const { poll, token } = operations('weekdone');
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'GET', path: '/items', token, query: { user_id: 'me', period: '202410' }, reply: { status: 'ok', items } });
		const result = (await poll('newItem', { inputData: { userId: 'me', period: '202410' } })) as Array<Record<string, unknown>>;
		mock.done();
		expect(result.map((r) => r.id)).toEqual([13, 12, 11]);
		expect(result[0]).toEqual(items[1]);
	});

	test('while loading a sample it returns only the newest few', async () => {
		const { poll, token } = operations('weekdone');
		const many = Array.from({ length: 8 }, (_, i) => ({ id: 100 + i, inserted: `2024-03-0${i + 1} 08:00:00` }));
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'GET', path: '/items', token, reply: { status: 'ok', items: many } });
		const result = (await poll('newItem', { meta: { isLoadingSample: true } })) as Array<Record<string, unknown>>;
		mock.done();
		expect(result.map((r) => r.id)).toEqual([107, 106, 105]);
	});

	test('New Objective sends only the filters set (the level is optional) and orders by id without a watermark', async () => {
		const { poll, token } = operations('weekdone');
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'GET', path: '/objective', token, query: { type: 'team', team_id: '6' }, reply: { status: 'ok', data: [{ id: 4 }, { id: 9 }, { id: 5 }] } });
		const result = (await poll('newObjective', { inputData: { type: 'team', teamId: '6' } })) as Array<Record<string, unknown>>;
		mock.done();
		expect(result.map((r) => r.id)).toEqual([9, 5, 4]);
	});
});

describe('Weekdone dropdowns', () => {
	test('the users-or-me dropdown puts "Me" first and sorts the users by name', async () => {
		const { poll, token, h } = operations('weekdone');
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'GET', path: '/users', token, reply: { status: 'ok', users: [{ id: 2, name: 'Zed' }, { id: 1, name: 'Ann' }] } });
		const result = await poll('dropdown_usersOrMe');
		mock.done();
		expect(result).toEqual([{ id: 'me', name: 'Me' }, { id: 1, name: 'Ann' }, { id: 2, name: 'Zed' }]);
		expect(h.app.triggers.dropdown_usersOrMe.display.hidden).toBe(true);
		expect(h.app.triggers.dropdown_usersOrMe.operation).not.toHaveProperty('canPaginate'); // Weekdone does not page
	});
});
