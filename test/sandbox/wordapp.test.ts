import { SANDBOX_CLIENTS, WORDAPP_USER } from '../../sandbox/clients';
import { authorizeCode, basic, expectBasicClientAuthRefused, expire, form, redirectParams, REDIRECT, sandboxForFile, startHarness } from './helpers';

const { clientId, clientSecret } = SANDBOX_CLIENTS.wordapp;
const AUTHORIZE = '/wordapp/oauth/authorize';
const TOKEN = '/wordapp/oauth/token';
const VERSION = { 'X-Api-Version': 'application/vnd.wordapp-v1+json' };

// The doc names no URL and no API resource: every Wordapp route is an assumption (sandbox/assumptions.ts).
const WORDAPP_ASSUMPTIONS = ['wordapp-authorize-url', 'wordapp-token-url', 'wordapp-revoke-url', 'wordapp-token-info', 'wordapp-api-me', 'wordapp-api-version-value'];

const h = sandboxForFile({ autoApprove: true, assumptions: WORDAPP_ASSUMPTIONS });

function code(): Promise<string> {
	return authorizeCode(h.http, AUTHORIZE, { client_id: clientId, redirect_uri: REDIRECT, response_type: 'code' });
}

async function connect(): Promise<{ access_token: string; refresh_token: string }> {
	const res = await h.http.post(TOKEN, form({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT, client_id: clientId, client_secret: clientSecret }));
	expect(res.status).toBe(200);
	return res.data;
}

function bearer(token: string, extra: Record<string, string> = {}) {
	return { headers: { Authorization: `Bearer ${token}`, ...extra } };
}

describe('wordapp OAuth', () => {
	test('happy path: authorization code, API, expiry, rotating refresh', async () => {
		const res = await h.http.post(TOKEN, form({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT, client_id: clientId, client_secret: clientSecret }));
		expect(res.status).toBe(200);
		// The doc's sample response, field for field.
		expect(Object.keys(res.data).sort()).toEqual(['access_token', 'created_at', 'expires_in', 'refresh_token', 'scope', 'token_type']);
		expect(res.data).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: 'public', created_at: expect.any(Number) });
		const { access_token, refresh_token } = res.data;

		expect((await h.http.get('/wordapp/api/v1/me', bearer(access_token, VERSION))).data.email).toBe(WORDAPP_USER.email);
		await expire(h.http, 'wordapp');
		const expired = await h.http.get('/wordapp/oauth/token/info', bearer(access_token));
		expect(expired.status).toBe(401);
		expect(expired.data).toEqual({ error: 'invalid_token', error_description: 'The access token expired' });

		const refreshed = await h.http.post(TOKEN, form({ grant_type: 'refresh_token', refresh_token }));
		expect(refreshed.status).toBe(200);
		expect(refreshed.data.refresh_token).not.toBe(refresh_token);
		const info = await h.http.get('/wordapp/oauth/token/info', bearer(refreshed.data.access_token));
		expect(info.data).toMatchObject({ resource_owner_id: 42, scope: ['public'], application: { uid: clientId } });
		expect(info.data.expires_in).toBeGreaterThan(7000);

		const reused = await h.http.post(TOKEN, form({ grant_type: 'refresh_token', refresh_token }));
		expect(reused.status).toBe(400);
		expect(reused.data.error).toBe('invalid_grant');
	});

	test('client credentials in a Basic header are refused: the doc lists client_id and client_secret as form fields', async () => {
		await expectBasicClientAuthRefused(h.http, TOKEN, { grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT }, { clientId, clientSecret });
		const cc = await h.http.post(TOKEN, form({ grant_type: 'client_credentials' }), { headers: { Authorization: basic(clientId, clientSecret) } });
		expect(cc.status).toBe(401);
		const refresh = await h.http.post(TOKEN, form({ grant_type: 'refresh_token', refresh_token: (await connect()).refresh_token }), { headers: { Authorization: basic(clientId, clientSecret) } });
		expect(refresh.status).toBe(401);
	});

	test('code exchange without redirect_uri or with a wrong secret is rejected', async () => {
		const noRedirect = await h.http.post(TOKEN, form({ grant_type: 'authorization_code', code: await code(), client_id: clientId, client_secret: clientSecret }));
		expect(noRedirect.status).toBe(400);
		expect(noRedirect.data.error).toBe('invalid_request');
		const wrongSecret = await h.http.post(TOKEN, form({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT, client_id: clientId, client_secret: 'x' }));
		expect(wrongSecret.status).toBe(401);
		expect(wrongSecret.data.error).toBe('invalid_client');
	});

	test('password grant by e-mail or username; wrong password is invalid_grant', async () => {
		const byEmail = await h.http.post(TOKEN, form({ grant_type: 'password', username: WORDAPP_USER.email, password: WORDAPP_USER.password }));
		expect(byEmail.status).toBe(200);
		expect(byEmail.data.refresh_token).toBeTruthy();
		const byName = await h.http.post(TOKEN, form({ grant_type: 'password', username: WORDAPP_USER.username, password: WORDAPP_USER.password }));
		expect(byName.status).toBe(200);
		const wrong = await h.http.post(TOKEN, form({ grant_type: 'password', username: WORDAPP_USER.email, password: 'guess' }));
		expect(wrong.status).toBe(400);
		expect(wrong.data.error).toBe('invalid_grant');
		const wrongClient = await h.http.post(TOKEN, form({ grant_type: 'password', username: WORDAPP_USER.email, password: WORDAPP_USER.password, client_id: clientId, client_secret: 'x' }));
		expect(wrongClient.status).toBe(401);
	});

	test('client_credentials gives an app token without refresh_token or resource owner', async () => {
		const res = await h.http.post(TOKEN, form({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }));
		expect(res.status).toBe(200);
		expect(res.data.refresh_token).toBeUndefined();
		expect((await h.http.get('/wordapp/oauth/token/info', bearer(res.data.access_token))).data.resource_owner_id).toBeNull();
		expect((await h.http.post(TOKEN, form({ grant_type: 'client_credentials' }))).status).toBe(401);
	});

	test('a subsequent flow invalidates the previous token', async () => {
		const first = await connect();
		const second = await connect();
		expect((await h.http.get('/wordapp/oauth/token/info', bearer(first.access_token))).status).toBe(401);
		expect((await h.http.get('/wordapp/oauth/token/info', bearer(second.access_token))).status).toBe(200);
	});

	test('revoke needs an Authorization header; the revoked token then gets 401', async () => {
		const { access_token } = await connect();
		const anonymous = await h.http.post('/wordapp/oauth/revoke', form({ token: access_token }));
		expect(anonymous.status).toBe(403);
		expect((await h.http.get('/wordapp/oauth/token/info', bearer(access_token))).status).toBe(200);

		const revoked = await h.http.post('/wordapp/oauth/revoke', form({ token: access_token }), bearer(access_token));
		expect(revoked.status).toBe(200);
		expect(revoked.data).toEqual({});
		const after = await h.http.get('/wordapp/api/v1/me', bearer(access_token, VERSION));
		expect(after.status).toBe(401);
		expect(after.data.error_description).toBe('The access token was revoked');
	});

	test('unknown scope at authorize is sent back as invalid_scope', async () => {
		const params = redirectParams(await h.http.get(AUTHORIZE, { params: { client_id: clientId, redirect_uri: REDIRECT, response_type: 'code', scope: 'admin', state: 'q' } }));
		expect(params.get('error')).toBe('invalid_scope');
		expect(params.get('state')).toBe('q');
	});
});

