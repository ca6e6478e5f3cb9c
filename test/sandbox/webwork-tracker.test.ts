import { SANDBOX_CLIENTS, WEBWORK_PAT } from '../../sandbox/clients';
import { WEBWORK_MAIN_TASK_COUNT, WEBWORK_MAIN_WORKSPACE } from '../../sandbox/seed/webwork-tracker';
import { authorizeCode, basic, expire, form, redirectParams, REDIRECT, sandboxForFile, startHarness } from './helpers';
import { Receiver } from './receiver';

const { clientId, clientSecret } = SANDBOX_CLIENTS['webwork-tracker'];
const AUTHORIZE = '/webwork-tracker/oauth/authorize';
const TOKEN = '/webwork-tracker/oauth/token';
const API = '/webwork-tracker/api/v2';
const BASIC = { Authorization: basic(clientId, clientSecret) };
const UNAUTHORIZED = { success: false, message: 'Unauthorized. Please provide a valid Bearer token or Basic Auth credentials.' };

// A generous limit so only the dedicated rate-limit test ever hits it.
const h = sandboxForFile({ autoApprove: true, webworkRateLimitPerMinute: 10_000 });

function code(scope = 'read write admin'): Promise<string> {
	return authorizeCode(h.http, AUTHORIZE, { client_id: clientId, redirect_uri: REDIRECT, response_type: 'code', scope });
}

async function connect(scope?: string): Promise<{ access_token: string; refresh_token: string }> {
	const res = await h.http.post(TOKEN, form({ grant_type: 'authorization_code', code: await code(scope), redirect_uri: REDIRECT }), { headers: BASIC });
	expect(res.status).toBe(200);
	return res.data;
}

function bearer(token: string) {
	return { headers: { Authorization: `Bearer ${token}` } };
}

