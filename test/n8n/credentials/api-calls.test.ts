/**
 * vendorApiRequest executed by n8n-core 2.41.1's real request helpers (httpRequestWithAuthentication,
 * requestOAuth2, refreshOAuth2Token, preAuthentication, authenticate) against the strict vendor mocks:
 * the token sits where the vendor wants it, an expired token is refreshed at the right URL with the right
 * client authentication, the call is retried, and what n8n persists keeps the rotated refresh token.
 */
import nock from 'nock';
import type { IExecuteFunctions } from 'n8n-workflow';

import { vendorApiRequest, type VendorRequest } from '../../../nodes/transport/GenericFunctions';
import { vendors } from '../../../shared/vendors';
import type { VendorDefinition } from '../../../shared/types';
import { Engine } from '../harness/engine';
import { N8N_CALLBACK_URL } from '../harness/oauth-flow';
import { MOCK_CLIENT, strictVendorMock } from '../../mocks/vendor-mocks';

const GET_WORKSPACES: VendorRequest = { method: 'GET', path: '/workspaces' };

function run(engine: Engine, vendor: VendorDefinition, type: string, id: string, request: VendorRequest) {
	return engine.execute(type, id, async function (this: IExecuteFunctions) {
		return await vendorApiRequest.call(this, vendor, type, request);
	});
}

function oauthWrites(engine: Engine) {
	return engine.credentials.persisted.filter((p) => p.kind === 'oauthTokenData').map((p) => (p as { oauthTokenData: Record<string, unknown> }).oauthTokenData);
}

describe('WebWork Tracker (Bearer header, Basic client auth, rotating refresh tokens)', () => {
	const vendor = vendors['webwork-tracker'];
	const type = 'webworkTrackerOAuth2Api';

	test('valid token: one call, Bearer header, nothing persisted', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: { access_token: 'AT1', refresh_token: 'RT1', token_type: 'Bearer' } });
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: 'AT1', reply: { success: true, data: [{ id: 1 }] } });
		expect(await run(engine, vendor, type, ref.id, GET_WORKSPACES)).toEqual({ success: true, data: [{ id: 1 }] });
		mock.done();
		expect(mock.requests[0].headers.authorization).toBe('Bearer AT1');
		expect(engine.credentials.persisted).toEqual([]);
	});

	test('401 → refresh (token URL, Basic) → retry; rotated refresh token persisted and used next run', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: { access_token: 'AT1', refresh_token: 'RT1', token_type: 'Bearer' } });
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'AT1', status: 401, reply: { success: false, message: 'Unauthorized' } })
			.expectRefresh({ refreshToken: 'RT1' })
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'webwork-tracker-access-1', reply: { success: true, data: [] } })
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'webwork-tracker-access-1', status: 401, reply: { success: false } })
			.expectRefresh({ refreshToken: 'webwork-tracker-refresh-1' })
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'webwork-tracker-access-2', reply: { success: true, data: [] } });
		await run(engine, vendor, type, ref.id, GET_WORKSPACES);
		await run(engine, vendor, type, ref.id, GET_WORKSPACES);
		mock.done();
		const refreshes = mock.requests.filter((r) => r.method === 'POST');
		expect(refreshes.map((r) => [r.url, r.headers.authorization, r.rawBody])).toEqual([
			['https://api.webwork-tracker.com/oauth/token', `Basic ${Buffer.from('test-client-id:test-client-secret').toString('base64')}`, 'refresh_token=RT1&grant_type=refresh_token'],
			[
				'https://api.webwork-tracker.com/oauth/token',
				`Basic ${Buffer.from('test-client-id:test-client-secret').toString('base64')}`,
				'refresh_token=webwork-tracker-refresh-1&grant_type=refresh_token',
			],
		]);
		expect(oauthWrites(engine).map((d) => [d.access_token, d.refresh_token])).toEqual([
			['webwork-tracker-access-1', 'webwork-tracker-refresh-1'],
			['webwork-tracker-access-2', 'webwork-tracker-refresh-2'],
		]);
	});

	test('parallel 401s in one run: n8n 2.41 refreshes once (its lock), so the rotated token is not burnt twice', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: { access_token: 'AT1', refresh_token: 'RT1', token_type: 'Bearer' } });
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'AT1', status: 401, reply: { success: false }, times: 4 })
			.expectRefresh({ refreshToken: 'RT1' })
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'webwork-tracker-access-1', reply: { success: true }, times: 4 });
		await engine.execute(type, ref.id, async function () {
			return await Promise.all([1, 2, 3, 4].map(async () => await vendorApiRequest.call(this, vendor, type, GET_WORKSPACES)));
		});
		mock.done();
		expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});

