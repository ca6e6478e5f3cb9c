/**
 * Worktual's generated Zapier operations against the strict mock: JSON bodies, the raw token in
 * Authorization, offset (a page index from 0) + limit paging, bare-array answers, `coid` as the id.
 */
import { strictVendorMock } from '../mocks/vendor-mocks';
import { failure, resetEnv } from './harness';
import { operations } from './operations-helpers';

beforeEach(resetEnv);

const contact = (coid: number) => ({ coid, firstName: `C${coid}`, createdAt: `2024-04-01T00:00:${String(coid % 60).padStart(2, '0')}Z` });

describe('Worktual creates', () => {
	test('Create Contact posts a JSON body and returns the new contact', async () => {
		const { create, token } = operations('worktual');
		const mock = strictVendorMock('worktual').expectApiCall({
			method: 'POST',
			path: '/contacts',
			token,
			body: { firstName: 'Ada', primaryEmail: 'ada@example.com', city: 'London' },
			reply: { coid: 2001, firstName: 'Ada', primaryEmail: 'ada@example.com', city: 'London' },
		});
		const result = await create('contact_create', { inputData: { firstName: 'Ada', primaryEmail: 'ada@example.com', city: 'London', lastName: '' } });
		mock.done();
		expect(result).toEqual({ coid: 2001, firstName: 'Ada', primaryEmail: 'ada@example.com', city: 'London' });
		expect(mock.requests[0].headers.authorization).toBe(token); // no scheme, as the doc prints it
		expect(mock.requests[0].headers['content-type']).toContain('application/json');
	});

	test('Update Contact puts to /contacts/{id} with only the inputs set', async () => {
		const { create, token } = operations('worktual');
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'PUT', path: '/contacts/2001', token, body: { lastName: 'Lovelace' }, reply: [{ coid: 2001, lastName: 'Lovelace' }] });
		const result = await create('contact_update', { inputData: { contactId: '2001', lastName: 'Lovelace' } });
		mock.done();
		expect(result).toEqual({ coid: 2001, lastName: 'Lovelace' });
	});
});

describe('Worktual searches', () => {
	test('Find Contact reads /contacts/{id}; its array answer gives the contact', async () => {
		const { search, token } = operations('worktual');
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts/1001', token, reply: [contact(1001)] });
		expect(await search('contact_get', { inputData: { contactId: '1001' } })).toEqual([contact(1001)]);
		mock.done();
	});

	test('a 404 is "nothing found" (an empty result), not a failure', async () => {
		const { search, token } = operations('worktual');
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts/9', token, status: 404, reply: { message: 'Contact not found' } });
		expect(await search('contact_get', { inputData: { contactId: '9' } })).toEqual([]);
		mock.done();
	});

	test('other vendor errors surface with Worktual\'s message', async () => {
		const { search, token } = operations('worktual');
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts/x', token, status: 400, reply: { message: 'Contact id must be numeric' } });
		const error = await failure(search('contact_get', { inputData: { contactId: 'x' } }));
		mock.done();
		expect(error.message).toContain('Worktual');
		expect(error.message).toContain('Contact id must be numeric');
	});
});

describe('Worktual polling triggers', () => {
	test('New Contact reads one page of 100 contacts created in the last day (createdDate GTE now − 24 h), newest first by coid', async () => {
		const { poll, token, h } = operations('worktual');
		// what the poll sets itself, or what would drop the id, is not offered
		const offered = (h.app.triggers.newContact.operation.inputFields ?? []).map((f) => (f as { key: string }).key);
		expect(offered).toEqual(['filter']);
		const first = Array.from({ length: 100 }, (_, i) => contact(1001 + i));
		const now = Date.parse('2024-04-02T00:00:00Z');
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
		const since = String(now - 24 * 3_600_000);
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts', token, query: { offset: '0', limit: '100', condition: 'GTE', createdDate: since }, reply: first });
		const result = (await poll('newContact', { inputData: { fields: 'coid', condition: 'LT' } })) as Array<Record<string, unknown>>;
		clock.mockRestore();
		mock.done();
		expect(result).toHaveLength(100); // one page, however full: no second request
		expect(result.slice(0, 3).map((r) => r.id)).toEqual([1100, 1099, 1098]);
		expect(new Set(result.map((r) => r.id)).size).toBe(100);
	});

	test('a sample costs one small page', async () => {
		const { poll, token } = operations('worktual');
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts', token, query: { offset: '0', limit: '3', condition: 'GTE' }, reply: [contact(5), contact(7), contact(6)] });
		const result = (await poll('newContact', { meta: { isLoadingSample: true } })) as Array<Record<string, unknown>>;
		mock.done();
		expect(result.map((r) => r.id)).toEqual([7, 6, 5]);
	});
});