describe('webwork OAuth', () => {
	test('happy path: Basic client auth, API, expiry, rotating refresh', async () => {
		const res = await h.http.post(TOKEN, form({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT, client_id: clientId }), { headers: BASIC });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ token_type: 'Bearer', expires_in: 1296000 });
		const { access_token, refresh_token } = res.data;

		const workspaces = await h.http.get(`${API}/workspaces`, bearer(access_token));
		expect(workspaces.data.success).toBe(true);
		expect(workspaces.data.meta).toMatchObject({ api_version: '2.0.0', pagination: { total: 2, current_page: 1 } });

		await expire(h.http, 'webwork-tracker');
		const expired = await h.http.get(`${API}/workspaces`, bearer(access_token));
		expect(expired.status).toBe(401);
		expect(expired.data).toEqual(UNAUTHORIZED);

		const refreshed = await h.http.post(TOKEN, form({ grant_type: 'refresh_token', refresh_token }), { headers: BASIC });
		expect(refreshed.status).toBe(200);
		expect(refreshed.data.refresh_token).not.toBe(refresh_token);
		expect((await h.http.get(`${API}/workspaces`, bearer(refreshed.data.access_token))).status).toBe(200);

		const reused = await h.http.post(TOKEN, form({ grant_type: 'refresh_token', refresh_token }), { headers: BASIC });
		expect(reused.status).toBe(400);
		expect(reused.data.error).toBe('invalid_grant');
	});

	test('client credentials in the body (the doc\'s samples) are accepted as well as Basic (its configuration table)', async () => {
		const res = await h.http.post(TOKEN, form({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT, client_id: clientId, client_secret: clientSecret }));
		expect(res.status).toBe(200);
		const refresh = await h.http.post(TOKEN, form({ grant_type: 'refresh_token', refresh_token: res.data.refresh_token, client_id: clientId, client_secret: clientSecret }));
		expect(refresh.status).toBe(200);
		const wrong = await h.http.post(TOKEN, form({ grant_type: 'refresh_token', refresh_token: refresh.data.refresh_token, client_id: clientId, client_secret: 'nope' }));
		expect(wrong.status).toBe(401);
		expect(wrong.data.error).toBe('invalid_client');
		const none = await h.http.post(TOKEN, form({ grant_type: 'refresh_token', refresh_token: refresh.data.refresh_token }));
		expect(none.status).toBe(401);
		const mismatch = await h.http.post(TOKEN, form({ grant_type: 'refresh_token', refresh_token: refresh.data.refresh_token, client_id: 'someone-else' }), { headers: BASIC });
		expect(mismatch.status).toBe(401);
	});

	test('redirect_uri must match the registered one exactly', async () => {
		for (const redirect_uri of [`${REDIRECT}/`, REDIRECT.replace('5678', '5679'), REDIRECT.replace('http:', 'https:'), `${REDIRECT}?x=1`]) {
			const res = await h.http.get(AUTHORIZE, { params: { client_id: clientId, redirect_uri, response_type: 'code', scope: 'read' } });
			expect(res.status).toBe(400);
			expect(res.headers.location).toBeUndefined();
		}
	});

	test('code exchange without redirect_uri is rejected', async () => {
		const res = await h.http.post(TOKEN, form({ grant_type: 'authorization_code', code: await code() }), { headers: BASIC });
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('invalid_request');
	});

	test('client_credentials returns a token without refresh_token', async () => {
		const res = await h.http.post(TOKEN, form({ grant_type: 'client_credentials', scope: 'read' }), { headers: BASIC });
		expect(res.status).toBe(200);
		expect(res.data.refresh_token).toBeUndefined();
		expect((await h.http.get(`${API}/workspaces`, bearer(res.data.access_token))).status).toBe(200);
	});

	test('authorize: scope may be omitted (the doc does not require it); a comma-joined list is invalid', async () => {
		const none = redirectParams(await h.http.get(AUTHORIZE, { params: { client_id: clientId, redirect_uri: REDIRECT, response_type: 'code' } }));
		expect(none.get('code')).toBeTruthy();
		const comma = redirectParams(await h.http.get(AUTHORIZE, { params: { client_id: clientId, redirect_uri: REDIRECT, response_type: 'code', scope: 'read,write' } }));
		expect(comma.get('error')).toBe('invalid_scope');
	});

	test('the personal access token works as a Bearer token and is not touched by expire', async () => {
		await expire(h.http, 'webwork-tracker');
		expect((await h.http.get(`${API}/workspaces`, bearer(WEBWORK_PAT))).status).toBe(200);
		expect((await h.http.get(`${API}/workspaces`, { params: { access_token: WEBWORK_PAT } })).data).toEqual(UNAUTHORIZED);
	});

	test('scopes gate methods: read cannot POST, write cannot DELETE', async () => {
		const read = await connect('read');
		const denied = await h.http.post(`${API}/projects`, { workspace_id: WEBWORK_MAIN_WORKSPACE, name: 'x' }, bearer(read.access_token));
		expect(denied.status).toBe(403);
		expect(denied.data.success).toBe(false);
		const write = await connect('write');
		const created = await h.http.post(`${API}/projects`, { workspace_id: WEBWORK_MAIN_WORKSPACE, name: 'Scoped' }, bearer(write.access_token));
		expect(created.status).toBe(201);
		expect((await h.http.delete(`${API}/projects/${created.data.data.id}`, bearer(write.access_token))).status).toBe(403);
	});
});

