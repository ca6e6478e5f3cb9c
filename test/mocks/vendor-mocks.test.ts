/**
 * Proves the strict mock's token endpoints: each documented right request passes (the control that makes
 * the rejections meaningful), and each wrong variant is answered with the vendor's error and recorded.
 * Requests are built by hand here, never with shared/oauth, so this file tests the mock alone.
 */
import { createAxiosHttpClient } from './axios-http-client';
import { MOCK_CLIENT, type MockVendorId, type StrictVendorMock, strictVendorMock } from './vendor-mocks';

const http = createAxiosHttpClient();
const FORM = 'application/x-www-form-urlencoded';
const REDIRECT = 'https://app.example.com/callback';
const CLIENT_BODY = { client_id: MOCK_CLIENT.clientId, client_secret: MOCK_CLIENT.clientSecret };
const BASIC = `Basic ${Buffer.from(`${MOCK_CLIENT.clientId}:${MOCK_CLIENT.clientSecret}`).toString('base64')}`;

async function post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
	const res = await http({ method: 'POST', url, headers: { 'Content-Type': FORM, ...headers }, body: new URLSearchParams(fields).toString() });
	return { status: res.status, body: res.body ? (JSON.parse(res.body) as unknown) : undefined, type: res.headers['content-type'] };
}

/** The mock must have rejected exactly once for `reason`, and done() must fail for it. */
function expectRejected(mock: StrictVendorMock, reason: RegExp): void {
	expect(mock.rejections).toEqual([expect.stringMatching(reason)]);
	expect(() => mock.done()).toThrow(reason);
}

const codeFields = (grant = 'authorization_code') => ({ grant_type: grant, code: 'the-code', redirect_uri: REDIRECT });