describe('Worksection (account_url host, /oauth2/refresh, rotation)', () => {
	const vendor = vendors.worksection;
	const type = 'worksectionOAuth2Api';
	const stored = { access_token: 'AT1', refresh_token: 'RT1', token_type: 'bearer', account_url: 'https://acme.worksection.com' };

	test('API host from account_url; 401 → /oauth2/refresh with body client auth → retry; RT and account_url persisted', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: stored });
		const mock = strictVendorMock('worksection')
			.expectApiCall({ method: 'GET', path: '', query: { action: 'me' }, token: 'AT1', status: 401, reply: { status: 'error', message: 'Access token is expired' } })
			.expectRefresh({ refreshToken: 'RT1', reply: { token_type: 'bearer', expires_in: 86400, access_token: 'AT2', refresh_token: 'RT2' } })
			.expectApiCall({ method: 'GET', path: '', query: { action: 'me' }, token: 'AT2', reply: { status: 'ok', data: { email: 'a@b.c' } } })
			.expectApiCall({ method: 'GET', path: '', query: { action: 'get_projects' }, token: 'AT2', status: 401, reply: { status: 'error' } })
			.expectRefresh({ refreshToken: 'RT2' })
			.expectApiCall({ method: 'GET', path: '', query: { action: 'get_projects' }, token: 'worksection-access-1', reply: { status: 'ok', data: [] } });
		expect(await run(engine, vendor, type, ref.id, { method: 'GET', path: '', qs: { action: 'me' } })).toEqual({ status: 'ok', data: { email: 'a@b.c' } });
		await run(engine, vendor, type, ref.id, { method: 'GET', path: '', qs: { action: 'get_projects' } });
		mock.done();
		const posts = mock.requests.filter((r) => r.method === 'POST');
		expect(posts.map((r) => r.url)).toEqual(['https://worksection.com/oauth2/refresh', 'https://worksection.com/oauth2/refresh']);
		expect(posts[0].body).toEqual({ refresh_token: 'RT1', grant_type: 'refresh_token', client_id: MOCK_CLIENT.clientId, client_secret: MOCK_CLIENT.clientSecret });
		expect(posts[0].headers.authorization).toBeUndefined();
		expect(mock.requests.filter((r) => r.method === 'GET').every((r) => r.url.startsWith('https://acme.worksection.com/api/oauth2?action='))).toBe(true);
		// the first refresh answer had no account_url: n8n's merge kept it
		expect(oauthWrites(engine).map((d) => [d.refresh_token, d.account_url])).toEqual([
			['RT2', 'https://acme.worksection.com'],
			['worksection-refresh-1', 'https://acme.worksection.com'],
		]);
	});

	test('an HTTP-200 {status:"error"} becomes a NodeApiError with the vendor message', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: stored });
		const mock = strictVendorMock('worksection').expectApiCall({
			method: 'GET',
			path: '',
			query: { action: 'get_task', id_task: '9' },
			token: 'AT1',
			reply: { status: 'error', status_code: 4, message: 'Task not found' },
		});
		await expect(run(engine, vendor, type, ref.id, { method: 'GET', path: '', qs: { action: 'get_task', id_task: 9 } })).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Worksection (HTTP 200): Task not found',
			httpCode: '200',
			description: expect.stringContaining('Vendor code 4'),
		});
		mock.done();
	});
});

