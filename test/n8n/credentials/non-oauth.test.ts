/**
 * The non-OAuth credentials under n8n-core's real httpRequestWithAuthentication: the Wordapp password
 * credential's preAuthentication (token obtained, persisted, renewed on 401 by refresh or password), the
 * Worksection admin md5 signature over the exact query string sent, and each type's `test` request.
 */
import { createHash } from 'crypto';

import nock from 'nock';
import type { IExecuteFunctions } from 'n8n-workflow';

import { adminApiKeyAuthenticate, serializeQuery } from '../../../credentials/common';
import { vendorApiRequest, type VendorRequest } from '../../../nodes/transport/GenericFunctions';
import { vendors } from '../../../shared/vendors';
import type { VendorDefinition } from '../../../shared/types';
import { runCredentialTest } from '../harness/credential-test';
import { Engine } from '../harness/engine';
import { MOCK_CLIENT, strictVendorMock } from '../../mocks/vendor-mocks';

function run(engine: Engine, vendor: VendorDefinition, type: string, id: string, request: VendorRequest) {
	return engine.execute(type, id, async function (this: IExecuteFunctions) {
		return await vendorApiRequest.call(this, vendor, type, request);
	});
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('Wordapp password credential (preAuthentication)', () => {
	const type = 'wordappPasswordApi';
	const vendor = vendors.wordapp;
	const ME: VendorRequest = { method: 'GET', path: '/me' };

	test('first use: password grant (no client needed), token persisted, call sent with Bearer + X-Api-Version', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { username: 'ann@example.com', password: 'pw-Secret-1' });
		const mock = strictVendorMock('wordapp')
			.expectPassword({ username: 'ann@example.com', password: 'pw-Secret-1' })
			.expectApiCall({ method: 'GET', path: '/me', token: 'wordapp-access-1', reply: { email: 'ann@example.com' } });
		expect(await run(engine, vendor, type, ref.id, ME)).toEqual({ email: 'ann@example.com' });
		mock.done();
		expect(mock.requests[0].body).toEqual({ grant_type: 'password', username: 'ann@example.com', password: 'pw-Secret-1' });
		expect(mock.requests[1].headers['x-api-version']).toBe('application/vnd.wordapp-v1+json');
		expect(engine.credentials.stored(ref.id)).toMatchObject({ accessToken: 'wordapp-access-1', refreshToken: 'wordapp-refresh-1', password: 'pw-Secret-1' });
	});

	test('with an application: client id and secret in the body', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { username: 'ann', password: 'pw', ...MOCK_CLIENT });
		const mock = strictVendorMock('wordapp').expectPassword({ username: 'ann', password: 'pw' }).expectApiCall({ method: 'GET', path: '/me', token: 'wordapp-access-1', reply: {} });
		await run(engine, vendor, type, ref.id, ME);
		mock.done();
		expect(mock.requests[0].body).toMatchObject({ client_id: MOCK_CLIENT.clientId, client_secret: MOCK_CLIENT.clientSecret });
	});

	test('a stored token is used as is; on 401 the stored refresh token renews it (only grant_type + refresh_token, per doc)', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { username: 'ann', password: 'pw', ...MOCK_CLIENT, accessToken: 'OLD', refreshToken: 'R-OLD' });
		const mock = strictVendorMock('wordapp')
			.expectApiCall({ method: 'GET', path: '/me', token: 'OLD', status: 401, reply: { error: 'invalid_token' } })
			.expectRefresh({ refreshToken: 'R-OLD' })
			.expectApiCall({ method: 'GET', path: '/me', token: 'wordapp-access-1', reply: { ok: true } });
		expect(await run(engine, vendor, type, ref.id, ME)).toEqual({ ok: true });
		mock.done();
		expect(mock.requests[1].body).toEqual({ grant_type: 'refresh_token', refresh_token: 'R-OLD' });
		expect(engine.credentials.stored(ref.id)).toMatchObject({ accessToken: 'wordapp-access-1', refreshToken: 'wordapp-refresh-1' });
	});

	test('a refused refresh falls back to the password grant', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { username: 'ann', password: 'pw', accessToken: 'OLD', refreshToken: 'R-DEAD' });
		const mock = strictVendorMock('wordapp')
			.expectApiCall({ method: 'GET', path: '/me', token: 'OLD', status: 401, reply: { error: 'invalid_token' } })
			.expectRefresh({ refreshToken: 'R-DEAD', status: 400, reply: { error: 'invalid_grant', error_description: 'revoked' } })
			.expectPassword({ username: 'ann', password: 'pw' })
			.expectApiCall({ method: 'GET', path: '/me', token: 'wordapp-access-1', reply: { ok: true } });
		expect(await run(engine, vendor, type, ref.id, ME)).toEqual({ ok: true });
		mock.done();
		expect(engine.credentials.stored(ref.id).accessToken).toBe('wordapp-access-1');
	});

	test('a wrong password: NodeApiError without the password', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { username: 'ann', password: 'Wrong-Password-9' });
		const mock = strictVendorMock('wordapp').expectPassword({ username: 'ann', password: 'right' });
		const error = await run(engine, vendor, type, ref.id, ME).catch((e: Error) => e);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '400',
			message: 'Wordapp (HTTP 400): the token endpoint refused the request with HTTP 400: invalid_grant (password grant: wrong username or password)',
		});
		expect(JSON.stringify({ message: (error as Error).message, description: (error as { description?: string }).description })).not.toContain('Wrong-Password-9');
		expect(mock.rejections).toEqual([expect.stringMatching(/wrong username or password/)]);
		mock.rejections.splice(0);
		expect(engine.credentials.stored(ref.id).accessToken ?? '').toBe('');
	});

	test('credential test: preAuthentication then GET /oauth/token/info on the API host (Doorkeeper; the doc names no API resource)', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { username: 'ann', password: 'pw' });
		// the strict mock's API base moved to the host root, where token info lives
		const mock = strictVendorMock('wordapp', { apiBase: 'https://app.wordapp.com' })
			.expectPassword({ username: 'ann', password: 'pw' })
			.expectApiCall({ method: 'GET', path: '/oauth/token/info', token: 'wordapp-access-1', reply: { resource_owner_id: 1, scope: ['public'] } });
		expect(await runCredentialTest(engine, type, ref.id)).toMatchObject({ status: 'OK' });
		mock.done();
		expect(mock.requests.at(-1)?.url).toBe('https://app.wordapp.com/oauth/token/info');
	});

	test('a 404 on the token-info route names the URL to set', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { username: 'ann', password: 'pw', apiBaseUrl: 'https://wordapp.example.com/api/v1' });
		strictVendorMock('wordapp').expectPassword({ username: 'ann', password: 'pw' });
		nock('https://wordapp.example.com').get('/oauth/token/info').reply(404, 'Not Found');
		expect(await runCredentialTest(engine, type, ref.id)).toMatchObject({ status: 'Error' });
		// n8n's credential tester answers a failed request's status with the matching responseCode rule's message
		// (n8n@2.41 credentials-tester.service.js); this harness stops at the failure, so the rule is checked here.
		const rules = (engine.credentials.types.getByName(type).test?.rules ?? []) as Array<{ type: string; properties: { value?: unknown; message: string } }>;
		expect(rules.find((r) => r.type === 'responseCode' && r.properties.value === 404)?.properties.message).toMatch(
			/^Wordapp has no \/oauth\/token\/info at this address: set API Base URL to your Wordapp API address/,
		);
	});
});

