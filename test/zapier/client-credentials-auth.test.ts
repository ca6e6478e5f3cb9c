/**
 * Client-credentials integrations (zapier/client-credentials-auth.ts), Wordapp's in detail: session auth whose perform runs
 * the client-credentials grant. Strict mocks (test/mocks/vendor-mocks.ts) check the grant as Wordapp's document
 * lists it (client_id/client_secret as form fields) and the token where the API wants it. The token is fetched
 * once, reused while valid, fetched again on a 401 or on expiry, and the secret appears in no error.
 */
import nock from 'nock';
import * as zapier from 'zapier-platform-core';

import { vendors } from '../../shared/vendors';
import { zapierAlternatives } from '../../zapier/alternatives';
import { MOCK_CLIENT, strictVendorMock } from '../mocks/vendor-mocks';
import { failure, resetEnv } from './harness';
import { alternativeAndOAuthApps, expectWholeAlternative } from './alternative-apps';

beforeEach(() => {
	resetEnv();
	// the integration's own client is not used: each user enters their application's
	delete process.env.CLIENT_ID;
	delete process.env.CLIENT_SECRET;
});

type Tester = (method: unknown, bundle: object) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const vendor = vendors.wordapp;
const INFO = { resource_owner_id: null, scope: ['public'], expires_in: 7000, application: { uid: MOCK_CLIENT.clientId }, created_at: 1476891745 };
/** What the user enters to connect a client-credentials app: session auth with the application's client ID and secret. */
const CLIENT_FORM = {
	type: 'session',
	fields: [
		['client_id', 'string', true],
		['client_secret', 'password', true],
	],
};
const CLIENT = { client_id: MOCK_CLIENT.clientId, client_secret: MOCK_CLIENT.clientSecret };

function ccApp() {
	const { app, oauth } = alternativeAndOAuthApps('wordapp', 'clientCredentials');
	const run = zapier.createAppTester(app) as unknown as Tester;
	const perform = (app.authentication as unknown as { sessionConfig: { perform: unknown } }).sessionConfig.perform;
	return { app, oauth, run, perform };
}

/** What Zapier does for session auth: on RefreshAuthError run perform again, merge, replay once. */
async function runWithSession(run: Tester, perform: unknown, method: unknown, authData: Record<string, string>) {
	try {
		return { result: await run(method, { authData }), renewed: false, authData };
	} catch (error) {
		if ((error as Error).name !== 'RefreshAuthError') throw error;
		const merged = { ...authData, ...((await run(perform, { authData })) as Record<string, string>) };
		return { result: await run(method, { authData: merged }), renewed: true, authData: merged };
	}
}

describe('every client-credentials integration', () => {
	const withGrant = Object.values(vendors).filter((v) => zapierAlternatives(v).some((a) => a.kind === 'clientCredentials'));

	test('exists for Wordapp and WebWork Tracker', () => {
		expect(withGrant.map((v) => v.id).sort()).toEqual(['webwork-tracker', 'wordapp']);
	});

	test.each(withGrant.map((v) => v.id))('%s: session auth with the client fields, the OAuth app\'s operations, every integration check', async (id) => {
		await expectWholeAlternative(id, 'clientCredentials', CLIENT_FORM);
	});

	test('WebWork Tracker: the grant authenticates the client as its definition says, and the token reaches the API', async () => {
		const { app } = alternativeAndOAuthApps('webwork-tracker', 'clientCredentials');
		const run = zapier.createAppTester(app) as unknown as Tester;
		const perform = (app.authentication as unknown as { sessionConfig: { perform: unknown } }).sessionConfig.perform;
		const mock = strictVendorMock('webwork-tracker').expectClientCredentials();
		const authData: Record<string, string> = { ...CLIENT, ...((await run(perform, { authData: CLIENT })) as Record<string, string>) };
		mock.expectApiCall({ method: 'GET', path: '/workspaces', token: authData.access_token, reply: { success: true, data: [{ id: 3, workspace_name: 'Acme WS' }] } });
		const answer = await run(app.authentication?.test, { authData });
		mock.done();
		expect(mock.requests[0].headers.authorization).toMatch(/^Basic /);
		expect(await run(app.authentication?.connectionLabel, { authData, inputData: answer })).toBe('Acme WS');
	});
});

