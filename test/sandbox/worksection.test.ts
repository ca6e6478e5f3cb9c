import { createHash } from 'node:crypto';
import { SANDBOX_CLIENTS, WORKSECTION_ADMIN_KEY } from '../../sandbox/clients';
import { authorizeCode, basic, expectBasicClientAuthRefused, expire, form, redirectParams, REDIRECT, sandboxForFile, startHarness, type Harness } from './helpers';
import { Receiver } from './receiver';

const { clientId, clientSecret } = SANDBOX_CLIENTS.worksection;
const AUTHORIZE = '/worksection/oauth2/authorize';
const ALL_SCOPES = 'projects_read,projects_write,tasks_read,tasks_write,comments_read,comments_write,costs_read,costs_write,users_read';

// "The URI must meet the requirements of the OAuth2 standard and use the HTTPS protocol."
const HTTPS_REDIRECT = 'https://app.example.test/oauth/callback';

// `me` and scope-less events/webhooks are assumptions (sandbox/assumptions.ts); the doc-strict rules
// describe below runs without them.
const h = sandboxForFile({ autoApprove: true, redirectUris: [HTTPS_REDIRECT, REDIRECT], assumptions: ['worksection-action-me', 'worksection-unscoped-actions'] });

function code(scope = ALL_SCOPES, harness = h): Promise<string> {
	return authorizeCode(harness.http, AUTHORIZE, { client_id: clientId, response_type: 'code', redirect_uri: HTTPS_REDIRECT, state: 'st', scope });
}

async function connect(scope = ALL_SCOPES): Promise<{ access_token: string; refresh_token: string; account_url: string }> {
	const res = await h.http.post(
		'/worksection/oauth2/token',
		form({ client_id: clientId, client_secret: clientSecret, grant_type: 'authorization_code', code: await code(scope), redirect_uri: HTTPS_REDIRECT }),
	);
	expect(res.status).toBe(200);
	return res.data;
}

function refresh(refreshToken: string) {
	return h.http.post('/worksection/oauth2/refresh', form({ client_id: clientId, client_secret: clientSecret, grant_type: 'refresh_token', refresh_token: refreshToken }));
}

/** Calls ${account_url}/api/oauth2?action=... with a Bearer header. */
function api(accountUrl: string, token: string, action: string, params: Record<string, string | number> = {}) {
	return h.http.get(`${accountUrl}/api/oauth2`, { params: { action, ...params }, headers: { Authorization: `Bearer ${token}` } });
}