describe('Weekdone (?token=, body client auth, redirect_uri on refresh)', () => {
	const vendor = vendors.weekdone;
	const type = 'weekdoneOAuth2Api';
	const data = { ...MOCK_CLIENT, redirectUri: N8N_CALLBACK_URL, oauthTokenData: { access_token: 'AT1', refresh_token: 'RT1', user: { id: 42 } } };

	/**
	 * The strict mock reads redirect_uri from the form body only (the doc lists it among "form-encoded post
	 * body" fields). We send it in the token URL's query: the assumption that Weekdone reads request parameters
	 * from the query too (its developer overview: the API "accepts form-encoded content and query parameters";
	 * the local sandbox does). This interceptor, registered before the mock's catch-all so it wins, checks that
	 * request and is the only place the tests relax the doc.
	 */
	function refreshWithQueryRedirect(expectedRt: string, reply: object) {
		const seen: Array<{ query: Record<string, string>; body: Record<string, string>; authorization?: string }> = [];
		nock('https://weekdone.com')
			.post('/oauth_token')
			.query(true)
			.reply(function (uri, body) {
				const query = Object.fromEntries(new URL(uri, 'https://weekdone.com').searchParams);
				const fields = Object.fromEntries(new URLSearchParams(String(body)));
				seen.push({ query, body: fields, authorization: this.req.headers.authorization as string | undefined });
				const ok =
					query.redirect_uri === N8N_CALLBACK_URL &&
					fields.grant_type === 'refresh_token' &&
					fields.refresh_token === expectedRt &&
					fields.client_id === MOCK_CLIENT.clientId &&
					fields.client_secret === MOCK_CLIENT.clientSecret &&
					this.req.headers.authorization === undefined;
				return ok ? [200, reply] : [400, { error: 'invalid_request' }];
			});
		return seen;
	}

	test('token in ?token= (n8n adds its Bearer header too; the vendor takes the query)', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, data);
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'GET', path: '/company', token: 'AT1', reply: { status: 'ok', data: { name: 'ACME' } } });
		expect(await run(engine, vendor, type, ref.id, { method: 'GET', path: '/company' })).toEqual({ status: 'ok', data: { name: 'ACME' } });
		mock.done();
		expect(new URL(mock.requests[0].url).searchParams.get('token')).toBe('AT1');
	});

	test('401 → refreshOAuth2Token (redirect_uri in the query, client in the body) → retry with the new ?token=; persisted', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, data);
		const seen = refreshWithQueryRedirect('RT1', { access_token: 'AT2' });
		const mock = strictVendorMock('weekdone')
			.expectApiCall({ method: 'GET', path: '/company', token: 'AT1', status: 401, reply: { status: 'error', message: 'Invalid or expired token' } })
			.expectApiCall({ method: 'GET', path: '/company', token: 'AT2', reply: { status: 'ok' } });
		expect(await run(engine, vendor, type, ref.id, { method: 'GET', path: '/company' })).toEqual({ status: 'ok' });
		mock.done();
		expect(seen).toHaveLength(1);
		expect(seen[0].body).toEqual({ refresh_token: 'RT1', grant_type: 'refresh_token', client_id: MOCK_CLIENT.clientId, client_secret: MOCK_CLIENT.clientSecret });
		// Weekdone answers only the new access token: the refresh token and the user object are kept
		// (token_type is the tokenType option the transport passes, recorded by n8n's token object)
		expect(oauthWrites(engine)).toEqual([{ access_token: 'AT2', refresh_token: 'RT1', user: { id: 42 }, token_type: 'Bearer' }]);
	});

	test('the same renewal works in a poll (no execution id)', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, data);
		const seen = refreshWithQueryRedirect('RT1', { access_token: 'AT2' });
		const mock = strictVendorMock('weekdone')
			.expectApiCall({ method: 'GET', path: '/items', token: 'AT1', status: 401, reply: { status: 'error' } })
			.expectApiCall({ method: 'GET', path: '/items', token: 'AT2', reply: { status: 'ok', items: [] } });
		await engine.poll(type, ref.id, async function () {
			return await vendorApiRequest.call(this, vendor, type, { method: 'GET', path: '/items' });
		});
		mock.done();
		expect(seen).toHaveLength(1);
	});

	test('a token refreshed meanwhile by another run is used without a second refresh', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, data);
		const mock = strictVendorMock('weekdone')
			.expectApiCall({ method: 'GET', path: '/company', token: 'AT1', status: 401, reply: { status: 'error' } })
			.expectApiCall({ method: 'GET', path: '/company', token: 'AT-OTHER', reply: { status: 'ok' } });
		await engine.execute(type, ref.id, async function () {
			const stale = await this.getCredentials(type);
			// another execution persisted a new token between our read and our call
			engine.credentials.stored(ref.id).oauthTokenData = { access_token: 'AT-OTHER', refresh_token: 'RT1' };
			(this as unknown as { getCredentials: () => Promise<unknown> }).getCredentials = (() => {
				let first = true;
				const original = this.getCredentials.bind(this);
				return async (t: string) => {
					if (first) {
						first = false;
						return stale;
					}
					return await original(t);
				};
			})() as never;
			return await vendorApiRequest.call(this, vendor, type, { method: 'GET', path: '/company' });
		});
		mock.done();
		expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	test('with the doc-literal mock (redirect_uri read from the body only) the refresh is refused: the assumption is load-bearing', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, data);
		const mock = strictVendorMock('weekdone')
			.expectApiCall({ method: 'GET', path: '/company', token: 'AT1', status: 401, reply: { status: 'error' } })
			.expectRefresh({ refreshToken: 'RT1', redirectUri: N8N_CALLBACK_URL });
		await expect(run(engine, vendor, type, ref.id, { method: 'GET', path: '/company' })).rejects.toMatchObject({ name: 'NodeApiError' });
		expect(mock.rejections).toEqual([expect.stringMatching(/redirect_uri is required for refresh_token/)]);
		mock.rejections.splice(0);
		expect(engine.credentials.persisted).toEqual([]);
	});
});

