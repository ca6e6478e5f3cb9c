/**
 * Worktual's generated Zapier operations against the strict mock: JSON bodies, the raw token in
 * Authorization, offset (a page index from 0) + limit paging, bare-array answers, `coid` as the id.
 */
import { resetEnv } from './harness';
import { operations } from './operations-helpers';

beforeEach(resetEnv);

const contact = (coid: number) => ({ coid, firstName: `C${coid}`, createdAt: `2024-04-01T00:00:${String(coid % 60).padStart(2, '0')}Z` });

describe('Worktual creates', () => {
	test('Create Contact posts a JSON body and returns the new contact', async () => {
		const { create, answers, token } = operations('worktual');
		const body = { firstName: 'Ada', primaryEmail: 'ada@example.com', city: 'London' };
		const { result, mock } = await answers([{ method: 'POST', path: '/contacts', body, reply: { coid: 2001, ...body } }], () => create('contact_create', { inputData: { ...body, lastName: '' } }));
		expect(result).toEqual({ coid: 2001, firstName: 'Ada', primaryEmail: 'ada@example.com', city: 'London' });
		expect(mock.requests[0].headers.authorization).toBe(token); // no scheme, as the doc prints it
		expect(mock.requests[0].headers['content-type']).toContain('application/json');
	});

	test('Update Contact puts to /contacts/{id} with only the inputs set', async () => {
		const { create, answers } = operations('worktual');
		const { result } = await answers([{ method: 'PUT', path: '/contacts/2001', body: { lastName: 'Lovelace' }, reply: [{ coid: 2001, lastName: 'Lovelace' }] }], () =>
			create('contact_update', { inputData: { contactId: '2001', lastName: 'Lovelace' } }),
		);
		expect(result).toEqual({ coid: 2001, lastName: 'Lovelace' });
	});
});

describe('Worktual searches', () => {
	test('Find Contact reads /contacts/{id}; its array answer gives the contact', async () => {
		const { search, answers } = operations('worktual');
		const { result } = await answers([{ method: 'GET', path: '/contacts/1001', reply: [contact(1001)] }], () => search('contact_get', { inputData: { contactId: '1001' } }));
		expect(result).toEqual([contact(1001)]);
	});

	test('a 404 is "nothing found" (an empty result), not a failure', async () => {
		const { search, answers } = operations('worktual');
		const { result } = await answers([{ method: 'GET', path: '/contacts/9', status: 404, reply: { message: 'Contact not found' } }], () => search('contact_get', { inputData: { contactId: '9' } }));
		expect(result).toEqual([]);
	});

	test('other vendor errors surface with Worktual\'s message', async () => {
		const { search, fails } = operations('worktual');
		const { error } = await fails([{ method: 'GET', path: '/contacts/x', status: 400, reply: { message: 'Contact id must be numeric' } }], () => search('contact_get', { inputData: { contactId: 'x' } }));
		expect(error.message).toContain('Worktual');
		expect(error.message).toContain('Contact id must be numeric');
	});
});

describe('Worktual polling triggers', () => {
	test('New Contact reads one page of 100 contacts created in the last day (createdDate GTE now − 24 h), newest first by coid', async () => {
		const { poll, answers, h } = operations('worktual');
		// what the poll sets itself, or what would drop the id, is not offered
		const offered = (h.app.triggers.newContact.operation.inputFields ?? []).map((f) => (f as { key: string }).key);
		expect(offered).toEqual(['filter']);
		const first = Array.from({ length: 100 }, (_, i) => contact(1001 + i));
		const now = Date.parse('2024-04-02T00:00:00Z');
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
		const since = String(now - 24 * 3_600_000);
		const { result } = await answers([{ method: 'GET', path: '/contacts', query: { offset: '0', limit: '100', condition: 'GTE', createdDate: since }, reply: first }], async () => {
			try {
				return (await poll('newContact', { inputData: { fields: 'coid', condition: 'LT' } })) as Array<Record<string, unknown>>;
			} finally {
				clock.mockRestore();
			}
		});
		expect(result).toHaveLength(100); // one page, however full: no second request
		expect(result.slice(0, 3).map((r) => r.id)).toEqual([1100, 1099, 1098]);
		expect(new Set(result.map((r) => r.id)).size).toBe(100);
	});

	test('a sample costs one small page', async () => {
		const { poll, answers } = operations('worktual');
		const { result } = await answers(
			[{ method: 'GET', path: '/contacts', query: { offset: '0', limit: '3', condition: 'GTE' }, reply: [contact(5), contact(7), contact(6)] }],
			async () => (await poll('newContact', { meta: { isLoadingSample: true } })) as Array<Record<string, unknown>>,
		);
		expect(result.map((r) => r.id)).toEqual([7, 6, 5]);
	});
});