describe('worksection OAuth', () => {
	test('happy path: token with account_url, API, expiry, rotating refresh at /oauth2/refresh', async () => {
		const res = await h.http.post(
			'/worksection/oauth2/token',
			form({ client_id: clientId, client_secret: clientSecret, grant_type: 'authorization_code', code: await code(), redirect_uri: HTTPS_REDIRECT }),
		);
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ token_type: 'bearer', expires_in: 86400, account_url: `${h.sandbox.url}/worksection/account` });
		const { access_token, refresh_token, account_url } = res.data;

		const projects = await api(account_url, access_token, 'get_projects');
		expect(projects.data.status).toBe('ok');
		expect(projects.data.data.length).toBeGreaterThan(0);

		await expire(h.http, 'worksection');
		const expired = await api(account_url, access_token, 'get_projects');
		expect(expired.status).toBe(401);
		expect(expired.data).toMatchObject({ status: 'error', message: 'Access token is expired' });

		const rotated = await refresh(refresh_token);
		expect(rotated.status).toBe(200);
		expect(rotated.data.account_url).toBe(account_url);
		expect(rotated.data.refresh_token).not.toBe(refresh_token);
		expect((await api(account_url, rotated.data.access_token, 'get_projects')).data.status).toBe('ok');

		const reused = await refresh(refresh_token);
		expect(reused.status).toBe(400);
		expect(reused.data.error).toBe('invalid_grant');
	});

	test('refresh invalidates the previous access token too', async () => {
		const first = await connect();
		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect((await api(first.account_url, first.access_token, 'me')).status).toBe(401);
		expect((await api(first.account_url, second.data.access_token, 'me')).data.data.email).toBe('sandbox@example.com');
	});

	test('grant_type=refresh_token at /oauth2/token is rejected', async () => {
		const { refresh_token } = await connect();
		const res = await h.http.post('/worksection/oauth2/token', form({ client_id: clientId, client_secret: clientSecret, grant_type: 'refresh_token', refresh_token }));
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('unsupported_grant_type');
		expect(res.data.errorDescription).toMatch(/oauth2\/refresh/);
		// The refresh token was not consumed by the rejected call.
		expect((await refresh(refresh_token)).status).toBe(200);
	});

	test('/oauth2/refresh needs grant_type=refresh_token', async () => {
		const { refresh_token } = await connect();
		const res = await h.http.post('/worksection/oauth2/refresh', form({ client_id: clientId, client_secret: clientSecret, refresh_token }));
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('invalid_request');
	});

	test('code exchange without redirect_uri is rejected', async () => {
		const res = await h.http.post('/worksection/oauth2/token', form({ client_id: clientId, client_secret: clientSecret, grant_type: 'authorization_code', code: await code() }));
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('invalid_request');
	});

	test('Basic client authentication alone is rejected', async () => {
		await expectBasicClientAuthRefused(h.http, '/worksection/oauth2/token', { grant_type: 'authorization_code', code: await code(), redirect_uri: HTTPS_REDIRECT }, { clientId, clientSecret });
	});

	test('authorize requires state and scope from the documented list', async () => {
		const noState = redirectParams(await h.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code', redirect_uri: HTTPS_REDIRECT, scope: 'tasks_read' } }));
		expect(noState.get('error')).toBe('invalid_request');
		const noScope = redirectParams(await h.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code', redirect_uri: HTTPS_REDIRECT, state: 's' } }));
		expect(noScope.get('error')).toBe('invalid_request');
		const badScope = redirectParams(await h.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code', redirect_uri: HTTPS_REDIRECT, state: 's', scope: 'tasks_read everything' } }));
		expect(badScope.get('error')).toBe('invalid_scope');
		expect(badScope.get('state')).toBe('s');
		const spaceSeparated = redirectParams(await h.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code', redirect_uri: HTTPS_REDIRECT, state: 's', scope: 'tasks_read users_read' } }));
		expect(spaceSeparated.get('code')).toBeTruthy();
	});

	test('/oauth2/resource returns the user and account_url', async () => {
		const { access_token } = await connect();
		const res = await h.http.post('/worksection/oauth2/resource', form({ client_id: clientId, client_secret: clientSecret, access_token }));
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ id: '11', first_name: 'Sandy', last_name: 'Box', email: 'sandbox@example.com', account_url: `${h.sandbox.url}/worksection/account` });
	});

	test('scopes are enforced per action', async () => {
		const { access_token, account_url } = await connect('tasks_read');
		expect((await api(account_url, access_token, 'get_all_tasks')).data.status).toBe('ok');
		const denied = await api(account_url, access_token, 'post_task', { id_project: 193, title: 'nope' });
		expect(denied.status).toBe(403);
		expect(denied.data.status).toBe('error');
	});
});

