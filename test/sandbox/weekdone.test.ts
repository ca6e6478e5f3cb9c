import { SANDBOX_CLIENTS } from '../../sandbox/clients';
import { authorizeCode, expectBasicClientAuthRefused, expire, form, redirectParams, REDIRECT, sandboxForFile } from './helpers';

const { clientId, clientSecret } = SANDBOX_CLIENTS.weekdone;
const AUTHORIZE = '/weekdone/oauth_authorize';
const TOKEN = '/weekdone/oauth_token';
const API = '/weekdone/api/1';

const h = sandboxForFile({ autoApprove: true });

function code(redirectUri = REDIRECT): Promise<string> {
	return authorizeCode(h.http, AUTHORIZE, { client_id: clientId, redirect_uri: redirectUri, response_type: 'code' });
}

function exchange(fields: Record<string, string>) {
	return h.http.post(TOKEN, form(fields));
}

async function connect(): Promise<{ access_token: string; refresh_token: string }> {
	const res = await exchange({ code: await code(), grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret, redirect_uri: REDIRECT });
	expect(res.status).toBe(200);
	return res.data;
}

describe('weekdone OAuth', () => {
	test('happy path: code, token with user, API, expiry, refresh without rotation', async () => {
		const res = await exchange({ code: await code(), grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret, redirect_uri: REDIRECT });
		expect(res.status).toBe(200);
		// Exactly the fields the doc lists: access_token, refresh_token, user (no token_type, no expires_in).
		expect(Object.keys(res.data).sort()).toEqual(['access_token', 'refresh_token', 'user']);
		expect(res.data.user).toEqual({ id: 101, name: 'Sandy Box', email: 'sandbox@example.com' });
		const { access_token, refresh_token } = res.data;

		expect((await h.http.get(`${API}/items`, { params: { token: access_token } })).data.status).toBe('ok');
		expect(await expire(h.http, 'weekdone')).toBeGreaterThan(0);
		const expired = await h.http.get(`${API}/items`, { params: { token: access_token } });
		expect(expired.status).toBe(401);
		// Errors are JSON ("including errors") but no shape is documented: {} unless weekdone-api-401-body is on.
		expect(expired.data).toEqual({});
		await h.http.post('/__sandbox/assumptions?enable=weekdone-api-401-body');
		try {
			const described = await h.http.get(`${API}/items`, { params: { token: access_token } });
			expect(described.data).toMatchObject({ status: 'error', error: 'invalid_token', message: expect.stringMatching(/expired/) });
		} finally {
			await h.http.post('/__sandbox/assumptions?disable=weekdone-api-401-body');
		}

		const refreshed = await exchange({ refresh_token, grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, redirect_uri: REDIRECT });
		expect(refreshed.status).toBe(200);
		expect(refreshed.data.access_token).not.toBe(access_token);
		// "Response will be the new access_token": nothing else.
		expect(Object.keys(refreshed.data)).toEqual(['access_token']);
		expect((await h.http.get(`${API}/user`, { params: { token: refreshed.data.access_token } })).data.user.id).toBe(101);
		// No rotation: the same refresh token keeps working.
		const again = await exchange({ refresh_token, grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, redirect_uri: REDIRECT });
		expect(again.status).toBe(200);
	});

	test('refresh without redirect_uri is rejected', async () => {
		const { refresh_token } = await connect();
		const res = await exchange({ refresh_token, grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret });
		expect(res.status).toBe(400);
		expect(res.data).toMatchObject({ error: 'invalid_request' });
		expect(res.data.error_description).toMatch(/redirect_uri/);
	});

	test('refresh with a different redirect_uri is rejected', async () => {
		const { refresh_token } = await connect();
		const res = await exchange({ refresh_token, grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, redirect_uri: 'http://127.0.0.1:5678/other' });
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('invalid_grant');
	});

	test('token parameters in the query string are not read ("form-encoded post body") unless weekdone-token-query is on', async () => {
		const params = { code: await code(), grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret, redirect_uri: REDIRECT };
		const res = await h.http.post(TOKEN, '', { params });
		expect(res.status).toBe(400);
		expect(res.data.error_description).toMatch(/query string is not read/);
		// The n8n refresh shape: everything in the body except redirect_uri, which rides in the query.
		const { refresh_token } = await connect();
		const refreshBody = form({ refresh_token, grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret });
		const strictRefresh = await h.http.post(TOKEN, refreshBody, { params: { redirect_uri: REDIRECT } });
		expect(strictRefresh.status).toBe(400);
		expect(strictRefresh.data.error_description).toMatch(/redirect_uri/);

		await h.http.post('/__sandbox/assumptions?enable=weekdone-token-query');
		try {
			expect((await h.http.post(TOKEN, refreshBody, { params: { redirect_uri: REDIRECT } })).status).toBe(200);
			const viaQuery = await h.http.post(TOKEN, '', { params: { ...params, code: await code() } });
			expect(viaQuery.status).toBe(200);
			const report = (await h.http.get('/__sandbox/assumptions')).data;
			expect(report.exercised['weekdone-token-query']).toEqual({ count: 2, first: `POST ${TOKEN}` });
		} finally {
			await h.http.post('/__sandbox/assumptions?disable=weekdone-token-query');
		}
	});

	test('code exchange without redirect_uri is rejected', async () => {
		const res = await exchange({ code: await code(), grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret });
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('invalid_request');
	});

	test('code exchange with a different redirect_uri is rejected', async () => {
		const res = await exchange({ code: await code(), grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret, redirect_uri: 'http://127.0.0.1:5678/elsewhere' });
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('invalid_grant');
	});

	test('client credentials in a Basic header instead of the body are rejected', async () => {
		await expectBasicClientAuthRefused(h.http, TOKEN, { code: await code(), grant_type: 'authorization_code', redirect_uri: REDIRECT }, { clientId, clientSecret });
	});

	test('a wrong client secret is rejected', async () => {
		const res = await exchange({ code: await code(), grant_type: 'authorization_code', client_id: clientId, client_secret: 'nope', redirect_uri: REDIRECT });
		expect(res.status).toBe(401);
		expect(res.data.error).toBe('invalid_client');
	});

	test('codes are single use', async () => {
		const c = await code();
		const fields = { code: c, grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret, redirect_uri: REDIRECT };
		expect((await exchange(fields)).status).toBe(200);
		const second = await exchange(fields);
		expect(second.status).toBe(400);
		expect(second.data.error).toBe('invalid_grant');
	});

	test('unknown grant_type is rejected', async () => {
		const res = await exchange({ grant_type: 'password', client_id: clientId, client_secret: clientSecret });
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('unsupported_grant_type');
	});

	test('authorize: unknown client and unregistered redirect_uri get a plain-text page, not a redirect', async () => {
		const unknown = await h.http.get(AUTHORIZE, { params: { client_id: 'someone-else', redirect_uri: REDIRECT, response_type: 'code' } });
		expect(unknown.status).toBe(400);
		expect(unknown.headers['content-type']).toMatch(/text\/plain/);
		const badRedirect = await h.http.get(AUTHORIZE, { params: { client_id: clientId, redirect_uri: 'https://evil.example/cb', response_type: 'code' } });
		expect(badRedirect.status).toBe(400);
		expect(badRedirect.headers.location).toBeUndefined();
		const missing = await h.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code' } });
		expect(missing.status).toBe(400);
	});

	test('authorize: other errors go back to the redirect_uri with the state', async () => {
		const res = await h.http.get(AUTHORIZE, { params: { client_id: clientId, redirect_uri: REDIRECT, state: 's-1' } });
		const params = redirectParams(res);
		expect(params.get('error')).toBe('invalid_request');
		expect(params.get('state')).toBe('s-1');
		const wrongType = redirectParams(await h.http.get(AUTHORIZE, { params: { client_id: clientId, redirect_uri: REDIRECT, response_type: 'token' } }));
		expect(wrongType.get('error')).toBe('unsupported_response_type');
	});
});