describe('documented requests pass', () => {
	test('Weekdone: code exchange and refresh (with redirect_uri) in the form body', async () => {
		const mock = strictVendorMock('weekdone').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT }).expectRefresh({ refreshToken: 'weekdone-refresh-1', redirectUri: REDIRECT });
		const code = await post('https://weekdone.com/oauth_token', { ...codeFields(), ...CLIENT_BODY });
		expect(code).toMatchObject({ status: 200, body: { access_token: 'weekdone-access-1', refresh_token: 'weekdone-refresh-1', user: { id: 42 } } });
		const refresh = await post('https://weekdone.com/oauth_token', { grant_type: 'refresh_token', refresh_token: 'weekdone-refresh-1', redirect_uri: REDIRECT, ...CLIENT_BODY });
		expect(refresh).toMatchObject({ status: 200, body: { access_token: 'weekdone-access-2' } });
		expect(refresh.body).not.toHaveProperty('refresh_token'); // doc: "Response will be the new access_token"
		mock.done();
		expect(mock.requests.map((r) => r.body.grant_type)).toEqual(['authorization_code', 'refresh_token']);
	});

	test('Worksection: code at /oauth2/token, refresh at /oauth2/refresh, rotation and account_url', async () => {
		const mock = strictVendorMock('worksection', { accountUrl: 'https://team.worksection.com' })
			.expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT })
			.expectRefresh({ refreshToken: 'worksection-refresh-1' });
		expect(mock.urls.apiBase).toBe('https://team.worksection.com/api/oauth2');
		const code = await post('https://worksection.com/oauth2/token', { ...codeFields(), ...CLIENT_BODY });
		expect(code.body).toEqual({
			token_type: 'bearer',
			expires_in: 86400,
			access_token: 'worksection-access-1',
			refresh_token: 'worksection-refresh-1',
			account_url: 'https://team.worksection.com',
		});
		const refresh = await post('https://worksection.com/oauth2/refresh', { grant_type: 'refresh_token', refresh_token: 'worksection-refresh-1', ...CLIENT_BODY });
		expect(refresh.body).toMatchObject({ access_token: 'worksection-access-2', refresh_token: 'worksection-refresh-2', account_url: 'https://team.worksection.com' });
		mock.done();
	});

	test('Worktual: Redirect_url and authorisation_code, answered with a one-element array', async () => {
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await post(mock.urls.token, { grant_type: 'authorisation_code', code: 'the-code', Redirect_url: REDIRECT, ...CLIENT_BODY });
		expect(res).toMatchObject({ status: 200, body: [{ access_token: 'worktual-access-1' }] });
		mock.done();
	});

	test('Worktual: field names as the doc capitalises them are accepted too', async () => {
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await post(mock.urls.token, { Grant_type: 'authorisation_code', Code: 'the-code', Redirect_url: REDIRECT, Client_id: MOCK_CLIENT.clientId, client_secret: MOCK_CLIENT.clientSecret });
		expect(res.status).toBe(200);
		mock.done();
	});

	test('WebWork Tracker: Basic client auth for code, refresh (rotating) and client credentials', async () => {
		const mock = strictVendorMock('webwork-tracker')
			.expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT })
			.expectRefresh({ refreshToken: 'webwork-tracker-refresh-1' })
			.expectClientCredentials();
		const url = 'https://api.webwork-tracker.com/oauth/token';
		expect((await post(url, codeFields(), { Authorization: BASIC })).body).toMatchObject({ access_token: 'webwork-tracker-access-1', refresh_token: 'webwork-tracker-refresh-1' });
		expect((await post(url, { grant_type: 'refresh_token', refresh_token: 'webwork-tracker-refresh-1' }, { Authorization: BASIC })).body).toMatchObject({
			refresh_token: 'webwork-tracker-refresh-2',
		});
		expect((await post(url, { grant_type: 'client_credentials', scope: 'read write' }, { Authorization: BASIC })).status).toBe(200);
		mock.done();
	});

	test('WebWork Tracker: body credentials that repeat the Basic header (as the doc example) are tolerated', async () => {
		const mock = strictVendorMock('webwork-tracker').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		expect((await post(mock.urls.token, { ...codeFields(), ...CLIENT_BODY }, { Authorization: BASIC })).status).toBe(200);
		mock.done();
	});

	test('Wordapp: code, refresh without client, password, client credentials, revoke', async () => {
		const mock = strictVendorMock('wordapp')
			.expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT })
			.expectRefresh({ refreshToken: 'wordapp-refresh-1' })
			.expectPassword({ username: 'ann@example.com', password: 'pw-1234' })
			.expectClientCredentials()
			.expectRevoke({ accessToken: 'tok-to-revoke' });
		const url = 'https://app.wordapp.com/oauth/token';
		expect((await post(url, { ...codeFields(), ...CLIENT_BODY })).body).toMatchObject({ access_token: 'wordapp-access-1', scope: 'public', created_at: expect.any(Number) });
		expect((await post(url, { grant_type: 'refresh_token', refresh_token: 'wordapp-refresh-1' })).body).toMatchObject({ refresh_token: 'wordapp-refresh-2' });
		expect((await post(url, { grant_type: 'password', username: 'ann@example.com', password: 'pw-1234' })).status).toBe(200);
		expect((await post(url, { grant_type: 'client_credentials', ...CLIENT_BODY })).status).toBe(200);
		expect((await post('https://app.wordapp.com/oauth/revoke', { token: 'tok-to-revoke' }, { Authorization: 'Bearer tok-to-revoke' })).status).toBe(200);
		mock.done();
	});

	test('configured replies: status, raw body and content type are sent as given', async () => {
		const mock = strictVendorMock('weekdone').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT, status: 200, rawReply: '<html>login</html>' });
		const res = await http({ method: 'POST', url: mock.urls.token, headers: { 'Content-Type': FORM }, body: new URLSearchParams({ ...codeFields(), ...CLIENT_BODY }).toString() });
		expect(res).toMatchObject({ status: 200, body: '<html>login</html>', headers: { 'content-type': 'text/html' } });
		mock.done();
	});
});

