/**
 * The Zapier authentication block of every vendor against the strict vendor mocks (written from the vendor
 * docs, not from shared/vendors): authorize URL, code exchange, refresh with rotation, and the errors a
 * broken token endpoint gives.
 */
import type { VendorId } from '../../shared/types';
import { toRefreshedAuthData } from '../../zapier/auth-data';
import { MOCK_CLIENT, strictVendorMock } from '../mocks/vendor-mocks';
import { VENDOR_RULES } from '../mocks/vendor-rules';
import { fixtureFor, type VendorTable } from '../fixtures/per-vendor';
import { expectNoSecrets, failure, harness, REDIRECT, resetEnv, VENDOR_IDS } from './harness';

/** What each vendor's document says, restated here so a wrong definition cannot hide behind itself. */
const DOC: VendorTable<{ redirectParam: string; scope?: RegExp; refresh: boolean; rotates: boolean; refreshSendsRedirect: boolean }> = {
	weekdone: { redirectParam: 'redirect_uri', refresh: true, rotates: false, refreshSendsRedirect: true },
	// doc: scopes "separated by a space or comma"
	worksection: { redirectParam: 'redirect_uri', scope: /^[a-z_]+([ ,][a-z_]+)*$/, refresh: true, rotates: true, refreshSendsRedirect: false },
	worktual: { redirectParam: 'Redirect_url', refresh: false, rotates: false, refreshSendsRedirect: false },
	// doc: "Space-separated list of requested scopes (read, write, admin)"
	'webwork-tracker': { redirectParam: 'redirect_uri', scope: /^(read|write|admin)( (read|write|admin))*$/, refresh: true, rotates: true, refreshSendsRedirect: false },
	wordapp: { redirectParam: 'redirect_uri', refresh: true, rotates: true, refreshSendsRedirect: false },
};

/** Token-response fields each vendor documents beyond the RFC ones, with the mock's default values. */
const KEPT: Partial<Record<VendorId, (stored: Record<string, string>) => void>> = {
	weekdone: (stored) => expect(JSON.parse(stored.user)).toMatchObject({ email: 'user@example.com' }),
	worksection: (stored) => expect(stored.account_url).toBe('https://acme.worksection.com'),
	wordapp: (stored) => expect(stored.created_at).toBe('1476891745'),
};

/** authData as stored after a code exchange, before a refresh. */
function storedAuth(id: VendorId): Record<string, string> {
	const extra: Record<string, string> = {};
	if (id === 'weekdone') extra.user = JSON.stringify({ id: 42, email: 'user@example.com' });
	if (id === 'worksection') extra.account_url = 'https://acme.worksection.com';
	return { access_token: 'stale-access', refresh_token: 'refresh-0', expires_at: String(Date.now() + 3_600_000), ...extra };
}

beforeEach(resetEnv);