describe('wordapp API', () => {
	test('X-Api-Version is required; its value is accepted only under wordapp-api-version-value', async () => {
		const { access_token } = await connect();
		const missing = await h.http.get('/wordapp/api/v1/me', bearer(access_token));
		expect(missing.status).toBe(400);
		expect(missing.data.error_description).toMatch(/X-Api-Version/);
		const wrong = await h.http.get('/wordapp/api/v1/me', bearer(access_token, { 'X-Api-Version': 'application/vnd.wordapp-v2+json' }));
		expect(wrong.status).toBe(400);
		const ok = await h.http.get('/wordapp/api/v1/me', bearer(access_token, VERSION));
		expect(ok.data).toEqual({ id: 42, username: WORDAPP_USER.username, email: WORDAPP_USER.email, name: 'Sandy Box' });
		expect((await h.http.get('/wordapp/api/v1/me', { headers: VERSION })).status).toBe(401);
		await h.http.post('/__sandbox/assumptions?disable=wordapp-api-version-value');
		try {
			expect((await h.http.get('/wordapp/api/v1/me', bearer(access_token, VERSION))).status).toBe(400);
		} finally {
			await h.http.post('/__sandbox/assumptions?enable=wordapp-api-version-value');
		}
	});
});

describe('wordapp doc-strict rules (no assumption switched on)', () => {
	test('no Wordapp URL is documented: every route is 404 until its assumption is on, and use is recorded', async () => {
		const strict = await startHarness({ autoApprove: true });
		try {
			const routes: [string, string, string][] = [
				['get', AUTHORIZE, 'wordapp-authorize-url'],
				['post', TOKEN, 'wordapp-token-url'],
				['post', '/wordapp/oauth/revoke', 'wordapp-revoke-url'],
				['get', '/wordapp/oauth/token/info', 'wordapp-token-info'],
				['get', '/wordapp/api/v1/me', 'wordapp-api-me'],
			];
			for (const [method, path, name] of routes) {
				const res = await strict.http.request({ method, url: path });
				expect(res.status).toBe(404);
				expect(res.data.message).toContain(name);
			}
			expect((await strict.http.get('/__sandbox/assumptions')).data.exercised).toEqual({});
			await strict.http.post(`/__sandbox/assumptions?enable=wordapp-token-url`);
			const password = await strict.http.post(TOKEN, form({ grant_type: 'password', username: WORDAPP_USER.email, password: WORDAPP_USER.password }));
			expect(password.status).toBe(200);
			expect((await strict.http.get('/__sandbox/assumptions')).data.exercised).toEqual({ 'wordapp-token-url': { count: 1, first: `POST ${TOKEN}` } });
			expect((await strict.http.post('/__sandbox/assumptions?enable=no-such-switch')).status).toBe(400);
		} finally {
			await strict.sandbox.close();
		}
	});
});

describe('wordapp consent memory', () => {
	test('after one approval the consent screen is skipped for that client', async () => {
		const manual = await startHarness({ assumptions: WORDAPP_ASSUMPTIONS });
		try {
			const query = { client_id: clientId, redirect_uri: REDIRECT, response_type: 'code' };
			const first = await manual.http.get(AUTHORIZE, { params: query });
			expect(first.status).toBe(200);
			expect(first.data).toMatch(/Wordapp/);
			const approved = await manual.http.post(`${AUTHORIZE}?${new URLSearchParams(query)}`, form({ decision: 'approve' }));
			expect(redirectParams(approved).get('code')).toBeTruthy();
			const second = await manual.http.get(AUTHORIZE, { params: query });
			expect(redirectParams(second).get('code')).toBeTruthy();
		} finally {
			await manual.sandbox.close();
		}
	});
});
