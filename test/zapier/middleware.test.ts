/**
 * API calls through the app's middleware for every vendor, against the strict vendor mocks: the token the
 * vendor's way (?token= / header / raw header, X-Api-Version), the auth test and label, the Zapier refresh
 * loop after a 401, early refresh of a known-expired token, 429 throttling, and vendor error messages.
 */
import nock from 'nock';

import type { VendorId } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import { folderReadme } from '../../zapier/folder-readme';
import { strictVendorMock } from '../mocks/vendor-mocks';
import { fixtureFor, type VendorTable } from '../fixtures/per-vendor';
import { expectNoSecrets, failure, harness, REDIRECT, resetEnv, runWithRefresh, VENDOR_IDS } from './harness';

const ACCOUNT_URL = 'https://acme.worksection.com';

/** A plausible answer to each vendor's cheap request, and the connection label it should give. */
const TEST_REPLY: VendorTable<{ reply: unknown; label: string }> = {
	weekdone: { reply: { status: 'ok', data: { id: 1, name: 'Acme' } }, label: 'user@example.com' }, // label from the token's `user`
	worksection: { reply: { status: 'ok', data: { id: '7', email: 'me@acme.test' } }, label: 'me@acme.test' },
	worktual: { reply: { data: [{ id: 1, name: 'A contact' }] }, label: 'api.worktual.co.uk' }, // names no account: the API host
	'webwork-tracker': { reply: { success: true, data: [{ id: 3, workspace_name: 'Acme WS' }] }, label: 'Acme WS' },
	wordapp: { reply: { id: 9, email: 'wa@example.com' }, label: 'wa@example.com' },
};

function authData(id: VendorId, accessToken: string, extra: Record<string, string> = {}): Record<string, string> {
	const data: Record<string, string> = { access_token: accessToken, refresh_token: 'refresh-0', ...extra };
	if (id === 'weekdone') data.user = JSON.stringify({ id: 42, name: 'Test User', email: 'user@example.com' });
	if (id === 'worksection') data.account_url = ACCOUNT_URL;
	if (id === 'worktual') delete data.refresh_token;
	return data;
}

beforeEach(resetEnv);