describe('Worktual (array token response, raw Authorization header, no refresh)', () => {
	const vendor = vendors.worktual;
	const type = 'worktualOAuth2Api';
	const arrayStored = { 0: { access_token: 'WT1' } };

	test('signs with the token at 0.access_token, raw header as documented', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, redirectUri: N8N_CALLBACK_URL, oauthTokenData: arrayStored });
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts', query: { limit: '1' }, token: 'WT1', reply: [{ id: 1 }] });
		expect(await run(engine, vendor, type, ref.id, { method: 'GET', path: '/contacts', qs: { limit: 1 } })).toEqual([{ id: 1 }]);
		mock.done();
		expect(mock.requests[0].headers.authorization).toBe('WT1');
	});

	test('Bearer when the user picks it; a plain object token (if Worktual fixes its API) still signs', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, redirectUri: N8N_CALLBACK_URL, tokenPrefix: 'Bearer ', oauthTokenData: { access_token: 'WT2' } });
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts', token: 'WT2', reply: [] });
		await run(engine, vendor, type, ref.id, { method: 'GET', path: '/contacts' });
		mock.done();
		expect(mock.requests[0].headers.authorization).toBe('Bearer WT2');
	});

	test('401 → no refresh attempt, a clear reconnect error', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, redirectUri: N8N_CALLBACK_URL, oauthTokenData: arrayStored });
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts', token: 'WT1', status: 401, reply: { message: 'Unauthorized' } });
		await expect(run(engine, vendor, type, ref.id, { method: 'GET', path: '/contacts' })).rejects.toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			message: 'Worktual (HTTP 401): Unauthorized',
			description: expect.stringContaining('cannot be refreshed: check the token, or reconnect the credential'),
		});
		mock.done();
		expect(mock.requests).toHaveLength(1);
	});
});