describe('worksection API', () => {
	let token: string;
	let account: string;
	beforeAll(async () => {
		({ access_token: token, account_url: account } = await connect());
	});

	test('access_token may be a parameter instead of a header; JSON and form bodies work', async () => {
		const viaQuery = await h.http.get(`${account}/api/oauth2`, { params: { action: 'get_users', access_token: token } });
		expect(viaQuery.data.status).toBe('ok');
		const viaJson = await h.http.post(`${account}/api/oauth2?action=get_project&access_token=${token}`, { id_project: 193 });
		expect(viaJson.data.data).toMatchObject({ id: 193, page: '/project/193/' });
		const viaForm = await h.http.post(`${account}/api/oauth2`, form({ action: 'get_project', id_project: '194', access_token: token }));
		expect(viaForm.data.data.id).toBe(194);
		expect((await h.http.get(`${account}/api/oauth2`, { params: { action: 'get_users' } })).status).toBe(401);
	});

	test('projects: create, update, close, activate, filter', async () => {
		const created = await api(account, token, 'post_project', { title: 'Sandbox launch', datestart: '01.02.2030' });
		expect(created.data.status).toBe('ok');
		const id = created.data.data.id;
		expect(created.data.data.date_start).toBe('2030-02-01');
		expect((await api(account, token, 'post_project', {})).data).toMatchObject({ status: 'error' });
		expect((await api(account, token, 'post_project', { title: 'x', datestart: '2030-02-01' })).data.status).toBe('error');

		expect((await api(account, token, 'update_project', { id_project: id, title: 'Renamed' })).data.data.name).toBe('Renamed');
		expect((await api(account, token, 'close_project', { id_project: id })).data.status).toBe('ok');
		const archived = await api(account, token, 'get_projects', { filter: 'archived' });
		expect(archived.data.data.map((p: { id: number }) => p.id)).toContain(id);
		await api(account, token, 'activate_project', { id_project: id });
		const active = await api(account, token, 'get_projects', { filter: 'active' });
		expect(active.data.data.map((p: { id: number }) => p.id)).toContain(id);
	});

	test('tasks: create, get, update, complete, reopen, search, comments, costs', async () => {
		const created = await api(account, token, 'post_task', { id_project: 193, title: 'Sandbox task', text: 'body', email_user_to: 'lena@example.com', priority: 5, dateend: '31.12.2030' });
		expect(created.data.status).toBe('ok');
		const task = created.data.data;
		expect(task).toMatchObject({ name: 'Sandbox task', status: 'active', priority: '5', date_end: '2030-12-31', user_to: { email: 'lena@example.com' } });
		expect((await api(account, token, 'post_task', { title: 'no project' })).data.status).toBe('error');
		expect((await api(account, token, 'post_task', { id_project: 193, title: 't', email_user_to: 'ghost@example.com' })).data.status).toBe('error');

		expect((await api(account, token, 'get_task', { id_task: task.id, extra: 'text' })).data.data.text).toBe('body');
		expect((await api(account, token, 'get_tasks', { id_project: 193 })).data.data.map((t: { id: number }) => t.id)).toContain(task.id);
		expect((await api(account, token, 'update_task', { id_task: task.id, title: 'Renamed task' })).data.data.name).toBe('Renamed task');

		expect((await api(account, token, 'complete_task', { id_task: task.id })).data.status).toBe('ok');
		expect((await api(account, token, 'get_task', { id_task: task.id })).data.data.status).toBe('done');
		const activeOnly = await api(account, token, 'get_tasks', { id_project: 193, filter: 'active' });
		expect(activeOnly.data.data.map((t: { id: number }) => t.id)).not.toContain(task.id);
		await api(account, token, 'reopen_task', { id_task: task.id });
		expect((await api(account, token, 'get_task', { id_task: task.id })).data.data.status).toBe('active');

		expect((await api(account, token, 'search_tasks', {})).data.status).toBe('error');
		const found = await api(account, token, 'search_tasks', { filter: "name has 'renamed'" });
		expect(found.data.data.map((t: { id: number }) => t.id)).toEqual([task.id]);
		const byAssignee = await api(account, token, 'search_tasks', { email_user_to: 'lena@example.com' });
		expect(byAssignee.data.data.every((t: { user_to: { email: string } }) => t.user_to.email === 'lena@example.com')).toBe(true);

		expect((await api(account, token, 'post_comment', { id_task: task.id, text: 'Looks fine' })).data.data.text).toBe('Looks fine');
		expect((await api(account, token, 'get_comments', { id_task: task.id })).data.data).toHaveLength(1);

		const cost = await api(account, token, 'add_costs', { id_task: task.id, time: '1:15', comment: 'review', date: '02.01.2030' });
		expect(cost.data).toMatchObject({ status: 'ok', id: expect.any(Number) });
		const costs = await api(account, token, 'get_costs', { id_task: task.id });
		expect(costs.data.data[0]).toMatchObject({ time: '1:15', date: '2030-01-02' });
	});

	test('get_events returns recent changes newest first and respects the period', async () => {
		await api(account, token, 'post_task', { id_project: 194, title: 'Evented task' });
		const recent = await api(account, token, 'get_events', { period: '1h' });
		expect(recent.data.status).toBe('ok');
		expect(recent.data.data[0]).toMatchObject({ action: 'post', object: { type: 'task' }, new: { name: 'Evented task' } });
		// The seeded 10-day-old event is outside 1h but inside 30d.
		expect(recent.data.data.some((e: { object: { id: number } }) => e.object.id === 13036)).toBe(false);
		const month = await api(account, token, 'get_events', { period: '30d' });
		expect(month.data.data.some((e: { object: { id: number } }) => e.object.id === 13036)).toBe(true);
		expect((await api(account, token, 'get_events', {})).data.status).toBe('error');
	});

	test('unknown actions are reported', async () => {
		const res = await api(account, token, 'delete_task', { id_task: 13036 });
		expect(res.data).toMatchObject({ status: 'error', status_code: 1 });
	});
});