describe.each(VENDOR_IDS)('%s', (id) => {
	const testReply = fixtureFor(TEST_REPLY, 'TEST_REPLY in test/zapier/middleware.test.ts', id);
	const h = harness(id);
	const name = h.vendor.displayName;
	const { method, path, qs, fromHostRoot } = h.vendor.api.testRequest;
	// A host-root test route (Wordapp token info): the strict mock's API base moves to the host root.
	const testMock = () => strictVendorMock(id, fromHostRoot ? { apiBase: new URL(h.vendor.api.baseUrl.url).origin } : {});
	// Worksection's auth test is its documented POST /oauth2/resource (own tests below), not an API call.
	const apiTest = h.vendor.api.userInfo ? test.skip : test;
	const testCall = (token: string, extra: { status?: number; reply?: unknown } = {}) => ({
		method,
		path,
		query: qs,
		token,
		reply: testReply.reply,
		...extra,
	});

	apiTest('the auth test carries the token the vendor\'s way, and the label is identifying', async () => {
		const mock = testMock().expectApiCall(testCall('access-9'));
		const result = await h.run(h.app.authentication?.test, { authData: authData(id, 'access-9') });
		mock.done();
		expect(result).toEqual(testReply.reply);
		const label = await h.run(h.app.authentication?.connectionLabel, { authData: authData(id, 'access-9'), inputData: result });
		expect(label).toBe(testReply.label);
	});

	test('the API Request action sends method, path, query and JSON body with the token', async () => {
		const mock = strictVendorMock(id).expectApiCall({ method: 'POST', path: '/things', query: { page: '2' }, body: { name: 'x' }, token: 'access-9', reply: { id: 7 } });
		const result = await h.run(h.app.creates.api_request.operation.perform, {
			authData: authData(id, 'access-9'),
			inputData: { method: 'POST', path: '/things', query: { page: '2' }, body: '{"name":"x"}' },
		});
		mock.done();
		expect(result).toEqual({ id: 7 });
	});

	if (h.vendor.oauth2.refresh) {
		apiTest('401 → RefreshAuthError → refresh → the call is replayed with the new token', async () => {
			const mock = testMock()
				.expectApiCall(testCall('stale-access', { status: 401, reply: { message: 'Access token is expired' } }))
				.expectRefresh({ refreshToken: 'refresh-0', redirectUri: h.vendor.oauth2.refresh?.sendRedirectUri ? REDIRECT : undefined })
				.expectApiCall(testCall(`${id}-access-1`));
			const bundle = { authData: authData(id, 'stale-access') };
			const { result, refreshed } = await runWithRefresh(h, h.app.authentication?.test, bundle);
			mock.done();
			expect(refreshed).toBe(true);
			expect(result).toEqual(testReply.reply);
			expect(bundle.authData.access_token).toBe(`${id}-access-1`);
			expect(bundle.authData.refresh_token).toBe(h.vendor.oauth2.refresh?.rotatesRefreshToken ? `${id}-refresh-1` : 'refresh-0');
		});

		apiTest('a token known to be expired is refreshed before the call, without a wasted 401', async () => {
			const mock = testMock()
				.expectRefresh({ refreshToken: 'refresh-0', redirectUri: h.vendor.oauth2.refresh?.sendRedirectUri ? REDIRECT : undefined })
				.expectApiCall(testCall(`${id}-access-1`));
			const bundle = { authData: authData(id, 'old-access', { expires_at: String(Date.now() - 1000) }) };
			const { result, refreshed } = await runWithRefresh(h, h.app.authentication?.test, bundle);
			mock.done();
			expect(refreshed).toBe(true);
			expect(result).toEqual(testReply.reply);
			expect(mock.requests.map((r) => r.method)).toEqual(['POST', method]);
		});
	} else {
		apiTest('401 on a permanent token asks the user to reconnect (no refresh exists)', async () => {
			const mock = testMock().expectApiCall(testCall('revoked-access', { status: 401, reply: { message: 'Unauthorized' } }));
			const error = await failure(h.run(h.app.authentication?.test, { authData: authData(id, 'revoked-access') }));
			mock.done();
			expect(error.name).toBe('ExpiredAuthError');
			expect(error.message).toContain(name);
			expect(error.message).toContain('reconnect');
			expectNoSecrets(error, ['revoked-access']);
		});
	}

	apiTest('429 → ThrottledError with the Retry-After delay', async () => {
		const base = new URL(testMock().urls.apiBase);
		// declared before the strict mock's catch-all would see it: the strict mock cannot send Retry-After
		nock.cleanAll();
		const target = new URL(`${base.href.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`.replace(/\/+$/, ''));
		nock(base.origin).intercept(target.pathname, method).query(true).reply(429, { message: 'Too many requests' }, { 'Retry-After': '30' });
		const error = await failure(h.run(h.app.authentication?.test, { authData: authData(id, 'access-9') }));
		expect(error.name).toBe('ThrottledError');
		expect(JSON.parse(error.message)).toMatchObject({ delay: 30 });
	});

	test('another 4xx gives the vendor\'s message and status, with the token redacted', async () => {
		const mock = strictVendorMock(id).expectApiCall({ method: 'GET', path: '/things/404', token: 'access-secret-9', status: 404, reply: { message: 'Thing not found for access-secret-9' } });
		const error = await failure(h.run(async (z: { request: (o: object) => Promise<unknown> }) => z.request({ url: '/things/404' }), { authData: authData(id, 'access-secret-9') }));
		mock.done();
		const payload = JSON.parse(error.message) as { message: string; status: number };
		expect(payload.status).toBe(404);
		expect(payload.message).toContain(name);
		expect(payload.message).toContain('Thing not found');
		expectNoSecrets(error, ['access-secret-9']);
	});
});

describe('Worksection auth test: the documented POST /oauth2/resource', () => {
	const h = harness('worksection');
	const USER = { id: '11', first_name: 'John', last_name: 'Smith', email: 'john@acme.test', account_url: ACCOUNT_URL };

	test('posts client_id, client_secret and access_token as a form, without a Bearer header; the label is the e-mail', async () => {
		let seen: { body?: string; auth?: string; type?: string } = {};
		const scope = nock('https://worksection.com')
			.post('/oauth2/resource')
			.reply(function (_uri, body) {
				seen = { body: String(body), auth: this.req.headers.authorization as string | undefined, type: String(this.req.headers['content-type']) };
				return [200, USER];
			});
		const result = await h.run(h.app.authentication?.test, { authData: { access_token: 'user-token', refresh_token: 'r', account_url: ACCOUNT_URL } });
		expect(scope.isDone()).toBe(true);
		expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({ client_id: process.env.CLIENT_ID, client_secret: process.env.CLIENT_SECRET, access_token: 'user-token' });
		expect(seen.type).toContain('application/x-www-form-urlencoded');
		expect(seen.auth).toBeUndefined();
		expect(result).toEqual(USER);
		expect(await h.run(h.app.authentication?.connectionLabel, { authData: { access_token: 'user-token', account_url: ACCOUNT_URL }, inputData: result })).toBe('john@acme.test');
	});

	test('follows a TOKEN_URL override (the sandbox): /oauth2/resource beside it', async () => {
		process.env.TOKEN_URL = 'https://sandbox.example.test/worksection/oauth2/token';
		const scope = nock('https://sandbox.example.test').post('/worksection/oauth2/resource').reply(200, USER);
		await h.run(h.app.authentication?.test, { authData: { access_token: 'user-token', account_url: ACCOUNT_URL } });
		expect(scope.isDone()).toBe(true);
	});
});

