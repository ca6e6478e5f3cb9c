/**
 * A list answer of the wrong type through the real node in n8n-core's ExecuteContext: WebWork Tracker's
 * workspace list keeps its records at `data`; text or a single object there is a NodeApiError naming the
 * vendor and the cause (none of the connection's secrets, nor the value), not made-up records, in an
 * execution and in a dropdown alike (both read lists through vendorApiRequestAllItems). With Continue On
 * Fail the same error becomes the item's output.
 */
import { NodeApiError } from 'n8n-workflow';

import { WebworkTracker } from '../../../nodes/WebworkTracker/WebworkTracker.node';
import { MOCK_CLIENT } from '../../mocks/token-checks';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import { jsonOf, NodeRunner } from './node-runner';

const TOKEN = 'ww-access-list-shape';
const REFRESH = 'ww-refresh-list-shape';
const node = () => new NodeRunner(new WebworkTracker()).useOAuth2('webworkTrackerOAuth2Api', { access_token: TOKEN, refresh_token: REFRESH, expires_in: 1296000 });
const params = { resource: 'workspace', operation: 'getAll', limit: 2 };
const expectCall = (data: unknown) =>
	strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN, query: { page: '1', per_page: '2' }, reply: { success: true, data, meta: { pagination: { last_page: 1 } } } });

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure, got success');
}

function expectNoSecret(text: string): void {
	for (const secret of [TOKEN, REFRESH, MOCK_CLIENT.clientSecret]) expect(text).not.toContain(secret);
}

describe('WebWork Tracker node: a list answer without a list', () => {
	test.each([
		['text', 'workspace list unavailable', /^WebWork Tracker: the answer holds text at "data" where a list of records was expected/],
		['one object', { id: 7, workspace_name: 'Apollo' }, /^WebWork Tracker: the answer holds an object that is not a list of records at "data"/],
	])('%s at `data` is a NodeApiError naming the vendor and the cause', async (_title, data, message) => {
		const mock = expectCall(data);
		const error = await failure(node().execute(params));
		mock.done();
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(message);
		const shown = `${error.message} ${(error as NodeApiError).description ?? ''}`;
		expect(shown).not.toContain('Apollo');
		expect(shown).not.toContain('unavailable');
		expectNoSecret(shown);
	});

	test('with Continue On Fail the error is the item, no made-up records', async () => {
		const mock = expectCall('workspace list unavailable');
		const output = await node().execute(params, { continueOnFail: true });
		mock.done();
		expect(jsonOf(output)).toEqual([{ error: expect.stringMatching(/^WebWork Tracker: the answer holds text at "data"/), description: expect.any(String) }]);
		expectNoSecret(JSON.stringify(output));
	});

	test('a keyed object of records is still a list', async () => {
		const mock = expectCall({ a: { id: 1 }, b: { id: 2 } });
		expect(jsonOf(await node().execute(params))).toEqual([{ id: 1 }, { id: 2 }]);
		mock.done();
	});

	test('the workspace dropdown (loadOptions) with text at `data` fails the same way', async () => {
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN, query: { page: '1', per_page: '100' }, reply: { success: true, data: 'workspace list unavailable' } });
		const error = await failure(node().loadOptions('workspaces', {}));
		mock.done();
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^WebWork Tracker: the answer holds text at "data" where a list of records was expected/);
		expectNoSecret(`${error.message} ${(error as NodeApiError).description ?? ''}`);
	});
});
