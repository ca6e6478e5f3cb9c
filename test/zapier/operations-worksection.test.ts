/**
 * Worksection's generated Zapier operations against the strict mock: action-style calls (?action=…, every
 * parameter in the query) on the account host, DD.MM.YYYY dates, comma lists, `{status:"error"}` envelopes,
 * the activity-log trigger with its composite identity and kind filter.
 */
import { resetEnv } from './harness';
import { ACCOUNT_URL, type ApiCall, inputsOf, operations } from './operations-helpers';

beforeEach(resetEnv);

describe('Worksection creates', () => {
	test('Create Task posts the action with every input in the query, on the account host', async () => {
		const { create, answers } = operations('worksection');
		const query = { action: 'post_task', id_project: '5', title: 'Fix the login', email_user_to: 'ann@acme.test', priority: '3', datestart: '05.03.2024', subscribe: 'bob@acme.test,eve@acme.test' };
		const inputData = { idProject: '5', title: 'Fix the login', emailUserTo: 'ann@acme.test', priority: '3', datestart: '2024-03-05T09:00:00+01:00', subscribe: ['bob@acme.test', 'eve@acme.test'] };
		const { result, mock } = await answers([{ method: 'POST', path: '', query, reply: { status: 'ok', data: { id: '900', name: 'Fix the login', page: '/project/5/900/' } } }], () =>
			create('task_create', { inputData }),
		);
		expect(result).toEqual({ id: '900', name: 'Fix the login', page: '/project/5/900/' });
		expect(new URL(mock.requests[0].url).origin).toBe(ACCOUNT_URL);
		expect(mock.requests[0].rawBody).toBe('');
	});

	test('Complete Task returns the answer plus the task it acted on', async () => {
		const { create, answers } = operations('worksection');
		const { result } = await answers([{ method: 'POST', path: '', query: { action: 'complete_task', id_task: '900' }, reply: { status: 'ok' } }], () => create('task_complete', { inputData: { idTask: '900' } }));
		expect(result).toEqual({ id_task: '900', success: true, status: 'ok' });
	});

	test('a {"status":"error"} envelope sent with HTTP 200 surfaces Worksection\'s message', async () => {
		const { create, fails } = operations('worksection');
		const { error } = await fails([{ method: 'POST', path: '', query: { action: 'add_costs', id_task: '404', time: '1:30' }, reply: { status: 'error', status_code: 4, message: 'Task not found' } }], () =>
			create('cost_add', { inputData: { idTask: '404', time: '1:30' } }),
		);
		expect(error.message).toContain('Worksection');
		expect(error.message).toContain('Task not found');
	});
});

describe('Worksection searches', () => {
	test('Find Task reads get_task with the extra blocks as a comma list', async () => {
		const { search, answers } = operations('worksection');
		const { result } = await answers([{ method: 'GET', path: '', query: { action: 'get_task', id_task: '900', extra: 'text,files' }, reply: { status: 'ok', data: { id: '900', name: 'Fix the login' } } }], () =>
			search('task_get', { inputData: { idTask: '900', extra: ['text', 'files'] } }),
		);
		expect(result).toEqual([{ id: '900', name: 'Fix the login' }]);
	});

	test('Search Tasks sends the filter query and returns the matches', async () => {
		const { search, answers, h } = operations('worksection');
		const matches = [{ id: '1', name: 'Invoice March' }, { id: '2', name: 'Invoice April' }];
		const { result } = await answers([{ method: 'GET', path: '', query: { action: 'search_tasks', filter: "name has 'invoice'", email_user_to: 'ann@acme.test' }, reply: { status: 'ok', data: matches } }], () =>
			search('task_search', { inputData: { filter: "name has 'invoice'", emailUserTo: 'ann@acme.test' } }),
		);
		expect(result).toEqual(matches);
		expect(inputsOf(h.app.searches.task_search).emailUserTo).toMatchObject({ dynamic: 'dropdown_userEmails.id.name' });
	});
});