describe('Wordapp (Bearer + X-Api-Version, body client auth, rotation)', () => {
	const vendor = vendors.wordapp;
	const type = 'wordappOAuth2Api';

	test('401 → refresh at the token URL → retry, X-Api-Version on every call; rotated RT persisted', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: { access_token: 'WA1', refresh_token: 'WR1', token_type: 'bearer', created_at: 1 } });
		const mock = strictVendorMock('wordapp')
			.expectApiCall({ method: 'GET', path: '/me', token: 'WA1', status: 401, reply: { error: 'invalid_token' } })
			.expectRefresh({ refreshToken: 'WR1' })
			.expectApiCall({ method: 'GET', path: '/me', token: 'wordapp-access-1', reply: { email: 'a@b.c' } });
		expect(await run(engine, vendor, type, ref.id, { method: 'GET', path: '/me' })).toEqual({ email: 'a@b.c' });
		mock.done();
		for (const r of mock.requests.filter((x) => x.method === 'GET')) expect(r.headers['x-api-version']).toBe('application/vnd.wordapp-v1+json');
		// n8n always adds the client to the refresh (doc lists only grant_type + refresh_token; Doorkeeper accepts it)
		expect(mock.requests.find((r) => r.method === 'POST')!.body).toEqual({
			refresh_token: 'WR1',
			grant_type: 'refresh_token',
			client_id: MOCK_CLIENT.clientId,
			client_secret: MOCK_CLIENT.clientSecret,
		});
		expect(oauthWrites(engine)[0]).toMatchObject({ access_token: 'wordapp-access-1', refresh_token: 'wordapp-refresh-1', created_at: 1476891745 });
	});

	test('a path beside the API base (../../oauth/token/info) reaches the host root, signed', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: { access_token: 'WA1', refresh_token: 'WR1' } });
		const seen: Array<{ path: string; auth?: string; version?: string }> = [];
		nock('https://app.wordapp.com')
			.get('/oauth/token/info')
			.reply(function (path) {
				seen.push({ path, auth: this.req.headers.authorization as string, version: this.req.headers['x-api-version'] as string });
				return [200, { resource_owner_id: 7 }];
			});
		expect(await run(engine, vendor, type, ref.id, { method: 'GET', path: '../../oauth/token/info' })).toEqual({ resource_owner_id: 7 });
		expect(seen).toEqual([{ path: '/oauth/token/info', auth: 'Bearer WA1', version: 'application/vnd.wordapp-v1+json' }]);
	});

	test('JSON and form bodies', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { ...MOCK_CLIENT, oauthTokenData: { access_token: 'WA1', refresh_token: 'WR1' } });
		const mock = strictVendorMock('wordapp')
			.expectApiCall({ method: 'POST', path: '/projects', token: 'WA1', body: { name: 'x', count: 2 }, reply: { id: 1 } })
			.expectApiCall({ method: 'POST', path: '/projects', token: 'WA1', body: { name: 'y', count: '3' }, reply: { id: 2 } });
		await run(engine, vendor, type, ref.id, { method: 'POST', path: '/projects', body: { name: 'x', count: 2 } });
		await run(engine, vendor, type, ref.id, { method: 'POST', path: '/projects', body: { name: 'y', count: 3 }, bodyFormat: 'form' });
		mock.done();
		expect(mock.requests[1].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
	});
});