describe.each(VENDOR_IDS)('%s', (id) => {
	const doc = fixtureFor(DOC, 'DOC in test/zapier/authentication.test.ts', id);
	const h = harness(id);
	const name = h.vendor.displayName;

	describe('authorize URL', () => {
		test('goes to the documented URL with the vendor\'s parameter names', async () => {
			const url = new URL(await h.run(h.oauth2.authorizeUrl, { inputData: { state: 'state-1', redirect_uri: REDIRECT } }));
			expect(`${url.origin}${url.pathname}`).toBe(VENDOR_RULES[id].urls('https://acme.worksection.com').authorize);
			const params = Object.fromEntries(url.searchParams);
			expect(params).toMatchObject({ client_id: MOCK_CLIENT.clientId, [doc.redirectParam]: REDIRECT, response_type: 'code', state: 'state-1' });
			// n8n cannot leave out RFC redirect_uri; Zapier sends it too, so both adapters send the same parameters
			if (doc.redirectParam !== 'redirect_uri') expect(params.redirect_uri).toBe(REDIRECT);
			if (doc.scope) expect(params.scope).toMatch(doc.scope);
			else expect(params).not.toHaveProperty('scope');
			expect(params).not.toHaveProperty('client_secret');
		});

		test('AUTHORIZE_URL overrides the URL (undocumented URLs, local sandbox)', async () => {
			process.env.AUTHORIZE_URL = `http://127.0.0.1:8080/${id}/oauth/authorize`;
			const url = await h.run(h.oauth2.authorizeUrl, { inputData: { state: 's', redirect_uri: REDIRECT } });
			expect(url.startsWith(`http://127.0.0.1:8080/${id}/oauth/authorize?`)).toBe(true);
		});

		test('a missing CLIENT_ID is reported, naming the vendor', async () => {
			delete process.env.CLIENT_ID;
			const error = await failure(h.run(h.oauth2.authorizeUrl, { inputData: { state: 's', redirect_uri: REDIRECT } }));
			expect(error.message).toContain(name);
			expect(error.message).toContain('CLIENT_ID');
		});

		test('the OAuth config matches the vendor (autoRefresh only with refresh, scope only with scopes)', () => {
			expect(h.oauth2.autoRefresh === true).toBe(doc.refresh);
			expect(typeof h.oauth2.refreshAccessToken === 'function').toBe(doc.refresh);
			if (doc.scope) expect(h.oauth2.scope).toMatch(doc.scope);
			else expect(h.oauth2.scope).toBeUndefined();
		});
	});

	describe('getAccessToken', () => {
		test('exchanges the code as documented and returns flat string authData', async () => {
			const mock = strictVendorMock(id).expectCodeExchange({ code: 'code-1', redirectUri: REDIRECT });
			const stored = await h.run(h.oauth2.getAccessToken, { inputData: { code: 'code-1', redirect_uri: REDIRECT, state: 's' } });
			mock.done();
			expect(stored.access_token).toBe(`${id}-access-1`);
			if (doc.refresh) expect(stored.refresh_token).toBe(`${id}-refresh-1`);
			for (const value of Object.values(stored)) expect(typeof value).toBe('string');
			KEPT[id]?.(stored);
			// expiry is stamped when the vendor sends expires_in
			if (stored.expires_in) expect(Number(stored.expires_at)).toBeGreaterThan(Date.now());
		});

		test('an HTML answer gives an error naming the vendor, without secrets', async () => {
			strictVendorMock(id).expectCodeExchange({ code: 'code-html', redirectUri: REDIRECT, rawReply: '<html><body>Login</body></html>', contentType: 'text/html' });
			const error = await failure(h.run(h.oauth2.getAccessToken, { inputData: { code: 'code-html', redirect_uri: REDIRECT } }));
			expect(error.message).toContain(name);
			expect(error.message).toMatch(/HTML/);
			expectNoSecrets(error, ['code-html']);
		});

		test('an error body sent with HTTP 200 is an error, naming the vendor and its code', async () => {
			strictVendorMock(id).expectCodeExchange({ code: 'code-err', redirectUri: REDIRECT, reply: { error: 'invalid_grant', error_description: 'The code has expired' } });
			const error = await failure(h.run(h.oauth2.getAccessToken, { inputData: { code: 'code-err', redirect_uri: REDIRECT } }));
			expect(error.message).toContain(name);
			expect(error.message).toContain('invalid_grant');
			expectNoSecrets(error, ['code-err']);
		});

		test('a response without access_token is an error', async () => {
			strictVendorMock(id).expectCodeExchange({ code: 'code-empty', redirectUri: REDIRECT, reply: { token_type: 'bearer', expires_in: 3600 } });
			const error = await failure(h.run(h.oauth2.getAccessToken, { inputData: { code: 'code-empty', redirect_uri: REDIRECT } }));
			expect(error.message).toContain(name);
			expect(error.message).toContain('no access_token');
		});

		test('a wrong client secret (401 invalid_client) names the vendor and never echoes the secret', async () => {
			process.env.CLIENT_SECRET = 'wrong-client-secret-value';
			const mock = strictVendorMock(id).expectCodeExchange({ code: 'code-2', redirectUri: REDIRECT });
			const error = await failure(h.run(h.oauth2.getAccessToken, { inputData: { code: 'code-2', redirect_uri: REDIRECT } }));
			expect(mock.rejections).toEqual([expect.stringMatching(/wrong client credentials|wrong client/i)]);
			mock.rejections.splice(0);
			expect(error.name).not.toBe('RefreshAuthError'); // core's 401 mapping must not leak out of a token call
			expect(error.message).toContain(name);
			expect(error.message).toContain('401');
			expectNoSecrets(error, ['wrong-client-secret-value', 'code-2']);
		});
	});

	// Worktual issues permanent tokens: no refresh to test (its config is checked above)
	if (doc.refresh) describe('refreshAccessToken', () => {
		test(`refreshes as documented${doc.rotates ? ', storing the rotated refresh token' : ', keeping the refresh token'}`, async () => {
			const mock = strictVendorMock(id).expectRefresh({ refreshToken: 'refresh-0', redirectUri: doc.refreshSendsRedirect ? REDIRECT : undefined });
			const before = storedAuth(id);
			const fresh = await h.run(h.oauth2.refreshAccessToken, { authData: before, inputData: { redirect_uri: REDIRECT } });
			mock.done();
			expect(fresh.access_token).toBe(`${id}-access-1`);
			expect(fresh.refresh_token).toBe(doc.rotates ? `${id}-refresh-1` : 'refresh-0');
			KEPT[id]?.({ ...before, ...fresh });
			if (id === 'worksection') expect(new URL(mock.requests[0].url).pathname).toBe('/oauth2/refresh');
			if (!doc.refreshSendsRedirect) expect(mock.requests[0].body).not.toHaveProperty('redirect_uri');
			for (const value of Object.values(fresh)) expect(typeof value).toBe('string');
		});

		// under autoRefresh core turns every 401 into RefreshAuthError, also inside refreshAccessToken (zapier.md §0.8)
		test.each([
			{
				title: 'a refused refresh (400 invalid_grant) asks the user to reconnect, naming the vendor',
				redirectUri: undefined,
				status: 400,
				reply: { error: 'invalid_grant', error_description: 'refresh token revoked' },
				cause: 'invalid_grant',
			},
			{
				title: 'a 401 from the refresh endpoint becomes ExpiredAuthError, not a RefreshAuthError loop',
				redirectUri: doc.refreshSendsRedirect ? REDIRECT : undefined,
				status: 401,
				reply: { error: 'invalid_client', error_description: 'Client authentication failed' },
				cause: '401',
			},
		])('$title', async ({ redirectUri, status, reply, cause }) => {
			strictVendorMock(id).expectRefresh({ refreshToken: 'refresh-0', redirectUri, status, reply });
			const error = await failure(h.run(h.oauth2.refreshAccessToken, { authData: storedAuth(id), inputData: { redirect_uri: REDIRECT } }));
			expect(error.name).toBe('ExpiredAuthError');
			expect(error.message).toContain(name);
			expect(error.message).toContain(cause);
			expectNoSecrets(error, ['refresh-0', 'stale-access']);
		});

		test('without a stored refresh token the user is asked to reconnect', async () => {
			const { refresh_token: _unused, ...noRefresh } = storedAuth(id);
			const error = await failure(h.run(h.oauth2.refreshAccessToken, { authData: noRefresh, inputData: { redirect_uri: REDIRECT } }));
			expect(error.name).toBe('ExpiredAuthError');
			expect(error.message).toContain(name);
		});
	});
});

