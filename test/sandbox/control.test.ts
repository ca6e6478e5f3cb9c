import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSUMPTION_NAMES } from '../../sandbox/assumptions';
import { SANDBOX_CLIENTS, VENDOR_IDS } from '../../sandbox/clients';
import { authorizeCode, form, redirectParams, REDIRECT, sandboxForFile, startHarness } from './helpers';

const weekdone = SANDBOX_CLIENTS.weekdone;

const h = sandboxForFile();

const authorizeQuery = { client_id: weekdone.clientId, redirect_uri: REDIRECT, response_type: 'code', state: 'st-9' };

describe('consent page', () => {
	test('shows vendor and client, and posts back to the same authorize URL', async () => {
		const page = await h.http.get('/weekdone/oauth_authorize', { params: authorizeQuery });
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toMatch(/text\/html/);
		expect(page.data).toContain('Weekdone');
		expect(page.data).toContain(weekdone.clientId);
		expect(page.data).toMatch(/<form method="post" action="\/weekdone\/oauth_authorize\?[^"]*client_id=sandbox-weekdone-client/);
		expect(page.data).toContain('value="approve"');
		expect(page.data).toContain('value="deny"');
	});

	test('Deny redirects with access_denied and the state', async () => {
		const res = await h.http.post(`/weekdone/oauth_authorize?${new URLSearchParams(authorizeQuery)}`, form({ decision: 'deny' }));
		const params = redirectParams(res);
		expect(params.get('error')).toBe('access_denied');
		expect(params.get('state')).toBe('st-9');
		expect(params.get('code')).toBeNull();
	});

	test('Approve redirects with a usable code and the state', async () => {
		const res = await h.http.post(`/weekdone/oauth_authorize?${new URLSearchParams(authorizeQuery)}`, form({ decision: 'approve' }));
		const params = redirectParams(res);
		expect(params.get('state')).toBe('st-9');
		const token = await h.http.post(
			'/weekdone/oauth_token',
			form({ code: params.get('code') as string, grant_type: 'authorization_code', client_id: weekdone.clientId, client_secret: weekdone.clientSecret, redirect_uri: REDIRECT }),
		);
		expect(token.status).toBe(200);
	});

	test('redirect URIs match the registered ones exactly; more can be registered through the control API', async () => {
		const zapier = 'https://zapier.com/dashboard/auth/oauth/return/App1CLIAPI/';
		const ok = await h.http.get('/weekdone/oauth_authorize', { params: { ...authorizeQuery, redirect_uri: zapier } });
		expect(ok.status).toBe(200);
		const otherApp = 'https://zapier.com/dashboard/auth/oauth/return/App123CLIAPI/';
		for (const uri of [otherApp, 'https://zapier.com.evil.example/cb', `${REDIRECT}/`, REDIRECT.replace('5678', '5679')]) {
			expect((await h.http.get('/weekdone/oauth_authorize', { params: { ...authorizeQuery, redirect_uri: uri } })).status).toBe(400);
		}
		const registered = await h.http.post('/__sandbox/redirect-uris', form({ uri: otherApp, vendor: 'weekdone' }));
		expect(registered.data).toEqual({ registered: otherApp, vendors: ['weekdone'] });
		expect((await h.http.get('/weekdone/oauth_authorize', { params: { ...authorizeQuery, redirect_uri: otherApp } })).status).toBe(200);
		expect((await h.http.get('/__sandbox/clients')).data.weekdone.redirectUris).toContain(otherApp);
		expect((await h.http.post('/__sandbox/redirect-uris', form({ uri: 'not a url' }))).status).toBe(400);
	});
});