describe('webwork API', () => {
	const auth = bearer(WEBWORK_PAT);

	test('tasks page with page/per_page and meta.pagination', async () => {
		const params = { workspace_id: WEBWORK_MAIN_WORKSPACE, per_page: 20 };
		const pages = await Promise.all([1, 2, 3].map((page) => h.http.get(`${API}/tasks`, { ...auth, params: { ...params, page } })));
		expect(pages.map((p) => p.data.data.length)).toEqual([20, 20, WEBWORK_MAIN_TASK_COUNT - 40]);
		expect(pages[0].data.meta.pagination).toEqual({ total: WEBWORK_MAIN_TASK_COUNT, per_page: 20, current_page: 1, last_page: 3 });
		const ids = new Set(pages.flatMap((p) => p.data.data.map((t: { id: number }) => t.id)));
		expect(ids.size).toBe(WEBWORK_MAIN_TASK_COUNT);
		const defaults = await h.http.get(`${API}/tasks`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE } });
		expect(defaults.data.meta.pagination.per_page).toBe(20);
		const capped = await h.http.get(`${API}/tasks`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE, per_page: 500 } });
		expect(capped.data.meta.pagination.per_page).toBe(100);
		const filtered = await h.http.get(`${API}/tasks`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE, status: 20, per_page: 100 } });
		expect(filtered.data.data.every((t: { status: number }) => t.status === 20)).toBe(true);
		expect((await h.http.get(`${API}/tasks`, auth)).status).toBe(400);
	});

	test('task CRUD, assignment and assignees', async () => {
		const missing = await h.http.post(`${API}/tasks`, { workspace_id: WEBWORK_MAIN_WORKSPACE, title: 'No project' }, auth);
		expect(missing.status).toBe(400);
		expect(missing.data).toMatchObject({ success: false, error: { project_id: expect.any(Array) } });
		const created = await h.http.post(`${API}/tasks`, { workspace_id: WEBWORK_MAIN_WORKSPACE, project_id: 2001, title: 'Sandbox task', priority: 10 }, auth);
		expect(created.status).toBe(201);
		const id = created.data.data.id;
		expect(created.data.data).toMatchObject({ title: 'Sandbox task', priority: 10, status: 0 });
		expect((await h.http.put(`${API}/tasks/${id}`, { status: 10 }, auth)).data.data.status).toBe(10);
		expect((await h.http.put(`${API}/tasks/${id}`, { status: 15 }, auth)).status).toBe(400);
		expect((await h.http.post(`${API}/tasks/${id}/assign/503`, {}, auth)).data.data).toEqual({ task_id: id, user_id: 503 });
		expect((await h.http.post(`${API}/tasks/${id}/assign/999`, {}, auth)).status).toBe(404);
		const assignees = await h.http.get(`${API}/tasks/${id}/assignees`, auth);
		expect(assignees.data.data.map((a: { user_id: number }) => a.user_id)).toEqual([503]);
		expect((await h.http.delete(`${API}/tasks/${id}`, auth)).status).toBe(200);
		expect((await h.http.get(`${API}/tasks/${id}`, auth)).status).toBe(404);
	});

	test('projects: list by name, get, update, delete archives', async () => {
		const list = await h.http.get(`${API}/projects`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE, name: 'portal' } });
		expect(list.data.data.map((p: { id: number }) => p.id)).toEqual([2001]);
		expect((await h.http.post(`${API}/projects`, { workspace_id: WEBWORK_MAIN_WORKSPACE }, auth)).status).toBe(400);
		expect((await h.http.get(`${API}/projects`, auth)).status).toBe(400);
		expect((await h.http.get(`${API}/projects`, { ...auth, params: { workspace_id: 4242 } })).status).toBe(404);

		expect((await h.http.get(`${API}/projects/2002`, auth)).data.data).toMatchObject({ id: 2002, name: 'Marketing site' });
		const updated = await h.http.put(`${API}/projects/2002`, { notes: 'Q3 refresh', deadline: '2030-06-30' }, auth);
		expect(updated.data.data).toMatchObject({ notes: 'Q3 refresh', deadline: '2030-06-30' });
		expect((await h.http.put(`${API}/projects/2002`, { deadline: '30.06.2030' }, auth)).status).toBe(400);
		expect((await h.http.delete(`${API}/projects/2002`, auth)).status).toBe(200);
		expect((await h.http.get(`${API}/projects/2002`, auth)).status).toBe(404);
		const remaining = await h.http.get(`${API}/projects`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE } });
		expect(remaining.data.data.map((p: { id: number }) => p.id)).not.toContain(2002);
	});

	/** The seeded day with time entries (taken from the seed, so a run across midnight cannot flake). */
	const seededDay = () => h.sandbox.state.data['webwork-tracker'].timeEntries[0].start_time.slice(0, 10);

	test('time entries need workspace_id, user_id and date', async () => {
		const today = seededDay();
		const ok = await h.http.get(`${API}/time-entries`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE, user_id: 501, date: today } });
		expect(ok.status).toBe(200);
		expect(ok.data.data).toHaveLength(2);
		expect((await h.http.get(`${API}/time-entries`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE, user_id: 501 } })).status).toBe(400);
		expect((await h.http.get(`${API}/time-entries`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE, date: today } })).status).toBe(400);
	});

	test('tracked-hours report sums minutes per day', async () => {
		const today = seededDay();
		const res = await h.http.get(`${API}/reports/tracked-hours`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE, start_date: today, end_date: today } });
		expect(res.data.data.rows).toEqual([{ user_id: 501, date: today, project_id: 2001, contract_id: 6001, minutes: 180 }]);
		const tooLong = await h.http.get(`${API}/reports/tracked-hours`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE, user_id: 501, start_date: '2030-01-01', end_date: '2030-03-01' } });
		expect(tooLong.status).toBe(400);
	});
});