describe('Worksection polling triggers', () => {
	const events = [
		{ action: 'post', object: { type: 'task', id: '7' }, date_added: '2024-03-01 10:00' },
		{ action: 'post', object: { type: 'comment', id: '3' }, date_added: '2024-03-01 12:30' },
		{ action: 'close', object: { type: 'task', id: '7' }, date_added: '2024-03-01 11:00' },
	];

	test('New Event polls the last day of the activity log, newest first, each event with a stable id of its own', async () => {
		const { poll, answers } = operations('worksection');
		const pollProject = async () => (await poll('newEvent', { inputData: { idProject: '5' } })) as Array<Record<string, unknown>>;
		const {
			result: [result, again],
		} = await answers([{ method: 'GET', path: '', query: { action: 'get_events', period: '1d', id_project: '5' }, reply: { status: 'ok', data: events }, times: 2 }], async () => [await pollProject(), await pollProject()]);
		expect(result.map((r) => r.date_added)).toEqual(['2024-03-01 12:30', '2024-03-01 11:00', '2024-03-01 10:00']);
		expect(result[0]).toMatchObject(events[1]);
		expect(new Set(result.map((r) => r.id)).size).toBe(3);
		expect(again.map((r) => r.id)).toEqual(result.map((r) => r.id)); // the same event keeps its id across polls
	});

	test('two changes of one task within the same minute are two events (the minute-level time alone would make them one)', async () => {
		const { poll, answers } = operations('worksection');
		const sameMinute = [
			{ action: 'update', object: { type: 'task', id: '7' }, date_added: '2024-03-01 10:00', new: { priority: '5' }, old: { priority: '1' } },
			{ action: 'update', object: { type: 'task', id: '7' }, date_added: '2024-03-01 10:00', new: { title: 'B' }, old: { title: 'A' } },
		];
		const { result } = await answers([{ method: 'GET', path: '', query: { action: 'get_events', period: '1d' }, reply: { status: 'ok', data: sameMinute } }], async () => (await poll('newEvent')) as Array<Record<string, unknown>>);
		expect(result).toHaveLength(2);
		expect(result[0].id).not.toBe(result[1].id);
	});

	test('the Event Types input keeps only the chosen kinds', async () => {
		const { poll, answers } = operations('worksection');
		const { result } = await answers(
			[{ method: 'GET', path: '', query: { action: 'get_events', period: '1d' }, reply: { status: 'ok', data: events } }],
			async () => (await poll('newEvent', { inputData: { eventTypes: ['post_task', 'close_task'] } })) as Array<Record<string, unknown>>,
		);
		expect(result.map((r) => `${r.action}_${(r.object as { type: string }).type}`)).toEqual(['close_task', 'post_task']);
	});

	test('New Task lists one project\'s tasks with get_tasks, or every project\'s with get_all_tasks', async () => {
		const { poll, answers } = operations('worksection');
		const calls: ApiCall[] = [
			{ method: 'GET', path: '', query: { action: 'get_tasks', id_project: '5' }, reply: { status: 'ok', data: [{ id: '8' }, { id: '12' }] } },
			{ method: 'GET', path: '', query: { action: 'get_all_tasks', filter: 'active' }, reply: { status: 'ok' } },
		];
		const { result } = await answers(calls, async () => [await poll('newTask', { inputData: { idProject: '5' } }), await poll('newTask', { inputData: { filter: 'active' } })]);
		expect(result[0]).toEqual([{ id: '12' }, { id: '8' }]);
		expect(result[1]).toEqual([]); // Worksection leaves `data` out of an empty list
	});
});

describe('Worksection dropdowns', () => {
	test('the user dropdown offers e-mails labelled with names', async () => {
		const { poll, answers } = operations('worksection');
		const users = [{ id: '1', email: 'zed@acme.test', first_name: 'Zed', last_name: 'Z' }, { id: '2', email: 'ann@acme.test', name: 'Ann A' }];
		const { result } = await answers([{ method: 'GET', path: '', query: { action: 'get_users' }, reply: { status: 'ok', data: users } }], () => poll('dropdown_userEmails'));
		expect(result).toEqual([{ id: 'ann@acme.test', name: 'Ann A' }, { id: 'zed@acme.test', name: 'Zed Z' }]);
	});
});

describe('Worksection webhooks', () => {
	test('no REST hook trigger: Zapier cannot give the {"status":"OK"} answer Worksection requires', () => {
		const { h } = operations('worksection');
		expect(h.app.triggers).not.toHaveProperty('newWebhookEvent');
		expect(h.app.triggers).toHaveProperty('newEvent'); // the activity log is polled instead
	});
});
