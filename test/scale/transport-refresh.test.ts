/**
 * The transport's refresh under concurrency, in n8n-core 2.41.1's real request helpers (test/n8n/harness):
 * what another run or process does meanwhile is simulated by changing the credential store at the exact
 * moment it would happen. The real-n8n races (one process and queue mode) are in test/scale/run.ts.
 */
import nock from 'nock';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { vendorApiRequest, type VendorRequest } from '../../nodes/transport/GenericFunctions';
import { vendors } from '../../shared/vendors';
import { Engine } from '../n8n/harness/engine';
import { MOCK_CLIENT } from '../mocks/token-checks';

function run(engine: Engine, vendorId: keyof typeof vendors, type: string, id: string, request: VendorRequest) {
	return engine.execute(type, id, async function (this: IExecuteFunctions) {
		return await vendorApiRequest.call(this, vendors[vendorId], type, request);
	});
}

function setToken(engine: Engine, id: string, oauthTokenData: IDataObject): void {
	engine.credentials.stored(id).oauthTokenData = oauthTokenData;
}

describe('Weekdone (?token=, the transport renews through refreshOAuth2Token)', () => {
	const type = 'weekdoneOAuth2Api';

	test('a refresh saved by another run between our re-read and n8n refresh lock is used, not repeated', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, redirectUri: 'http://localhost:5678/rest/oauth2-credential/callback', oauthTokenData: { access_token: 'AT0', refresh_token: 'RT0' } });
		// Reads of the credential through the node context (not n8n's raw re-read inside its refresh lock):
		// 1 vendorApiRequest, 2 n8n's signing, 3 the transport's re-read after the 401. Right after the third,
		// another run saves its refreshed token: the window a second refresh used to slip through.
		const getDecrypted = engine.credentials.getDecrypted.bind(engine.credentials);
		let contextReads = 0;
		jest.spyOn(engine.credentials, 'getDecrypted').mockImplementation(async (...args) => {
			const result = await getDecrypted(...args);
			if (args[5] !== true && ++contextReads === 3) setToken(engine, ref.id, { access_token: 'AT1', refresh_token: 'RT0' });
			return result;
		});
		let tokenRequests = 0;
		nock('https://weekdone.com')
			.post(/^\/oauth_token/)
			.reply(() => {
				tokenRequests++;
				return [200, { access_token: 'AT2', token_type: 'bearer' }];
			})
			.persist();
		const api = nock('https://api.weekdone.com')
			.get('/1/company')
			.query({ token: 'AT0' })
			.reply(401, { status: 'error', error: 'invalid_token', message: 'token expired' })
			.get('/1/company')
			.query({ token: 'AT1' })
			.reply(200, { status: 'ok', company: { id: 1 } });
		await expect(run(engine, 'weekdone', type, ref.id, { method: 'GET', path: '/company' })).resolves.toEqual({ status: 'ok', company: { id: 1 } });
		api.done();
		expect(contextReads).toBeGreaterThanOrEqual(3);
		expect(tokenRequests).toBe(0);
	});
});

describe('WebWork Tracker (n8n signs and refreshes; rotating refresh tokens)', () => {
	const type = 'webworkTrackerOAuth2Api';
	const GET_WORKSPACES: VendorRequest = { method: 'GET', path: '/workspaces' };

	test('refresh refused because another process rotated first: the saved token is read again and the call retried once', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: { access_token: 'AT0', refresh_token: 'RT0', token_type: 'Bearer' } });
		let tokenRequests = 0;
		nock('https://api.webwork-tracker.com')
			.post('/oauth/token')
			.reply(() => {
				tokenRequests++;
				// The other process's refresh (with the same RT0) won and was saved; ours is refused.
				setToken(engine, ref.id, { access_token: 'AT1', refresh_token: 'RT1', token_type: 'Bearer' });
				return [400, { error: 'invalid_grant', error_description: 'The refresh token is invalid.' }];
			});
		const api = nock('https://api.webwork-tracker.com', { reqheaders: { authorization: 'Bearer AT0' } })
			.get('/api/v2/workspaces')
			.reply(401, { success: false, message: 'Unauthenticated.' });
		const retried = nock('https://api.webwork-tracker.com', { reqheaders: { authorization: 'Bearer AT1' } })
			.get('/api/v2/workspaces')
			.reply(200, { success: true, data: [{ id: 7 }] });
		await expect(run(engine, 'webwork-tracker', type, ref.id, GET_WORKSPACES)).resolves.toEqual({ success: true, data: [{ id: 7 }] });
		api.done();
		retried.done();
		expect(tokenRequests).toBe(1);
	});

	test('refresh refused and nothing newer saved (a revoked grant): the user is told to reconnect, no retry', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: { access_token: 'AT0', refresh_token: 'RT0', token_type: 'Bearer' } });
		nock('https://api.webwork-tracker.com').post('/oauth/token').reply(400, { error: 'invalid_grant', error_description: 'The refresh token is invalid.' });
		const api = nock('https://api.webwork-tracker.com').get('/api/v2/workspaces').reply(401, { success: false, message: 'Unauthenticated.' });
		await expect(run(engine, 'webwork-tracker', type, ref.id, GET_WORKSPACES)).rejects.toThrow(/reconnect/i);
		api.done();
		expect(nock.pendingMocks()).toEqual([]);
	});
});