describe('weekdone API', () => {
	let token: string;
	beforeAll(async () => {
		token = (await connect()).access_token;
	});

	test('the token must be in the query: a Bearer header alone is 401', async () => {
		const res = await h.http.get(`${API}/teams`, { headers: { Authorization: `Bearer ${token}` } });
		expect(res.status).toBe(401);
		const ok = await h.http.get(`${API}/teams`, { params: { token } });
		expect(ok.data).toMatchObject({ status: 'ok', teams: expect.arrayContaining([expect.objectContaining({ id: 11 })]) });
	});

	test('items: create (JSON and form), filter, update, assign, comment, delete', async () => {
		const created = await h.http.post(`${API}/item`, { description: 'Write tests', type_id: 2, priority: 1 }, { params: { token } });
		expect(created.data.status).toBe('ok');
		const item = created.data.item;
		expect(item).toMatchObject({ description: 'Write tests', type_id: 2, user_id: 101, priority: 1 });
		expect(item.period).toMatch(/^\d{6}$/);

		const viaForm = await h.http.post(`${API}/item`, form({ description: 'Form item', type_id: '1' }), { params: { token } });
		expect(viaForm.data.item.description).toBe('Form item');

		const missing = await h.http.post(`${API}/item`, { type_id: 2 }, { params: { token } });
		expect(missing.status).toBe(400);
		expect(missing.data.status).toBe('error');

		const mine = await h.http.get(`${API}/items`, { params: { token, user_id: 'me', period: item.period } });
		expect(mine.data.items.map((i: { id: number }) => i.id)).toContain(item.id);
		const otherTeam = await h.http.get(`${API}/items`, { params: { token, team_id: 12 } });
		expect(otherTeam.data.items.every((i: { team_id: number }) => i.team_id === 12)).toBe(true);

		const patched = await h.http.patch(`${API}/item/${item.id}`, { description: 'Write more tests', due_on: '2030-01-31' }, { params: { token } });
		expect(patched.data.item).toMatchObject({ description: 'Write more tests', due_on: '2030-01-31' });
		const typeChangeWithoutPeriod = await h.http.patch(`${API}/item/${item.id}`, { type_id: 1 }, { params: { token } });
		expect(typeChangeWithoutPeriod.status).toBe(400);

		const assigned = await h.http.patch(`${API}/item/${item.id}/assign`, { user_id: 103 }, { params: { token } });
		expect(assigned.data.item).toMatchObject({ user_id: 103, team_id: 12 });

		const comment = await h.http.post(`${API}/item/${item.id}/comments`, { comment: 'Nice' }, { params: { token } });
		expect(comment.data.comment.comment).toBe('Nice');
		const comments = await h.http.get(`${API}/item/${item.id}/comments`, { params: { token } });
		expect(comments.data.comments).toHaveLength(1);

		expect((await h.http.delete(`${API}/item/${item.id}`, { params: { token } })).data.status).toBe('ok');
		expect((await h.http.delete(`${API}/item/${item.id}`, { params: { token } })).status).toBe(404);
	});

	test('objectives and key results', async () => {
		const list = await h.http.get(`${API}/objective`, { params: { token, type: 'company' } });
		expect(list.data.status).toBe('ok');
		expect(list.data.data.every((o: { type: string }) => o.type === 'company')).toBe(true);

		const created = await h.http.post(`${API}/objective`, { description: 'Ship v1', type: 'user' }, { params: { token } });
		const objective = created.data.data;
		expect(objective).toMatchObject({ description: 'Ship v1', type: 'user', user_id: 101 });
		expect((await h.http.post(`${API}/objective`, { description: 'x', type: 'galaxy' }, { params: { token } })).status).toBe(400);

		const result = await h.http.post(`${API}/objective/${objective.id}/result`, { description: 'Docs done' }, { params: { token } });
		const rid = result.data.data.id;
		const updated = await h.http.patch(`${API}/objective/${objective.id}/result/${rid}`, { progress: 80 }, { params: { token } });
		expect(updated.data.data.progress).toBe(80);
		const after = await h.http.get(`${API}/objective`, { params: { token, user_id: 101 } });
		expect(after.data.data.find((o: { id: number }) => o.id === objective.id).progress).toBe(80);

		expect((await h.http.patch(`${API}/objective/${objective.id}`, { description: 'Ship v1.1' }, { params: { token } })).data.data.description).toBe('Ship v1.1');
		expect((await h.http.delete(`${API}/objective/${objective.id}`, { params: { token } })).data.status).toBe('ok');
	});

	test('lookups: users, types, company, user', async () => {
		expect((await h.http.get(`${API}/users`, { params: { token } })).data.users).toHaveLength(3);
		expect((await h.http.get(`${API}/types`, { params: { token } })).data.types.map((t: { id: number }) => t.id)).toEqual([0, 1, 2, 3]);
		expect((await h.http.get(`${API}/company`, { params: { token } })).data.data.name).toBe('Sandbox Company');
		expect((await h.http.get(`${API}/user`, { params: { token } })).data.user.email).toBe('sandbox@example.com');
	});
});