describe('worksection admin API', () => {
	function signed(query: string): string {
		return `${query}&hash=${createHash('md5').update(query + WORKSECTION_ADMIN_KEY).digest('hex')}`;
	}

	test('a correct hash over the query string is accepted', async () => {
		const res = await h.http.get(`/worksection/account/api/admin/v2/?${signed('action=get_tasks&id_project=193')}`);
		expect(res.data.status).toBe('ok');
		expect(res.data.data.length).toBeGreaterThan(0);
	});

	test('a bad or missing hash gets status_code 2', async () => {
		const bad = await h.http.get('/worksection/account/api/admin/v2/?action=get_tasks&id_project=193&hash=0123456789abcdef0123456789abcdef');
		expect(bad.data).toEqual({ status: 'error', status_code: 2, message: 'Action hash is missed or invalid' });
		const none = await h.http.get('/worksection/account/api/admin/v2/?action=get_tasks&id_project=193');
		expect(none.data.status_code).toBe(2);
		// Hashing other parameters than were sent fails too.
		const tampered = signed('action=get_tasks&id_project=193').replace('id_project=193', 'id_project=194');
		expect((await h.http.get(`/worksection/account/api/admin/v2/?${tampered}`)).data.status_code).toBe(2);
	});

	test('admin comments need email_user_from; `me` is user-only', async () => {
		const noAuthor = await h.http.get(`/worksection/account/api/admin/v2/?${signed('action=post_comment&id_task=13036&text=hi')}`);
		expect(noAuthor.data.status).toBe('error');
		const withAuthor = await h.http.get(`/worksection/account/api/admin/v2/?${signed('action=post_comment&id_task=13036&text=hi&email_user_from=marcus%40example.com')}`);
		expect(withAuthor.data.data.user_from.email).toBe('marcus@example.com');
		expect((await h.http.get(`/worksection/account/api/admin/v2/?${signed('action=me')}`)).data.status).toBe('error');
	});
});

describe('worksection webhooks', () => {
	const receiver = Receiver.forBlock();

	test('subscribed events are POSTed as a JSON array with Basic auth', async () => {
		const { access_token, account_url } = await connect();
		const added = await api(account_url, access_token, 'add_webhook', { url: `${receiver.url}/ws`, events: 'post_task,post_comment', http_user: 'hook', http_pass: 'secret' });
		expect(added.data).toMatchObject({ status: 'ok', id: expect.any(Number) });
		expect((await api(account_url, access_token, 'get_webhooks')).data.data.map((w: { id: number }) => w.id)).toContain(added.data.id);

		// update_task is not subscribed: it must not be delivered.
		await api(account_url, access_token, 'update_task', { id_task: 13037, title: 'Changed copy' });
		const posted = await api(account_url, access_token, 'post_task', { id_project: 193, title: 'Hooked task' });
		const [delivery] = await receiver.waitFor(1);
		await h.sandbox.state.webhooksSettled();
		expect(receiver.received).toHaveLength(1);
		expect(delivery.path).toBe('/ws');
		expect(delivery.headers.authorization).toBe(basic('hook', 'secret'));
		expect(Array.isArray(delivery.body)).toBe(true);
		expect((delivery.body as unknown[])[0]).toMatchObject({
			action: 'post',
			object: { type: 'task', id: posted.data.data.id, page: posted.data.data.page },
			user_from: { id: 11, email: 'sandbox@example.com' },
			new: { name: 'Hooked task' },
		});

		expect((await api(account_url, access_token, 'delete_webhook', { id: added.data.id })).data.status).toBe('ok');
		await api(account_url, access_token, 'post_task', { id_project: 193, title: 'After delete' });
		await h.sandbox.state.webhooksSettled();
		expect(receiver.received).toHaveLength(1);
	});

	test('add_webhook validates events', async () => {
		const { access_token, account_url } = await connect();
		const res = await api(account_url, access_token, 'add_webhook', { url: receiver.url, events: 'post_task,explode' });
		expect(res.data.status).toBe('error');
	});
});