describe('webwork webhooks', () => {
	const receiver = Receiver.forBlock();

	test('project and member events are delivered with X-Webhook-Token', async () => {
		const auth = bearer(WEBWORK_PAT);
		const hook = await h.http.post(`${API}/webhooks`, { workspace_id: WEBWORK_MAIN_WORKSPACE, url: `${receiver.url}/ww`, events: ['project.created', 'member.invited'] }, auth);
		expect(hook.status).toBe(201);
		expect(hook.data.data).toMatchObject({ url: `${receiver.url}/ww`, events: ['project.created', 'member.invited'], token: expect.any(String) });
		expect((await h.http.get(`${API}/webhooks`, { ...auth, params: { workspace_id: WEBWORK_MAIN_WORKSPACE } })).data.data).toHaveLength(1);

		const project = await h.http.post(`${API}/projects`, { workspace_id: WEBWORK_MAIN_WORKSPACE, name: 'Hooked project' }, auth);
		const [delivery] = await receiver.waitFor(1);
		expect(delivery.headers['x-webhook-token']).toBe(hook.data.data.token);
		expect(delivery.body).toMatchObject({ event: 'project.created', workspace_id: WEBWORK_MAIN_WORKSPACE, data: { id: project.data.data.id, name: 'Hooked project' } });

		// project.updated is not subscribed.
		await h.http.put(`${API}/projects/${project.data.data.id}`, { name: 'Renamed' }, auth);
		await h.http.post(`${API}/members`, { workspace_id: WEBWORK_MAIN_WORKSPACE, email: 'new.person@example.com', firstname: 'New' }, auth);
		await receiver.waitFor(2);
		await h.sandbox.state.webhooksSettled();
		expect(receiver.received.map((r) => (r.body as { event: string }).event)).toEqual(['project.created', 'member.invited']);

		expect((await h.http.delete(`${API}/webhooks/${hook.data.data.id}`, auth)).status).toBe(200);
		expect((await h.http.post(`${API}/webhooks`, { workspace_id: WEBWORK_MAIN_WORKSPACE, url: receiver.url, events: ['task.created'] }, auth)).status).toBe(400);
	});
});

describe('webwork rate limit', () => {
	test('answers 429 with Retry-After past the per-minute limit', async () => {
		const limited = await startHarness({ webworkRateLimitPerMinute: 3 });
		try {
			const statuses: number[] = [];
			for (let i = 0; i < 4; i++) statuses.push((await limited.http.get(`${API}/workspaces`, bearer(WEBWORK_PAT))).status);
			expect(statuses).toEqual([200, 200, 200, 429]);
			const blocked = await limited.http.get(`${API}/workspaces`, bearer(WEBWORK_PAT));
			expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
			expect(blocked.data.success).toBe(false);
			expect((await limited.http.get('/__sandbox/stats?vendor=webwork-tracker')).data.rateLimited).toBe(2);
		} finally {
			await limited.sandbox.close();
		}
	});
});