describe('client-credentials alternatives', () => {
	test('WebWork Tracker: first use fetches a token (Basic), persists it, signs the call; 401 re-runs the grant', async () => {
		const engine = new Engine();
		const type = 'webworkTrackerClientCredentialsOAuth2Api';
		const ref = engine.addCredential(type, { ...MOCK_CLIENT });
		const mock = strictVendorMock('webwork-tracker')
			.expectClientCredentials()
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'webwork-tracker-access-1', status: 401, reply: { success: false } })
			.expectClientCredentials()
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'webwork-tracker-access-2', reply: { success: true } });
		await run(engine, vendors['webwork-tracker'], type, ref.id, GET_WORKSPACES);
		mock.done();
		const grants = mock.requests.filter((r) => r.method === 'POST');
		expect(grants.map((g) => [g.body.grant_type, g.body.scope, g.headers.authorization?.slice(0, 6)])).toEqual([
			['client_credentials', 'read write admin', 'Basic '],
			['client_credentials', 'read write admin', 'Basic '],
		]);
		expect(oauthWrites(engine).map((d) => d.access_token)).toEqual(['webwork-tracker-access-1', 'webwork-tracker-access-2']);
	});

	test('Wordapp: client in the body, X-Api-Version on the call', async () => {
		const engine = new Engine();
		const type = 'wordappClientCredentialsOAuth2Api';
		const ref = engine.addCredential(type, { ...MOCK_CLIENT });
		const mock = strictVendorMock('wordapp').expectClientCredentials().expectApiCall({ method: 'GET', path: '/me', token: 'wordapp-access-1', reply: {} });
		await run(engine, vendors.wordapp, type, ref.id, { method: 'GET', path: '/me' });
		mock.done();
		expect(mock.requests[0].body).toMatchObject({ grant_type: 'client_credentials', client_id: MOCK_CLIENT.clientId, client_secret: MOCK_CLIENT.clientSecret });
	});
});

describe('personal tokens', () => {
	test('WebWork Tracker PAT: Bearer via authenticate, HTTP-200 success:false is an error', async () => {
		const engine = new Engine();
		const type = 'webworkTrackerPersonalAccessTokenApi';
		const ref = engine.addCredential(type, { accessToken: 'PAT1' });
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'PAT1', reply: { success: true, data: [] } })
			.expectApiCall({ method: 'GET', path: '/projects', token: 'PAT1', reply: { success: false, message: 'Workspace not selected' } });
		await run(engine, vendors['webwork-tracker'], type, ref.id, GET_WORKSPACES);
		await expect(run(engine, vendors['webwork-tracker'], type, ref.id, { method: 'GET', path: '/projects' })).rejects.toMatchObject({
			message: 'WebWork Tracker (HTTP 200): Workspace not selected',
		});
		mock.done();
	});

	test('Worktual private app token: raw header by default, Bearer on request', async () => {
		const engine = new Engine();
		const type = 'worktualPrivateAppTokenApi';
		const raw = engine.addCredential(type, { accessToken: 'PT1' }, 'raw');
		const bearer = engine.addCredential(type, { accessToken: 'PT2', tokenPrefix: 'Bearer ' }, 'bearer');
		const mock = strictVendorMock('worktual')
			.expectApiCall({ method: 'GET', path: '/contacts', token: 'PT1', reply: [] })
			.expectApiCall({ method: 'GET', path: '/contacts', token: 'PT2', reply: [] });
		await run(engine, vendors.worktual, type, raw.id, { method: 'GET', path: '/contacts' });
		await run(engine, vendors.worktual, type, bearer.id, { method: 'GET', path: '/contacts' });
		mock.done();
		expect(mock.requests.map((r) => r.headers.authorization)).toEqual(['PT1', 'Bearer PT2']);
	});

	test('an API base override from the credential (sandbox / self-hosted)', async () => {
		const engine = new Engine();
		const type = 'webworkTrackerPersonalAccessTokenApi';
		engine.credentials.overwrites[type] = { apiBaseUrl: 'https://eu.webwork.example.com/api/v2/' };
		const ref = engine.addCredential(type, { accessToken: 'PAT1' });
		const mock = strictVendorMock('webwork-tracker', { apiBase: 'https://eu.webwork.example.com/api/v2' }).expectApiCall({ method: 'GET', path: '/workspaces', token: 'PAT1', reply: { success: true } });
		await run(engine, vendors['webwork-tracker'], type, ref.id, GET_WORKSPACES);
		mock.done();
	});
});