describe('Wordapp client-credentials integration', () => {
	test('session auth with the client fields, the OAuth app\'s operations, and every integration check passes', async () => {
		await expectWholeAlternative('wordapp', 'clientCredentials', CLIENT_FORM);
	});

	test('perform runs the grant with the entered client (form fields) and returns the token and its expiry, not the client', async () => {
		const { run, perform } = ccApp();
		const mock = strictVendorMock('wordapp').expectClientCredentials();
		const before = Date.now();
		const session = (await run(perform, { authData: CLIENT })) as Record<string, string>;
		mock.done();
		expect(mock.requests).toHaveLength(1);
		expect(mock.requests[0].url).toBe('https://app.wordapp.com/oauth/token');
		expect(mock.requests[0].body).toMatchObject({ grant_type: 'client_credentials', client_id: MOCK_CLIENT.clientId, client_secret: MOCK_CLIENT.clientSecret });
		expect(session.access_token).toBe('wordapp-access-1');
		expect(Number(session.expires_at)).toBeGreaterThanOrEqual(before + 7_000_000);
		expect(Object.keys(session)).not.toContain('client_secret');
		expect(Object.keys(session)).not.toContain('client_id');
	});

	test('a valid token is reused: calls go to the API with it, no new grant', async () => {
		const { app, run, perform } = ccApp();
		const mock = strictVendorMock('wordapp', { apiBase: 'https://app.wordapp.com' }).expectClientCredentials();
		const authData = { ...CLIENT, ...((await run(perform, { authData: CLIENT })) as Record<string, string>) };
		mock.expectApiCall({ method: 'GET', path: '/oauth/token/info', token: 'wordapp-access-1', reply: INFO, times: 2 });
		expect(await run(app.authentication?.test, { authData })).toEqual(INFO);
		expect(await run(app.authentication?.test, { authData })).toEqual(INFO);
		mock.done();
		expect(mock.requests.map((r) => new URL(r.url).pathname)).toEqual(['/oauth/token', '/oauth/token/info', '/oauth/token/info']);
		expect(mock.requests[1].headers['x-api-version']).toBe(vendor.api.headers['X-Api-Version']);
		// an application token has no owner: the label names the application (token info's application.uid)
		expect(await run(app.authentication?.connectionLabel, { authData, inputData: INFO })).toBe(MOCK_CLIENT.clientId);
	});

	test('a 401 gets a new token by the grant and the call is replayed', async () => {
		const { app, run, perform } = ccApp();
		const mock = strictVendorMock('wordapp', { apiBase: 'https://app.wordapp.com' })
			.expectApiCall({ method: 'GET', path: '/oauth/token/info', token: 'revoked-token', status: 401, reply: { error: 'invalid_token' } })
			.expectClientCredentials()
			.expectApiCall({ method: 'GET', path: '/oauth/token/info', token: 'wordapp-access-1', reply: INFO });
		const outcome = await runWithSession(run, perform, app.authentication?.test, { ...CLIENT, access_token: 'revoked-token' });
		mock.done();
		expect(outcome.renewed).toBe(true);
		expect(outcome.result).toEqual(INFO);
		expect(outcome.authData.access_token).toBe('wordapp-access-1');
	});

	test('a token past its known expiry is renewed before any API call', async () => {
		const { app, run, perform } = ccApp();
		const mock = strictVendorMock('wordapp', { apiBase: 'https://app.wordapp.com' })
			.expectClientCredentials()
			.expectApiCall({ method: 'GET', path: '/oauth/token/info', token: 'wordapp-access-1', reply: INFO });
		const stale = { ...CLIENT, access_token: 'old-token', expires_at: String(Date.now() - 1000) };
		const outcome = await runWithSession(run, perform, app.authentication?.test, stale);
		mock.done();
		expect(outcome.renewed).toBe(true);
		// the old token never reached the API
		expect(mock.requests.map((r) => r.headers.authorization)).toEqual([undefined, 'Bearer wordapp-access-1']);
	});

	test('a refused client (401 at the token endpoint) asks to reconnect, without the secret', async () => {
		const { run, perform } = ccApp();
		const secret = 'wrong-secret-4711';
		const scope = nock('https://app.wordapp.com')
			.post('/oauth/token', (body) => body.grant_type === 'client_credentials' && body.client_secret === secret)
			.reply(401, { error: 'invalid_client', error_description: `Client authentication failed for ${secret}` });
		const error = await failure(run(perform, { authData: { client_id: 'app-1', client_secret: secret } }));
		expect(scope.isDone()).toBe(true);
		expect(error.name).toBe('ExpiredAuthError');
		expect(error.message).toContain('Wordapp');
		expect(error.message).toContain('client ID and secret');
		expect(`${error.message}\n${error.stack}`).not.toContain(secret);
	});

	test('a token endpoint that echoes the secret in a 400 gives an error without it', async () => {
		const { run, perform } = ccApp();
		const secret = 'echoed-secret-0815';
		const scope = nock('https://app.wordapp.com').post('/oauth/token').reply(400, { error: 'invalid_request', error_description: `bad client_secret=${secret}` });
		const error = await failure(run(perform, { authData: { client_id: 'app-1', client_secret: secret } }));
		expect(scope.isDone()).toBe(true);
		expect(error.message).toContain('Wordapp');
		expect(`${error.message}\n${error.stack}`).not.toContain(secret);
	});

	test('missing client fields fail before any request', async () => {
		const { run, perform } = ccApp();
		const error = await failure(run(perform, { authData: { client_id: 'app-1', client_secret: ' ' } }));
		expect(error.message).toContain('enter the client ID and the client secret');
	});

	test('API Request to another host is refused before sending, without the token', async () => {
		const { app, run } = ccApp();
		// an API Request to another host never carries the token
		const error = await failure(run(app.creates?.api_request.operation.perform, { authData: { ...CLIENT, access_token: 'tok-1' }, inputData: { method: 'GET', path: 'https://evil.example.com/steal' } }));
		expect(error.message).toMatch(/refused before sending/);
		expect(error.message).not.toContain('tok-1');
	});
});