describe('request details', () => {
	test('Worksection: the API Request with an empty path calls the API base with the action as query', async () => {
		const h = harness('worksection');
		const mock = strictVendorMock('worksection').expectApiCall({ method: 'GET', path: '', query: { action: 'get_projects' }, token: 't', reply: { status: 'ok', data: [{ id: 1 }] } });
		const result = await h.run(h.app.creates.api_request.operation.perform, {
			authData: { access_token: 't', account_url: ACCOUNT_URL },
			inputData: { method: 'GET', path: '', query: { action: 'get_projects' } },
		});
		mock.done();
		expect(result).toEqual({ status: 'ok', data: [{ id: 1 }] });
	});

	test('Weekdone: a form body is form-encoded, the token stays in the query', async () => {
		const h = harness('weekdone');
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'POST', path: '/item', token: 't', body: { description: 'Done it' }, reply: { status: 'ok', item: { id: 5 } } });
		await h.run(h.app.creates.api_request.operation.perform, {
			authData: { access_token: 't' },
			inputData: { method: 'POST', path: '/item', body: '{"description":"Done it"}', body_format: 'form' },
		});
		mock.done();
		expect(mock.requests[0].headers['content-type']).toContain('application/x-www-form-urlencoded');
	});

	test('a request that opts out of core\'s early 429 check gets our ThrottledError, naming the vendor (HTTP-date Retry-After)', async () => {
		const h = harness('webwork-tracker');
		const retryAt = new Date(Date.now() + 120_000).toUTCString();
		nock('https://api.webwork-tracker.com').get('/api/v2/workspaces').reply(429, { success: false, message: 'Too Many Attempts.' }, { 'Retry-After': retryAt });
		const error = await failure(
			h.run(async (z: { request: (o: object) => Promise<unknown> }) => z.request({ url: '/workspaces', throwForThrottlingEarly: false }), { authData: { access_token: 't' } }),
		);
		expect(error.name).toBe('ThrottledError');
		const payload = JSON.parse(error.message) as { message: string; delay: number };
		expect(payload.message).toContain('WebWork Tracker');
		expect(payload.delay).toBeGreaterThan(100);
		expect(payload.delay).toBeLessThanOrEqual(120);
	});

	test('a bad Body is reported, naming the vendor', async () => {
		const h = harness('wordapp');
		const error = await failure(h.run(h.app.creates.api_request.operation.perform, { authData: { access_token: 't' }, inputData: { method: 'POST', path: '/x', body: '{not json' } }));
		expect(error.message).toContain('Wordapp');
		expect(error.message).toContain('JSON');
	});
});

