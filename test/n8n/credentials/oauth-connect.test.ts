/**
 * The connect flow n8n runs for each OAuth2 credential: the authorization URL, and the code exchange as the
 * OAuth callback sends it (real @n8n/client-oauth2, the CLI's option building — harness/oauth-flow.ts),
 * checked by the strict vendor mocks (written from the vendor docs). When the pinned e2e runtime is installed,
 * the CLI's own OAuth2 controller and auth-URI builder run too and must send the same bytes.
 */
import { Engine } from '../harness/engine';
import { authorizationUrl, connect, N8N_CALLBACK_URL } from '../harness/oauth-flow';
import { loadRealN8n } from '../harness/real-n8n';
import { MOCK_CLIENT, type MockVendorId, type StrictVendorMock, strictVendorMock } from '../../mocks/vendor-mocks';

interface Case {
	vendor: MockVendorId;
	type: string;
	data?: Record<string, unknown>;
	authorize: Record<string, string>;
	/** The token as n8n stores it after the callback (besides n8n_expires_at). */
	stored: Record<string, unknown>;
	clientAuth: 'body' | 'basic';
}

const CASES: Case[] = [
	{
		vendor: 'weekdone',
		type: 'weekdoneOAuth2Api',
		data: { redirectUri: N8N_CALLBACK_URL },
		authorize: { origin: 'https://weekdone.com', pathname: '/oauth_authorize', scope: '' },
		stored: { access_token: 'weekdone-access-1', refresh_token: 'weekdone-refresh-1', user: { id: 42, name: 'Test User', email: 'user@example.com' } },
		clientAuth: 'body',
	},
	{
		vendor: 'worksection',
		type: 'worksectionOAuth2Api',
		authorize: {
			origin: 'https://worksection.com',
			pathname: '/oauth2/authorize',
			scope: 'projects_read,projects_write,tasks_read,tasks_write,comments_read,comments_write,costs_read,costs_write,users_read',
		},
		stored: { access_token: 'worksection-access-1', refresh_token: 'worksection-refresh-1', account_url: 'https://acme.worksection.com', expires_in: 86400 },
		clientAuth: 'body',
	},
	{
		vendor: 'worktual',
		type: 'worktualOAuth2Api',
		data: { redirectUri: N8N_CALLBACK_URL },
		authorize: { origin: 'https://api.worktual.co.uk', pathname: '/services/oauth2/v1/authorize', Redirect_url: N8N_CALLBACK_URL, scope: '' },
		// n8n spreads the documented one-element array into an object: the token sits under "0"
		stored: { 0: { access_token: 'worktual-access-1' } },
		clientAuth: 'body',
	},
	{
		vendor: 'webwork-tracker',
		type: 'webworkTrackerOAuth2Api',
		authorize: { origin: 'https://webwork-tracker.com', pathname: '/oauth/authorize', scope: 'read write admin' },
		stored: { access_token: 'webwork-tracker-access-1', refresh_token: 'webwork-tracker-refresh-1', token_type: 'Bearer', expires_in: 1296000 },
		clientAuth: 'basic',
	},
	{
		vendor: 'wordapp',
		type: 'wordappOAuth2Api',
		authorize: { origin: 'https://app.wordapp.com', pathname: '/oauth/authorize', scope: '' },
		stored: { access_token: 'wordapp-access-1', refresh_token: 'wordapp-refresh-1', created_at: 1476891745, scope: 'public' },
		clientAuth: 'body',
	},
];

function tokenRequest(mock: StrictVendorMock) {
	const requests = mock.requests.filter((r) => r.method === 'POST');
	expect(requests).toHaveLength(1);
	return requests[0];
}

describe.each(CASES.map((c) => [c.type, c] as [string, Case]))('%s', (_type, c) => {
	test('authorization URL: vendor endpoint, RFC params from n8n, vendor extras from the credential', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(c.type, { ...MOCK_CLIENT, ...c.data });
		const url = await authorizationUrl(engine, ref.id);
		const { origin, pathname, ...params } = c.authorize;
		expect(url.origin).toBe(origin);
		expect(url.pathname).toBe(pathname);
		expect(Object.fromEntries(url.searchParams)).toEqual({
			client_id: MOCK_CLIENT.clientId,
			redirect_uri: N8N_CALLBACK_URL,
			response_type: 'code',
			state: 'STATE',
			...params,
		});
	});

	test('code exchange accepted by the strict mock; n8n stores the response as oauthTokenData', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(c.type, { ...MOCK_CLIENT, ...c.data });
		const mock = strictVendorMock(c.vendor).expectCodeExchange({ code: 'CODE-1', redirectUri: N8N_CALLBACK_URL });
		const stored = await connect(engine, ref.id, 'CODE-1');
		mock.done();
		const { n8n_expires_at: expiresAt, ...rest } = stored;
		expect(rest).toMatchObject(c.stored);
		if (c.stored.expires_in) expect(Number(expiresAt)).toBeGreaterThan(Date.now());
		const sent = tokenRequest(mock);
		expect(sent.url).toBe(mock.urls.token);
		if (c.clientAuth === 'basic') {
			expect(sent.headers.authorization).toMatch(/^Basic /);
			expect(sent.body.client_secret).toBeUndefined();
		} else {
			expect(sent.headers.authorization).toBeUndefined();
			expect(sent.body).toMatchObject({ client_id: MOCK_CLIENT.clientId, client_secret: MOCK_CLIENT.clientSecret });
		}
	});
});