describe('Worksection admin API key (md5-signed query)', () => {
	const type = 'worksectionAdminApi';
	const vendor = vendors.worksection;
	const KEY = 'admin-key-123';

	/** Answers the admin endpoint after checking hash = md5(everything before &hash= + key) on the raw URL. */
	function adminEndpoint(reply: object = { status: 'ok', data: [] }) {
		const seen: string[] = [];
		nock('https://acme.worksection.com')
			.get((path) => path.startsWith('/api/admin/v2/'))
			.query(true)
			.reply(function (uri) {
				seen.push(uri);
				const query = uri.slice(uri.indexOf('?') + 1);
				const match = /^(.*)&hash=([0-9a-f]{32})$/.exec(query);
				if (!match || md5(match[1] + KEY) !== match[2]) return [200, { status: 'error', status_code: 2, message: 'Action hash is missed or invalid' }];
				return [200, reply];
			});
		return seen;
	}

	test("the vendor doc's example: action=get_tasks&id_project=26 → md5(query . key)", async () => {
		const sign = adminApiKeyAuthenticate(vendor, type);
		const signed = await sign({ apiKey: KEY }, { url: 'https://acme.worksection.com/api/admin/v2/', qs: { action: 'get_tasks', id_project: 26 } });
		expect(signed.url).toBe(`https://acme.worksection.com/api/admin/v2/?action=get_tasks&id_project=26&hash=${md5(`action=get_tasks&id_project=26${KEY}`)}`);
		expect(signed.qs).toBeUndefined();
	});

	test('through n8n: the hash covers the query exactly as it reached the server (encoding, order, existing query)', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { accountUrl: 'https://acme.worksection.com/', apiKey: KEY });
		const seen = adminEndpoint({ status: 'ok', data: [{ id: 1 }] });
		const result = await run(engine, vendor, type, ref.id, {
			method: 'GET',
			path: '?action=post_task',
			qs: { id_project: 26, title: 'Fix: a/b & c? ü+1', tags: ['x', 'y'], empty: undefined },
		});
		expect(result).toEqual({ status: 'ok', data: [{ id: 1 }] });
		expect(seen).toHaveLength(1);
		const expectedQuery = `action=post_task&${serializeQuery({ id_project: 26, title: 'Fix: a/b & c? ü+1', tags: ['x', 'y'] })}`;
		expect(seen[0]).toBe(`/api/admin/v2/?${expectedQuery}&hash=${md5(expectedQuery + KEY)}`);
		expect(seen[0]).toContain('title=Fix%3A%20a%2Fb%20%26%20c%3F%20%C3%BC%2B1');
		expect(seen[0]).not.toContain(KEY);
	});

	test('a bad key: Worksection answers HTTP 200 + status:error → NodeApiError with its message', async () => {
		const engine = new Engine();
		const ref = engine.addCredential(type, { accountUrl: 'https://acme.worksection.com', apiKey: 'wrong-key' });
		adminEndpoint();
		await expect(run(engine, vendor, type, ref.id, { method: 'GET', path: '', qs: { action: 'get_users' } })).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Worksection (HTTP 200): Action hash is missed or invalid',
			description: expect.stringContaining('Vendor code 2'),
		});
	});

	test('credential test: get_users signed; a wrong key fails via the status:error rule', async () => {
		const engine = new Engine();
		const good = engine.addCredential(type, { accountUrl: 'https://acme.worksection.com', apiKey: KEY }, 'good');
		const bad = engine.addCredential(type, { accountUrl: 'https://acme.worksection.com', apiKey: 'nope' }, 'bad');
		const seen = adminEndpoint({ status: 'ok', data: [] });
		adminEndpoint();
		expect(await runCredentialTest(engine, type, good.id)).toMatchObject({ status: 'OK' });
		expect(await runCredentialTest(engine, type, bad.id)).toMatchObject({ status: 'Error', message: 'Worksection rejected the credential' });
		expect(seen[0]).toMatch(/^\/api\/admin\/v2\/\?action=get_users&hash=[0-9a-f]{32}$/);
	});
});