describe('wrong URL', () => {
	test('Worksection refresh sent to /oauth2/token', async () => {
		const mock = strictVendorMock('worksection').expectRefresh({ refreshToken: 'r-1' });
		const res = await post('https://worksection.com/oauth2/token', { grant_type: 'refresh_token', refresh_token: 'r-1', ...CLIENT_BODY });
		expect(res).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
		expectRejected(mock, /must go to https:\/\/worksection\.com\/oauth2\/refresh/);
	});

	test('Worksection code exchange sent to /oauth2/refresh', async () => {
		const mock = strictVendorMock('worksection').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await post('https://worksection.com/oauth2/refresh', { ...codeFields(), ...CLIENT_BODY });
		expect(res.status).toBe(400);
		expectRejected(mock, /must go to https:\/\/worksection\.com\/oauth2\/token/);
	});

	test('WebWork token request sent to the authorize host (the research guess) is not found', async () => {
		const mock = strictVendorMock('webwork-tracker').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await post('https://webwork-tracker.com/oauth/token', codeFields(), { Authorization: BASIC });
		expect(res.status).toBe(404);
		expect(mock.rejections).toEqual([expect.stringMatching(/no such WebWork Tracker endpoint/)]);
		expect(() => mock.done()).toThrow(/never called: code exchange/);
	});

	test('a server-side request to the authorize URL is rejected', async () => {
		const mock = strictVendorMock('weekdone');
		const res = await http({ method: 'GET', url: `${mock.urls.authorize}?client_id=x`, headers: {} });
		expect(res.status).toBe(400);
		expectRejected(mock, /authorize URL is for the user's browser/);
	});

	test('a request to an unmocked host of the vendor fails and is recorded', async () => {
		const mock = strictVendorMock('weekdone').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		await expect(post('https://www.weekdone.com/oauth_token', { ...codeFields(), ...CLIENT_BODY })).rejects.toThrow(/failed/);
		expect(mock.rejections).toEqual([expect.stringMatching(/unmocked host: POST https:\/\/www\.weekdone\.com\/oauth_token/)]);
		mock.rejections.splice(0);
		expect(() => mock.done()).toThrow(/never called/);
	});

	test('GET on a token endpoint', async () => {
		const mock = strictVendorMock('wordapp');
		expect((await http({ method: 'GET', url: mock.urls.token, headers: {} })).status).toBe(405);
		expectRejected(mock, /takes POST/);
	});
});

describe('missing or renamed parameters', () => {
	test('Worktual: redirect_uri instead of Redirect_url', async () => {
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await post(mock.urls.token, { ...codeFields('authorisation_code'), ...CLIENT_BODY });
		expect(res).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
		expectRejected(mock, /sent redirect_uri; Worktual names it Redirect_url/);
	});

	test('Worktual: grant_type=authorization_code (RFC spelling)', async () => {
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await post(mock.urls.token, { grant_type: 'authorization_code', code: 'the-code', Redirect_url: REDIRECT, ...CLIENT_BODY });
		expect(res).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
		expectRejected(mock, /spells it authorisation_code/);
	});

	test('Weekdone: refresh without redirect_uri', async () => {
		const mock = strictVendorMock('weekdone').expectRefresh({ refreshToken: 'r-1' });
		const res = await post(mock.urls.refresh, { grant_type: 'refresh_token', refresh_token: 'r-1', ...CLIENT_BODY });
		expect(res).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
		expectRejected(mock, /redirect_uri is required for refresh_token/);
	});

	test.each<MockVendorId>(['weekdone', 'worksection', 'wordapp'])('%s: code exchange without redirect_uri', async (vendor) => {
		const mock = strictVendorMock(vendor).expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await post(mock.urls.token, { grant_type: 'authorization_code', code: 'the-code', ...CLIENT_BODY });
		expect(res.status).toBe(400);
		expectRejected(mock, /redirect_uri is required/);
	});

	test('a grant the vendor does not document', async () => {
		const mock = strictVendorMock('weekdone');
		const res = await post(mock.urls.token, { grant_type: 'client_credentials', ...CLIENT_BODY });
		expect(res).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
		expectRejected(mock, /"client_credentials" is not supported/);
	});
});

describe('client authentication', () => {
	test.each<MockVendorId>(['weekdone', 'worksection', 'worktual', 'wordapp'])('%s: a Basic header instead of body credentials → 401 invalid_client', async (vendor) => {
		const mock = strictVendorMock(vendor).expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const grant = vendor === 'worktual' ? { grant_type: 'authorisation_code', code: 'the-code', Redirect_url: REDIRECT } : codeFields();
		const res = await post(mock.urls.token, grant, { Authorization: BASIC });
		expect(res).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
		expectRejected(mock, /as form fields, not an Authorization header/);
	});

	test('WebWork Tracker: secret in the body without Basic → 401 invalid_client', async () => {
		const mock = strictVendorMock('webwork-tracker').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await post(mock.urls.token, { ...codeFields(), ...CLIENT_BODY });
		expect(res).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
		expectRejected(mock, /as an HTTP Basic header, not only in the form body/);
	});

	test('WebWork Tracker: refresh with a wrong Basic secret', async () => {
		const mock = strictVendorMock('webwork-tracker').expectRefresh({ refreshToken: 'r-1' });
		const wrong = `Basic ${Buffer.from(`${MOCK_CLIENT.clientId}:nope`).toString('base64')}`;
		expect((await post(mock.urls.token, { grant_type: 'refresh_token', refresh_token: 'r-1' }, { Authorization: wrong })).status).toBe(401);
		expectRejected(mock, /wrong client credentials/);
	});

	test('Worksection: wrong client secret in the body', async () => {
		const mock = strictVendorMock('worksection').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		expect((await post(mock.urls.token, { ...codeFields(), client_id: MOCK_CLIENT.clientId, client_secret: 'nope' })).status).toBe(401);
		expectRejected(mock, /wrong client credentials in the form body/);
	});

	test('Weekdone: refresh without client credentials', async () => {
		const mock = strictVendorMock('weekdone').expectRefresh({ refreshToken: 'r-1' });
		expect((await post(mock.urls.token, { grant_type: 'refresh_token', refresh_token: 'r-1', redirect_uri: REDIRECT })).status).toBe(401);
		expectRejected(mock, /client_id and client_secret are both required/);
	});

	test('Wordapp: refresh with a Basic header', async () => {
		const mock = strictVendorMock('wordapp').expectRefresh({ refreshToken: 'r-1' });
		expect((await post(mock.urls.token, { grant_type: 'refresh_token', refresh_token: 'r-1' }, { Authorization: BASIC })).status).toBe(401);
		expectRejected(mock, /not an Authorization header/);
	});
});

describe('Content-Type', () => {
	test.each<MockVendorId>(['weekdone', 'worksection', 'worktual', 'webwork-tracker', 'wordapp'])('%s: a JSON token request is refused', async (vendor) => {
		const mock = strictVendorMock(vendor).expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await http({ method: 'POST', url: mock.urls.token, headers: { 'Content-Type': 'application/json', Authorization: BASIC }, body: JSON.stringify({ ...codeFields(), ...CLIENT_BODY }) });
		expect(res.status).toBe(400);
		expectRejected(mock, /Content-Type must be application\/x-www-form-urlencoded, got "application\/json"/);
	});
});

describe('expected values and bookkeeping', () => {
	test('a different code is invalid_grant', async () => {
		const mock = strictVendorMock('worksection').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		const res = await post(mock.urls.token, { ...codeFields(), code: 'other', ...CLIENT_BODY });
		expect(res).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
		expectRejected(mock, /code is not the expected one/);
	});

	test('a different redirect URL is invalid_grant', async () => {
		const mock = strictVendorMock('worksection').expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		expect((await post(mock.urls.token, { ...codeFields(), redirect_uri: 'https://evil.example.com/cb', ...CLIENT_BODY })).status).toBe(400);
		expectRejected(mock, /redirect URL is not the expected one/);
	});

	test('a request no expectation covers', async () => {
		const mock = strictVendorMock('webwork-tracker');
		expect((await post(mock.urls.token, { grant_type: 'client_credentials' }, { Authorization: BASIC })).status).toBe(400);
		expectRejected(mock, /unexpected client_credentials request/);
	});

	test('a rotating vendor refuses a spent refresh token', async () => {
		const mock = strictVendorMock('webwork-tracker').expectRefresh({ refreshToken: 'r-1' }).expectRefresh({ refreshToken: 'r-1' });
		expect((await post(mock.urls.token, { grant_type: 'refresh_token', refresh_token: 'r-1' }, { Authorization: BASIC })).status).toBe(200);
		expect((await post(mock.urls.token, { grant_type: 'refresh_token', refresh_token: 'r-1' }, { Authorization: BASIC })).status).toBe(400);
		expect(mock.rejections).toEqual([expect.stringMatching(/already used; WebWork Tracker rotates/)]);
		mock.rejections.splice(0);
		expect(() => mock.done()).toThrow(/never called: refresh/);
	});

	test('done() names every unused expectation', () => {
		const mock = strictVendorMock('wordapp').expectCodeExchange({ code: 'c', redirectUri: REDIRECT }).expectRevoke({ accessToken: 'a' });
		expect(() => mock.done()).toThrow(/never called: code exchange[\s\S]*never called: revoke/);
	});

	test('expecting a grant the vendor does not document is a setup error', () => {
		expect(() => strictVendorMock('worktual').expectRefresh({ refreshToken: 'r' })).toThrow(/Worktual documents no refresh_token grant/);
		expect(() => strictVendorMock('weekdone').expectPassword({ username: 'u', password: 'p' })).toThrow(/no password grant/);
		expect(() => strictVendorMock('worksection').expectClientCredentials()).toThrow(/no client_credentials grant/);
		expect(() => strictVendorMock('webwork-tracker').expectRevoke({ accessToken: 'a' })).toThrow(/no token revocation/);
	});
});

describe('Wordapp revoke', () => {
	test('without the Bearer header', async () => {
		const mock = strictVendorMock('wordapp').expectRevoke({ accessToken: 'tok-1' });
		expect((await post(mock.urls.revoke as string, { token: 'tok-1' })).status).toBe(401);
		expectRejected(mock, /Authorization: Bearer <token>/);
	});

	test('without the token field', async () => {
		const mock = strictVendorMock('wordapp').expectRevoke({ accessToken: 'tok-1' });
		expect((await post(mock.urls.revoke as string, { access_token: 'tok-1' }, { Authorization: 'Bearer tok-1' })).status).toBe(400);
		expectRejected(mock, /"token" form field/);
	});
});
