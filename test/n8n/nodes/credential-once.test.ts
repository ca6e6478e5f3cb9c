/**
 * One credential resolution per operation (nodes/transport/connection.ts): a Return All over several pages
 * reads the credential once, not twice per page, and a token that expires in the middle of the paging is
 * refreshed once by n8n, after which the remaining pages carry the new token without another 401.
 * Runs the nodes in n8n-core 2.41's ExecuteContext with the harness credential store, against strict mocks.
 */
import { WebworkTracker } from '../../../nodes/WebworkTracker/WebworkTracker.node';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import { jsonOf, NodeRunner } from './node-runner';

const page = (data: unknown, current: number, last: number) => ({ success: true, data, meta: { api_version: '2.0.0', pagination: { current_page: current, last_page: last, total: 0 } } });
const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));
const TASKS = { resource: 'task', operation: 'getAll', workspaceId: '10', returnAll: true };

/** Counts what n8n's CLI would do per resolution: a database read, decryption and expression resolution. */
function countResolutions(runner: NodeRunner): () => number {
	let count = 0;
	const original = runner.credentials.getDecrypted.bind(runner.credentials);
	runner.credentials.getDecrypted = async (...args: Parameters<typeof original>) => {
		count++;
		return await original(...args);
	};
	return () => count;
}

describe('credential resolved once per operation', () => {
	test('Return All over 4 pages: 1 resolution (was 2 per page: 8)', async () => {
		const runner = new NodeRunner(new WebworkTracker()).useOAuth2('webworkTrackerOAuth2Api', { access_token: 'AT1', refresh_token: 'RT1', expires_in: 1296000 });
		const resolutions = countResolutions(runner);
		const mock = strictVendorMock('webwork-tracker');
		for (let p = 1; p <= 4; p++) {
			mock.expectApiCall({ method: 'GET', path: '/tasks', token: 'AT1', query: { workspace_id: '10', page: String(p), per_page: '100' }, reply: page(rows(p * 100 - 99, p < 4 ? 100 : 7), p, 4) });
		}
		const output = await runner.execute(TASKS);
		mock.done();
		expect(output).toHaveLength(307);
		expect(resolutions()).toBe(1);
	});

	test('token expires at page 2: one refresh, pages 2-3 with the new token, no second 401', async () => {
		const runner = new NodeRunner(new WebworkTracker()).useOAuth2('webworkTrackerOAuth2Api', { access_token: 'AT1', refresh_token: 'RT1', expires_in: 1296000 });
		const resolutions = countResolutions(runner);
		const q = (p: number) => ({ workspace_id: '10', page: String(p), per_page: '100' });
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'GET', path: '/tasks', token: 'AT1', query: q(1), reply: page(rows(1, 100), 1, 3) })
			.expectApiCall({ method: 'GET', path: '/tasks', token: 'AT1', query: q(2), status: 401, reply: { success: false, message: 'Unauthenticated.' } })
			.expectRefresh({ refreshToken: 'RT1' })
			.expectApiCall({ method: 'GET', path: '/tasks', token: 'webwork-tracker-access-1', query: q(2), reply: page(rows(101, 100), 2, 3) })
			.expectApiCall({ method: 'GET', path: '/tasks', token: 'webwork-tracker-access-1', query: q(3), reply: page(rows(201, 5), 3, 3) });
		const output = await runner.execute(TASKS);
		mock.done();
		expect(jsonOf(output).map((r) => r.id)).toEqual(Array.from({ length: 205 }, (_, i) => i + 1));
		expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		// The new token is saved (n8n persists it) and the paging went on without reading the store per page.
		expect((runner.credentials.stored('webworkTrackerOAuth2Api-1').oauthTokenData as Record<string, unknown>).access_token).toBe('webwork-tracker-access-1');
		expect(resolutions()).toBeLessThanOrEqual(3);
	});

});