describe('vendor specifics', () => {
	test('Weekdone refresh falls back to REDIRECT_URI when Zapier passes no redirect_uri (CLI invoke)', async () => {
		process.env.REDIRECT_URI = REDIRECT;
		const h = harness('weekdone');
		const mock = strictVendorMock('weekdone').expectRefresh({ refreshToken: 'refresh-0', redirectUri: REDIRECT });
		const fresh = await h.run(h.oauth2.refreshAccessToken, { authData: storedAuth('weekdone') });
		mock.done();
		expect(fresh.refresh_token).toBe('refresh-0');
	});

	test('Weekdone refresh without any redirect URI fails before calling, naming the vendor', async () => {
		const h = harness('weekdone');
		strictVendorMock('weekdone');
		const error = await failure(h.run(h.oauth2.refreshAccessToken, { authData: storedAuth('weekdone') }));
		expect(error.message).toContain('Weekdone');
		expect(error.message).toContain('REDIRECT_URI');
	});

	test('Weekdone: a refresh answer without expires_in still gets the documented 60-minute expiry', async () => {
		const h = harness('weekdone');
		strictVendorMock('weekdone').expectRefresh({ refreshToken: 'refresh-0', redirectUri: REDIRECT });
		const before = Date.now();
		const fresh = await h.run(h.oauth2.refreshAccessToken, { authData: storedAuth('weekdone'), inputData: { redirect_uri: REDIRECT } });
		expect(Number(fresh.expires_at)).toBeGreaterThanOrEqual(before + 3_600_000);
		expect(Number(fresh.expires_at)).toBeLessThan(Date.now() + 3_600_000 + 1000);
	});

	test('a refreshed token without any expiry clears the stored one (Zapier merges authData; no endless early refresh)', () => {
		expect(toRefreshedAuthData({ access_token: 'a', refresh_token: 'r' })).toEqual({ access_token: 'a', refresh_token: 'r', expires_in: '', expires_at: '' });
	});

	test('WebWork Tracker token calls carry Basic client auth, never the stale Bearer token (TOKEN_URL override)', async () => {
		const nock = (await import('nock')).default;
		process.env.TOKEN_URL = 'http://127.0.0.1:9/webwork-tracker/oauth/token';
		const seen: Array<Record<string, unknown>> = [];
		nock('http://127.0.0.1:9')
			.post('/webwork-tracker/oauth/token')
			.reply(function () {
				seen.push({ ...this.req.headers });
				return [200, { access_token: 'new-access', refresh_token: 'new-refresh', expires_in: 1296000 }];
			});
		const h = harness('webwork-tracker');
		const fresh = await h.run(h.oauth2.refreshAccessToken, { authData: storedAuth('webwork-tracker'), inputData: { redirect_uri: REDIRECT } });
		expect(fresh.refresh_token).toBe('new-refresh');
		const basic = `Basic ${Buffer.from(`${MOCK_CLIENT.clientId}:${MOCK_CLIENT.clientSecret}`).toString('base64')}`;
		expect(seen).toEqual([expect.objectContaining({ authorization: basic })]);
	});

	test('Worktual: the documented one-element array is unwrapped; there is no refresh', async () => {
		const h = harness('worktual');
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'code-1', redirectUri: REDIRECT });
		const stored = await h.run(h.oauth2.getAccessToken, { inputData: { code: 'code-1', redirect_uri: REDIRECT } });
		mock.done();
		expect(stored).toEqual({ access_token: 'worktual-access-1' });
		// the same parameters n8n sends: the doc's Redirect_url and, as n8n cannot leave it out, RFC redirect_uri
		expect(mock.requests[0].body).toMatchObject({ grant_type: 'authorisation_code', Redirect_url: REDIRECT, redirect_uri: REDIRECT });
	});

	test('computed fields declare the kept token fields', () => {
		expect(harness('worksection').app.authentication?.fields).toEqual([expect.objectContaining({ key: 'account_url', computed: true })]);
		expect(harness('weekdone').app.authentication?.fields).toEqual([expect.objectContaining({ key: 'user', computed: true })]);
		expect(harness('webwork-tracker').app.authentication?.fields).toEqual([]);
	});
});