test('Worktual code exchange body: vendor grant spelling and Redirect_url besides n8n\'s redirect_uri', async () => {
	const engine = new Engine();
	const ref = engine.addCredential('worktualOAuth2Api', { ...MOCK_CLIENT, redirectUri: N8N_CALLBACK_URL });
	const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'CODE-W', redirectUri: N8N_CALLBACK_URL });
	await connect(engine, ref.id, 'CODE-W');
	mock.done();
	expect(tokenRequest(mock).body).toEqual({
		code: 'CODE-W',
		grant_type: 'authorisation_code',
		redirect_uri: N8N_CALLBACK_URL,
		Redirect_url: N8N_CALLBACK_URL,
		client_id: MOCK_CLIENT.clientId,
		client_secret: MOCK_CLIENT.clientSecret,
	});
});

test('Worktual without the override would be refused: the mock names the vendor spelling', async () => {
	const engine = new Engine();
	const ref = engine.addCredential('worktualOAuth2Api', { ...MOCK_CLIENT, redirectUri: N8N_CALLBACK_URL });
	// what a plain oAuth2Api credential sends: drop our hidden override
	engine.credentials.overwrites = {};
	const type = engine.credentials.types.getByName('worktualOAuth2Api');
	const saved = type.properties;
	type.properties = saved.filter((p) => p.name !== 'additionalBodyProperties');
	try {
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'CODE-W', redirectUri: N8N_CALLBACK_URL });
		await expect(connect(engine, ref.id, 'CODE-W')).rejects.toThrow();
		expect(mock.rejections).toEqual([expect.stringMatching(/grant_type "authorization_code" is not supported; Worktual spells it authorisation_code/)]);
		mock.rejections.splice(0);
	} finally {
		type.properties = saved;
	}
});

const MONTH_OLD_GRANT = { access_token: 'old', refresh_token: 'old-r', expires_in: 86400, n8n_expires_at: String(Date.now() - 30 * 86_400_000), account_url: 'https://old.worksection.com' };

test.each([
	['after Disconnect (n8n deletes the stored token data)', undefined],
	['over a grant past its documented month', MONTH_OLD_GRANT],
])('Worksection reconnect %s exchanges at /oauth2/token and keeps account_url', async (_label, oauthTokenData) => {
	const engine = new Engine();
	const ref = engine.addCredential('worksectionOAuth2Api', { ...MOCK_CLIENT, ...(oauthTokenData ? { oauthTokenData } : {}) });
	const mock = strictVendorMock('worksection').expectCodeExchange({ code: 'CODE-2', redirectUri: N8N_CALLBACK_URL });
	const stored = await connect(engine, ref.id, 'CODE-2');
	mock.done();
	expect(stored).toMatchObject({ access_token: 'worksection-access-1', refresh_token: 'worksection-refresh-1', account_url: 'https://acme.worksection.com' });
});

test('limit: Worksection reconnect over a live grant goes to /oauth2/refresh and is refused (the credential notice says Disconnect first)', async () => {
	const engine = new Engine();
	const ref = engine.addCredential('worksectionOAuth2Api', {
		...MOCK_CLIENT,
		oauthTokenData: { access_token: 'old', refresh_token: 'old-r', account_url: 'https://old.worksection.com' },
	});
	const mock = strictVendorMock('worksection').expectCodeExchange({ code: 'CODE-4', redirectUri: N8N_CALLBACK_URL });
	await expect(connect(engine, ref.id, 'CODE-4')).rejects.toThrow();
	expect(mock.rejections).toEqual([expect.stringMatching(/must go to https:\/\/worksection.com\/oauth2\/token, not https:\/\/worksection.com\/oauth2\/refresh/)]);
	mock.rejections.splice(0);
});

const real = loadRealN8n();
const describeReal = real ? describe : describe.skip;

describeReal('the CLI\'s own OAuth2 code (n8n 2.41.1 from test/e2e/runtime) sends the same requests', () => {
	test.each(CASES.map((c) => [c.type, c] as [string, Case]))('%s', async (_type, c) => {
		const engine = new Engine();
		const ref = engine.addCredential(c.type, { ...MOCK_CLIENT, ...c.data });
		expect((await real!.authorizationUrl(engine, ref.id)).toString()).toBe((await authorizationUrl(engine, ref.id)).toString());

		const mock = strictVendorMock(c.vendor)
			.expectCodeExchange({ code: 'CODE-A', redirectUri: N8N_CALLBACK_URL })
			.expectCodeExchange({ code: 'CODE-A', redirectUri: N8N_CALLBACK_URL });
		const ours = await connect(engine, ref.id, 'CODE-A');
		engine.credentials.store.get(ref.id)!.data = { ...MOCK_CLIENT, ...c.data };
		const theirs = await real!.connect(engine, ref.id, 'CODE-A');
		mock.done();
		expect(theirs.error).toBeUndefined();
		const [a, b] = mock.requests.filter((r) => r.method === 'POST');
		expect(b.url).toBe(a.url);
		expect(b.rawBody).toBe(a.rawBody);
		expect(b.headers.authorization).toBe(a.headers.authorization);
		const strip = (d: Record<string, unknown>) => {
			const { n8n_expires_at: _drop, access_token: _at, refresh_token: _rt, 0: _zero, ...rest } = d;
			return rest;
		};
		expect(strip(theirs.saved!.oauthTokenData)).toEqual(strip(ours));
	});
});
