/**
 * A list answer of the wrong type in the generated Zapier app (WebWork Tracker, records at `data`): text or a
 * single object there is a Zapier error naming the vendor and the cause (no token, no value), in a polling
 * trigger and a dropdown alike (every catalogue operation is wrapped the same way), not records made up from it.
 */
import { strictVendorMock } from '../mocks/vendor-mocks';
import { expectNoSecrets, failure, resetEnv } from './harness';
import { operations } from './operations-helpers';

beforeEach(resetEnv);

/** What the Zap builder sees: z.errors.Error carries message, code and status as JSON in its message. */
const shown = (error: Error) => JSON.parse(error.message) as { message: string; code: string; status: number };
const answer = (data: unknown) => ({ success: true, data, meta: { pagination: { last_page: 1 } } });

describe('WebWork Tracker app: a list answer without a list', () => {
	test('New Project (a sample poll) with text at `data`', async () => {
		const { poll, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/projects', token, query: { workspace_id: '12', page: '1', per_page: '3' }, reply: answer('no projects today') });
		const error = await failure(poll('newProject', { inputData: { workspaceId: '12' }, meta: { isLoadingSample: true } }));
		mock.done();
		expect(shown(error)).toEqual({ message: expect.stringMatching(/^WebWork Tracker: the answer holds text at "data" where a list of records was expected/), code: 'api_error', status: 502 });
		expect(error.message).not.toContain('no projects today');
		expectNoSecrets(error, [token]);
	});

	test('the projects dropdown with one object at `data`', async () => {
		const { poll, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/projects', token, query: { workspace_id: '12', page: '1', per_page: '100' }, reply: answer({ id: 7, name: 'Apollo' }) });
		const error = await failure(poll('dropdown_projects', { inputData: { workspaceId: '12' }, meta: { page: 0 } }));
		mock.done();
		expect(shown(error).message).toMatch(/^WebWork Tracker: the answer holds an object that is not a list of records at "data"/);
		expect(error.message).not.toContain('Apollo');
		expectNoSecrets(error, [token]);
	});

	test('the dropdown still reads a keyed object of records', async () => {
		const { poll, token } = operations('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/projects', token, query: { workspace_id: '12', page: '1', per_page: '100' }, reply: answer({ a: { id: 7, name: 'Apollo' } }) });
		expect(await poll('dropdown_projects', { inputData: { workspaceId: '12' }, meta: { page: 0 } })).toEqual([{ id: 7, name: 'Apollo' }]);
		mock.done();
	});
});