describe('worksection doc-strict rules (no assumption switched on)', () => {
	let strict: Harness;
	beforeAll(async () => {
		strict = await startHarness({ autoApprove: true, redirectUris: [HTTPS_REDIRECT, REDIRECT] });
	});
	afterAll(() => strict.sandbox.close());

	async function strictConnect(scope = ALL_SCOPES) {
		const res = await strict.http.post(
			'/worksection/oauth2/token',
			form({ client_id: clientId, client_secret: clientSecret, grant_type: 'authorization_code', code: await code(scope, strict), redirect_uri: HTTPS_REDIRECT }),
		);
		expect(res.status).toBe(200);
		return res.data as { access_token: string; refresh_token: string; account_url: string };
	}

	test('a registered plain-http redirect URI is refused: the doc demands HTTPS', async () => {
		const res = await strict.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code', redirect_uri: REDIRECT, state: 's', scope: 'tasks_read' } });
		expect(res.status).toBe(400);
		expect(res.headers.location).toBeUndefined();
		expect(res.data).toMatch(/HTTPS/);
		// With the worksection-http-redirect assumption the same request gets a code, and it is recorded.
		await strict.http.post('/__sandbox/assumptions?enable=worksection-http-redirect');
		const lenient = redirectParams(await strict.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code', redirect_uri: REDIRECT, state: 's', scope: 'tasks_read' } }));
		expect(lenient.get('code')).toBeTruthy();
		const report = (await strict.http.get('/__sandbox/assumptions')).data;
		expect(report.exercised['worksection-http-redirect']).toMatchObject({ count: 1, first: `GET ${AUTHORIZE}` });
		await strict.http.post('/__sandbox/assumptions?disable=worksection-http-redirect');
	});

	test('/oauth2/token and /oauth2/refresh take POST only, with the parameters in the body', async () => {
		const query = { client_id: clientId, client_secret: clientSecret, grant_type: 'authorization_code', code: await code(ALL_SCOPES, strict), redirect_uri: HTTPS_REDIRECT };
		expect((await strict.http.get('/worksection/oauth2/token', { params: query })).status).toBe(405);
		const postQuery = await strict.http.post('/worksection/oauth2/token', '', { params: query });
		expect(postQuery.status).toBe(401);
		expect(postQuery.data.error).toBe('invalid_client');
		const { refresh_token } = await strictConnect();
		const refreshQuery = { client_id: clientId, client_secret: clientSecret, grant_type: 'refresh_token', refresh_token };
		expect((await strict.http.get('/worksection/oauth2/refresh', { params: refreshQuery })).status).toBe(405);
		expect((await strict.http.post('/worksection/oauth2/refresh', '', { params: refreshQuery })).status).toBe(401);
		// The refresh token survived the refused attempts.
		expect((await strict.http.post('/worksection/oauth2/refresh', form(refreshQuery))).status).toBe(200);
	});

	test('action=me is not a documented action; /oauth2/resource is', async () => {
		const { access_token, account_url } = await strictConnect();
		const me = await strict.http.get(`${account_url}/api/oauth2`, { params: { action: 'me' }, headers: { Authorization: `Bearer ${access_token}` } });
		expect(me.data).toMatchObject({ status: 'error', status_code: 1 });
		const resource = await strict.http.post('/worksection/oauth2/resource', form({ client_id: clientId, client_secret: clientSecret, access_token }));
		expect(resource.data.email).toBe('sandbox@example.com');
		// "You need to send a POST request … The POST request must contain the required parameters"
		expect((await strict.http.get('/worksection/oauth2/resource', { params: { client_id: clientId, client_secret: clientSecret, access_token } })).status).toBe(405);
		expect((await strict.http.post('/worksection/oauth2/resource', '', { params: { client_id: clientId, client_secret: clientSecret, access_token } })).status).toBe(401);
	});

	test('events and webhooks need the administrative scope, since no narrower scope is documented', async () => {
		const narrow = await strictConnect();
		const denied = await strict.http.get(`${narrow.account_url}/api/oauth2`, { params: { action: 'get_events', period: '1h' }, headers: { Authorization: `Bearer ${narrow.access_token}` } });
		expect(denied.status).toBe(403);
		const admin = await strictConnect('administrative');
		const allowed = await strict.http.get(`${admin.account_url}/api/oauth2`, { params: { action: 'get_events', period: '1h' }, headers: { Authorization: `Bearer ${admin.access_token}` } });
		expect(allowed.data.status).toBe('ok');
		expect((await strict.http.get('/__sandbox/assumptions')).data.exercised['worksection-unscoped-actions']).toBeUndefined();
	});

	test('prototype keys are not actions', async () => {
		const { access_token, account_url } = await strictConnect();
		for (const action of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
			const res = await strict.http.get(`${account_url}/api/oauth2`, { params: { action }, headers: { Authorization: `Bearer ${access_token}` } });
			expect([res.status, res.data.status_code]).toEqual([200, 1]);
		}
	});
});