describe('token safety and base URLs', () => {
	test('a request to another host is refused before sending, so it never carries the token', async () => {
		const h = harness('webwork-tracker');
		const scope = nock('https://elsewhere.example.test').get('/hook').query(true).reply(200, {});
		const error = await failure(
			h.run(async (z: { request: (o: object) => Promise<unknown> }) => z.request({ url: 'https://elsewhere.example.test/hook' }), { authData: authData('webwork-tracker', 'access-9') }),
		);
		expect(error.message).toMatch(/WebWork Tracker: the request was refused before sending: the URL is not on the connection's API host/);
		expect(scope.isDone()).toBe(false);
		nock.cleanAll();
		expectNoSecrets(error, ['access-9']);
	});

	test('Weekdone: a foreign host is refused, and the API Request refuses full URLs off the API host but takes its own', async () => {
		const h = harness('weekdone');
		const scope = nock('https://elsewhere.example.test').get('/hook').query(true).reply(200, {});
		const refused = await failure(
			h.run(async (z: { request: (o: object) => Promise<unknown> }) => z.request({ url: 'https://elsewhere.example.test/hook' }), { authData: authData('weekdone', 'access-9') }),
		);
		expect(refused.message).toContain('Weekdone: the request was refused before sending');
		for (const path of ['https://elsewhere.example.test/x', 'http://api.weekdone.com/1/company', '//elsewhere.example.test/x', 'https://api.weekdone.com@elsewhere.example.test/x']) {
			const error = await failure(h.run(h.app.creates.api_request.operation.perform, { authData: authData('weekdone', 'access-9'), inputData: { method: 'GET', path } }));
			expect(error.message).toContain('Weekdone: the Path was refused before sending');
		}
		expect(scope.isDone()).toBe(false);
		nock.cleanAll();
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'GET', path: '/company', token: 'access-9', reply: { status: 'ok', data: {} } });
		await h.run(h.app.creates.api_request.operation.perform, { authData: authData('weekdone', 'access-9'), inputData: { method: 'GET', path: 'https://api.weekdone.com/1/company' } });
		mock.done();
	});

	test('Worksection calls go to the account host from the token response', async () => {
		const h = harness('worksection');
		const mock = strictVendorMock('worksection', { accountUrl: 'https://team42.worksection.com' }).expectApiCall({ method: 'GET', path: '', query: { action: 'get_projects' }, token: 't', reply: { status: 'ok', data: [] } });
		await h.run(h.app.creates.api_request.operation.perform, {
			authData: { access_token: 't', account_url: 'https://team42.worksection.com' },
			inputData: { method: 'GET', path: '', query: { action: 'get_projects' } },
		});
		mock.done();
		expect(new URL(mock.requests[0].url).host).toBe('team42.worksection.com');
	});

	test('Worksection\'s {"status":"error"} envelope sent with HTTP 200 is an error naming the vendor', async () => {
		const h = harness('worksection');
		strictVendorMock('worksection').expectApiCall({ method: 'GET', path: '', query: { action: 'get_projects' }, token: 't', reply: { status: 'error', status_code: 2, message: 'Action is invalid' } });
		const error = await failure(
			h.run(h.app.creates.api_request.operation.perform, { authData: { access_token: 't', account_url: ACCOUNT_URL }, inputData: { method: 'GET', path: '', query: { action: 'get_projects' } } }),
		);
		expect(error.message).toContain('Worksection');
		expect(error.message).toContain('Action is invalid');
	});

	test('API_BASE_URL points relative calls at a sandbox', async () => {
		process.env.API_BASE_URL = 'https://api.webwork-tracker.com/sandbox/api/v2';
		const h = harness('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker', { apiBase: process.env.API_BASE_URL }).expectApiCall({ method: 'GET', path: '/workspaces', token: 't', reply: { success: true, data: [] } });
		await h.run(h.app.authentication?.test, { authData: { access_token: 't' } });
		mock.done();
	});

	test('Wordapp: X-Api-Version is sent even on calls that bring their own Authorization', async () => {
		const h = harness('wordapp');
		const mock = strictVendorMock('wordapp').expectApiCall({ method: 'GET', path: '/me', token: 'own-token', reply: {} });
		await h.run(async (z: { request: (o: object) => Promise<unknown> }) => z.request({ url: '/me', headers: { Authorization: 'Bearer own-token' } }), { authData: authData('wordapp', 'access-9') });
		mock.done();
	});

	test('Wordapp: API_VERSION_HEADER replaces the assumed X-Api-Version value; unset, the default is sent', async () => {
		const h = harness('wordapp');
		const seen: string[] = [];
		nock('https://app.wordapp.com')
			.get('/api/v1/projects')
			.times(2)
			.reply(function (this: nock.ReplyFnContext) {
				seen.push(String(this.req.headers['x-api-version']));
				return [200, { projects: [] }];
			});
		const projects = async (z: { request: (o: object) => Promise<unknown> }) => z.request({ url: '/projects' });
		process.env.API_VERSION_HEADER = 'application/vnd.wordapp-v2+json';
		try {
			await h.run(projects, { authData: authData('wordapp', 'access-9') });
		} finally {
			delete process.env.API_VERSION_HEADER;
		}
		await h.run(projects, { authData: authData('wordapp', 'access-9') });
		expect(seen).toEqual(['application/vnd.wordapp-v2+json', 'application/vnd.wordapp-v1+json']);
	});

	test('the generated folder README documents API_VERSION_HEADER for Wordapp only', () => {
		expect(folderReadme(vendors.wordapp, 'wordapp', '0.0.0', '19.1.0')).toMatch(/\| `API_VERSION_HEADER` \| value of the `X-Api-Version` header sent on every API call \(optional; default `application\/vnd\.wordapp-v1\+json`, unconfirmed: /);
		expect(folderReadme(vendors.weekdone, 'weekdone', '0.0.0', '19.1.0')).not.toContain('API_VERSION_HEADER');
	});
});