describe('control endpoints', () => {
	test('the request log never contains secret values', async () => {
		const code = await approveCode();
		const token = await exchangeCode(code);
		const access = token.data.access_token as string;
		await h.http.get('/weekdone/api/1/items', { params: { token: access } });

		const log = await h.http.get('/__sandbox/log', { params: { vendor: 'weekdone' } });
		const text = JSON.stringify(log.data);
		for (const secret of [weekdone.clientSecret, code, access, token.data.refresh_token]) expect(text).not.toContain(secret);
		const tokenCall = log.data.filter((e: { path: string }) => e.path === '/weekdone/oauth_token').pop();
		expect(tokenCall).toMatchObject({ vendor: 'weekdone', method: 'POST', status: 200, authScheme: 'none' });
		expect(tokenCall.bodyKeys).toEqual(['code', 'grant_type', 'client_id', 'client_secret', 'redirect_uri']);
		const apiCall = log.data.filter((e: { path: string }) => e.path === '/weekdone/api/1/items').pop();
		expect(apiCall.query.token).toBe('[redacted]');
	});

	test('authScheme reports the Authorization header scheme', async () => {
		await h.http.get('/webwork-tracker/api/v2/workspaces', { headers: { Authorization: 'Bearer nope' } });
		const log = await h.http.get('/__sandbox/log', { params: { vendor: 'webwork-tracker' } });
		expect(log.data.pop()).toMatchObject({ authScheme: 'Bearer', status: 401 });
	});

	test('stats count issued tokens and rejections', async () => {
		const before = (await h.http.get('/__sandbox/stats', { params: { vendor: 'weekdone' } })).data;
		await h.http.post('/weekdone/oauth_token', form({ grant_type: 'authorization_code', client_id: weekdone.clientId, client_secret: 'wrong' }));
		await exchangeCode(await approveCode());
		const after = (await h.http.get('/__sandbox/stats', { params: { vendor: 'weekdone' } })).data;
		expect(after.tokenIssued).toBe(before.tokenIssued + 1);
		expect(after.tokenRejected).toBe(before.tokenRejected + 1);
		expect(after.rejected).toBe(before.rejected + 1);
		const all = (await h.http.get('/__sandbox/stats')).data;
		expect(Object.keys(all).sort()).toEqual([...VENDOR_IDS].sort());
	});

	test('clients lists every vendor with its client id and URLs', async () => {
		const res = await h.http.get('/__sandbox/clients');
		for (const vendor of VENDOR_IDS) expect(res.data[vendor].clientId).toBe(`sandbox-${vendor}-client`);
		expect(res.data.weekdone.urls.token).toBe(`${h.sandbox.url}/weekdone/oauth_token`);
	});

	test('expire needs a known vendor', async () => {
		expect((await h.http.post('/__sandbox/expire')).status).toBe(400);
		expect((await h.http.post('/__sandbox/expire?vendor=nobody')).status).toBe(400);
	});

	test('reset forgets tokens and data', async () => {
		const access = (await exchangeCode(await approveCode())).data.access_token as string;
		await h.http.post('/weekdone/api/1/item', { description: 'temp', type_id: 1 }, { params: { token: access } });
		expect((await h.http.post('/__sandbox/reset')).status).toBe(200);
		expect((await h.http.get('/__sandbox/log')).data).toEqual([]);
		expect((await h.http.get('/__sandbox/stats', { params: { vendor: 'weekdone' } })).data.tokenIssued).toBe(0);
		expect((await h.http.get('/weekdone/api/1/items', { params: { token: access } })).status).toBe(401);
		expect(h.sandbox.state.data.weekdone.items.some((i) => i.description === 'temp')).toBe(false);
	});

	test('unknown routes are 404 and wrong methods 405', async () => {
		expect((await h.http.get('/weekdone/oauth/token')).status).toBe(404);
		expect((await h.http.get('/weekdone/oauth_token')).status).toBe(405);
	});
});

