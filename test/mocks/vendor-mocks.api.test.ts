/** Proves the strict mock's API side: token placement per vendor doc, mandatory headers, matching. */
import { createAxiosHttpClient } from './axios-http-client';
import { type MockVendorId, type StrictVendorMock, strictVendorMock } from './vendor-mocks';

const http = createAxiosHttpClient();
const TOKEN = 'api-token-1234';
const WORDAPP_VERSION = { 'X-Api-Version': 'application/vnd.wordapp-v1+json' };

async function get(url: string, headers: Record<string, string> = {}) {
	const res = await http({ method: 'GET', url, headers });
	return { status: res.status, body: res.body ? (JSON.parse(res.body) as unknown) : undefined };
}

function expectRejected(mock: StrictVendorMock, reason: RegExp): void {
	expect(mock.rejections).toEqual([expect.stringMatching(reason)]);
	expect(() => mock.done()).toThrow(reason);
}

describe('documented token placement passes', () => {
	const cases: Array<[MockVendorId, string, Record<string, string>]> = [
		['weekdone', `https://api.weekdone.com/1/company?token=${TOKEN}`, {}],
		['worksection', 'https://acme.worksection.com/api/oauth2/company', { Authorization: `Bearer ${TOKEN}` }],
		['worksection', `https://acme.worksection.com/api/oauth2/company?access_token=${TOKEN}`, {}], // doc: "or in the access_token parameter"
		['worktual', 'https://api.worktual.co.uk/services/ccaas/v1/company', { Authorization: TOKEN }],
		['worktual', 'https://api.worktual.co.uk/services/ccaas/v1/company', { Authorization: `Bearer ${TOKEN}` }],
		['webwork-tracker', 'https://api.webwork-tracker.com/api/v2/company', { Authorization: `Bearer ${TOKEN}` }],
		['wordapp', 'https://app.wordapp.com/api/v1/company', { Authorization: `Bearer ${TOKEN}`, ...WORDAPP_VERSION }],
	];
	test.each(cases)('%s %s', async (vendor, url, headers) => {
		const mock = strictVendorMock(vendor).expectApiCall({ method: 'GET', path: '/company', token: TOKEN, reply: { ok: 1 } });
		expect(await get(url, headers)).toEqual({ status: 200, body: { ok: 1 } });
		mock.done();
		expect(mock.requests).toHaveLength(1);
	});
});

describe('wrong token placement → 401 in the vendor shape', () => {
	const cases: Array<[MockVendorId, string, Record<string, string>, object]> = [
		['weekdone', 'https://api.weekdone.com/1/company', { Authorization: `Bearer ${TOKEN}` }, { status: 'error' }],
		['worksection', 'https://acme.worksection.com/api/oauth2/company', { Authorization: TOKEN }, { status: 'error' }],
		['worksection', `https://acme.worksection.com/api/oauth2/company?token=${TOKEN}`, {}, { status: 'error' }],
		['webwork-tracker', `https://api.webwork-tracker.com/api/v2/company?token=${TOKEN}`, {}, { success: false }],
		['webwork-tracker', 'https://api.webwork-tracker.com/api/v2/company', { Authorization: TOKEN }, { success: false }],
		['wordapp', 'https://app.wordapp.com/api/v1/company', { Authorization: TOKEN, ...WORDAPP_VERSION }, { error: 'invalid_token' }],
		['worktual', 'https://api.worktual.co.uk/services/ccaas/v1/company', { Authorization: `Token ${TOKEN}` }, { message: 'Unauthorized' }],
		['worktual', 'https://api.worktual.co.uk/services/ccaas/v1/company', {}, { message: 'Unauthorized' }],
	];
	test.each(cases)('%s %s %j', async (vendor, url, headers, shape) => {
		const mock = strictVendorMock(vendor).expectApiCall({ method: 'GET', path: '/company', token: TOKEN });
		const res = await get(url, headers);
		expect(res.status).toBe(401);
		expect(res.body).toMatchObject(shape);
		expectRejected(mock, /wants the access token as/);
	});

	test('a wrong token in the right place', async () => {
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN });
		expect((await get(`${mock.urls.apiBase}/workspaces`, { Authorization: 'Bearer other-token' })).status).toBe(401);
		expectRejected(mock, /without the expected token there/);
	});

	test('a rejection message never quotes a raw token', async () => {
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN });
		await get(`${mock.urls.apiBase}/workspaces`, { Authorization: 'raw-secret-value' });
		expect(mock.rejections.join(' ')).not.toContain('raw-secret-value');
		mock.rejections.splice(0);
	});
});