describe('personal-token credential tests', () => {
	test('WebWork Tracker PAT: GET /workspaces; success:false fails the test', async () => {
		const engine = new Engine();
		const ok = engine.addCredential('webworkTrackerPersonalAccessTokenApi', { accessToken: 'PAT1' }, 'ok');
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'PAT1', reply: { success: true, data: [] } })
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'PAT1', reply: { success: false, message: 'no access' } });
		expect(await runCredentialTest(engine, 'webworkTrackerPersonalAccessTokenApi', ok.id)).toMatchObject({ status: 'OK' });
		expect(await runCredentialTest(engine, 'webworkTrackerPersonalAccessTokenApi', ok.id)).toMatchObject({ status: 'Error' });
		mock.done();
	});

	test('Worktual private app token: GET /contacts?limit=1 with the raw token', async () => {
		const engine = new Engine();
		const ref = engine.addCredential('worktualPrivateAppTokenApi', { accessToken: 'PT1' });
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts', query: { limit: '1' }, token: 'PT1', reply: [] });
		expect(await runCredentialTest(engine, 'worktualPrivateAppTokenApi', ref.id)).toMatchObject({ status: 'OK' });
		mock.done();
	});

	test('client credentials test: the grant runs first, then the API call', async () => {
		const engine = new Engine();
		const ref = engine.addCredential('webworkTrackerClientCredentialsOAuth2Api', { ...MOCK_CLIENT });
		const mock = strictVendorMock('webwork-tracker')
			.expectClientCredentials()
			.expectApiCall({ method: 'GET', path: '/workspaces', token: 'webwork-tracker-access-1', reply: { success: true } });
		expect(await runCredentialTest(engine, 'webworkTrackerClientCredentialsOAuth2Api', ref.id)).toMatchObject({ status: 'OK' });
		mock.done();
	});
});