describe('options', () => {
	test('accessTokenTtlSeconds shortens lifetimes and expires_in; time comes from the injected clock', async () => {
		let now = Date.UTC(2030, 0, 1);
		const timed = await startHarness({ autoApprove: true, accessTokenTtlSeconds: 5, now: () => now });
		try {
			const code = await authorizeCode(timed.http, '/weekdone/oauth_authorize', { client_id: weekdone.clientId, redirect_uri: REDIRECT, response_type: 'code' });
			const token = await timed.http.post(
				'/weekdone/oauth_token',
				form({ code, grant_type: 'authorization_code', client_id: weekdone.clientId, client_secret: weekdone.clientSecret, redirect_uri: REDIRECT }),
			);
			const issued = timed.sandbox.state.tokens.checkAccess('weekdone', token.data.access_token);
			expect(issued.ok && issued.record.expiresAt).toBe(now + 5_000);
			const call = () => timed.http.get('/weekdone/api/1/user', { params: { token: token.data.access_token } });
			now += 4_000;
			expect((await call()).status).toBe(200);
			now += 1_000;
			expect((await call()).status).toBe(401);
		} finally {
			await timed.sandbox.close();
		}
	});

	test('authorization codes expire', async () => {
		let now = Date.UTC(2030, 0, 1);
		const timed = await startHarness({ autoApprove: true, now: () => now });
		try {
			const code = await authorizeCode(timed.http, '/weekdone/oauth_authorize', { client_id: weekdone.clientId, redirect_uri: REDIRECT, response_type: 'code' });
			now += 601_000;
			const token = await timed.http.post(
				'/weekdone/oauth_token',
				form({ code, grant_type: 'authorization_code', client_id: weekdone.clientId, client_secret: weekdone.clientSecret, redirect_uri: REDIRECT }),
			);
			expect(token.status).toBe(400);
			expect(token.data.error_description).toMatch(/expired/);
		} finally {
			await timed.sandbox.close();
		}
	});

	test('client overrides replace the registered credentials and add redirect URIs', async () => {
		const custom = await startHarness({ autoApprove: true, clients: { weekdone: { clientId: 'mine', clientSecret: 'shh', redirectUris: ['https://app.example/cb'] } } });
		try {
			const code = await authorizeCode(custom.http, '/weekdone/oauth_authorize', { client_id: 'mine', redirect_uri: 'https://app.example/cb', response_type: 'code' });
			const token = await custom.http.post('/weekdone/oauth_token', form({ code, grant_type: 'authorization_code', client_id: 'mine', client_secret: 'shh', redirect_uri: 'https://app.example/cb' }));
			expect(token.status).toBe(200);
			expect((await custom.http.get('/weekdone/oauth_authorize', { params: { ...authorizeQuery } })).status).toBe(400);
		} finally {
			await custom.sandbox.close();
		}
	});
});

async function approveCode(): Promise<string> {
	const res = await h.http.post(`/weekdone/oauth_authorize?${new URLSearchParams(authorizeQuery)}`, form({ decision: 'approve' }));
	return redirectParams(res).get('code') as string;
}

/** Weekdone's documented code exchange (form body, client fields, the authorize redirect_uri). */
function exchangeCode(code: string) {
	return h.http.post('/weekdone/oauth_token', form({ code, grant_type: 'authorization_code', client_id: weekdone.clientId, client_secret: weekdone.clientSecret, redirect_uri: REDIRECT }));
}

describe('assumption switches', () => {
	test('are off by default, settable at start and through the control API, and written to the report file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sandbox-assumptions-'));
		const file = join(dir, 'nested', 'report.json');
		const started = await startHarness({ autoApprove: true, assumptions: ['weekdone-token-query'], assumptionsFile: file });
		try {
			const before = (await started.http.get('/__sandbox/assumptions')).data;
			expect(before.enabled).toEqual(['weekdone-token-query']);
			expect(Object.keys(before.known)).toEqual(ASSUMPTION_NAMES);
			expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ enabled: ['weekdone-token-query'], exercised: {} });

			const code = await authorizeCode(started.http, '/weekdone/oauth_authorize', { client_id: weekdone.clientId, redirect_uri: REDIRECT, response_type: 'code' });
			const body = form({ code, grant_type: 'authorization_code', client_id: weekdone.clientId, client_secret: weekdone.clientSecret });
			expect((await started.http.post('/weekdone/oauth_token', body, { params: { redirect_uri: REDIRECT } })).status).toBe(200);
			expect(JSON.parse(readFileSync(file, 'utf8')).exercised).toEqual({ 'weekdone-token-query': { count: 1, first: 'POST /weekdone/oauth_token' } });

			const all = (await started.http.post('/__sandbox/assumptions?enable=all')).data;
			expect(all.enabled).toEqual(ASSUMPTION_NAMES);
			expect((await started.http.post('/__sandbox/assumptions', form({ disable: 'all' }))).data.enabled).toEqual([]);
		} finally {
			await started.sandbox.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('an unknown name fails at start', async () => {
		await expect(startHarness({ assumptions: ['weekdone-token-querry'] })).rejects.toThrow(/unknown sandbox assumption "weekdone-token-querry"/);
	});
});