describe('mandatory headers and matching', () => {
	test('Wordapp without X-Api-Version', async () => {
		const mock = strictVendorMock('wordapp').expectApiCall({ method: 'GET', path: '/me', token: TOKEN });
		expect((await get(`${mock.urls.apiBase}/me`, { Authorization: `Bearer ${TOKEN}` })).status).toBe(406);
		expectRejected(mock, /header X-Api-Version must be "application\/vnd\.wordapp-v1\+json"/);
	});

	test('Wordapp with a wrong X-Api-Version', async () => {
		const mock = strictVendorMock('wordapp').expectApiCall({ method: 'GET', path: '/me', token: TOKEN });
		expect((await get(`${mock.urls.apiBase}/me`, { Authorization: `Bearer ${TOKEN}`, 'X-Api-Version': 'v2' })).status).toBe(406);
		expectRejected(mock, /X-Api-Version/i);
	});

	test('extra headers the test demands', async () => {
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN, headers: { Accept: 'application/json' } });
		expect((await get(`${mock.urls.apiBase}/workspaces`, { Authorization: `Bearer ${TOKEN}`, Accept: 'text/plain' })).status).toBe(400);
		expectRejected(mock, /header Accept must be "application\/json"/);
	});

	test('Worksection: query matched without the token, base from accountUrl, empty path', async () => {
		const mock = strictVendorMock('worksection', { accountUrl: 'https://team.worksection.com/' }).expectApiCall({ method: 'GET', path: '', query: { action: 'me' }, token: TOKEN });
		expect((await get(`https://team.worksection.com/api/oauth2?action=me&access_token=${TOKEN}`)).status).toBe(200);
		mock.done();
	});

	test('a query that differs is an unexpected call', async () => {
		const mock = strictVendorMock('worksection').expectApiCall({ method: 'GET', path: '', query: { action: 'me' }, token: TOKEN });
		expect((await get(`${mock.urls.apiBase}?action=get_tasks`, { Authorization: `Bearer ${TOKEN}` })).status).toBe(404);
		expect(mock.rejections).toEqual([expect.stringMatching(/unexpected API call GET \/ \(query keys: action\)/)]);
		mock.rejections.splice(0);
		expect(() => mock.done()).toThrow(/never called: API GET \?action=me/);
	});

	test('Weekdone: the token parameter is not part of the matched query', async () => {
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'GET', path: 'items', query: { period: '202403' }, token: TOKEN });
		expect((await get(`${mock.urls.apiBase}/items?period=202403&token=${TOKEN}`)).status).toBe(200);
		mock.done();
	});

	test('apiBase override', async () => {
		const mock = strictVendorMock('webwork-tracker', { apiBase: 'https://eu.webwork.example.com/api/v2/' }).expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN });
		expect(mock.urls.apiBase).toBe('https://eu.webwork.example.com/api/v2');
		expect((await get(`${mock.urls.apiBase}/workspaces`, { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
		mock.done();
	});

	test('times: the call may come exactly that often', async () => {
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: TOKEN, times: 2 });
		const call = () => get(`${mock.urls.apiBase}/workspaces`, { Authorization: `Bearer ${TOKEN}` });
		expect((await call()).status).toBe(200);
		expect(() => mock.done()).toThrow(/never called: API GET \/workspaces/); // one call still owed
		expect((await call()).status).toBe(200);
		expect((await call()).status).toBe(404);
		expect(mock.rejections).toEqual([expect.stringMatching(/unexpected API call GET \/workspaces/)]);
		mock.rejections.splice(0);
	});

	test('JSON body must deep-equal; configured status and reply are sent', async () => {
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'POST', path: '/tasks', token: TOKEN, body: { title: 'x', workspace_id: 1 }, status: 201, reply: { success: true } })
			.expectApiCall({ method: 'POST', path: '/tasks', token: TOKEN, body: { title: 'y' } });
		const send = (body: object) => http({ method: 'POST', url: `${mock.urls.apiBase}/tasks`, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		expect(await send({ workspace_id: 1, title: 'x' })).toMatchObject({ status: 201, body: '{"success":true}' });
		expect((await send({ title: 'z' })).status).toBe(400);
		expectRejected(mock, /body differs/);
	});

	test('a method that differs is an unexpected call', async () => {
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'post', path: '/item', token: TOKEN });
		expect((await get(`${mock.urls.apiBase}/item?token=${TOKEN}`)).status).toBe(404);
		expect(mock.rejections).toEqual([expect.stringMatching(/unexpected API call GET \/item/)]);
		mock.rejections.splice(0);
		expect(() => mock.done()).toThrow(/never called: API POST \/item/);
	});
});
