/**
 * Every credential end to end against the in-process vendor sandbox (sandbox/, strict per the docs, never
 * reading shared/): URLs pointed at it the way the e2e suite does (CREDENTIALS_OVERWRITE_DATA), browser
 * authorize step, code exchange as n8n's callback sends it, API call through vendorApiRequest in n8n-core,
 * then a forced expiry: refresh, retry, persisted token data. Complements the nock tests with a server that
 * keeps real state (rotation, revoked tokens) — and the one that accepts Weekdone's redirect_uri in the query.
 */
import axios from 'axios';
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { hostRootPath } from '../../../nodes/transport/request-options';
import { vendorApiRequest } from '../../../nodes/transport/GenericFunctions';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { SANDBOX_CLIENTS, WEBWORK_PAT, WORDAPP_USER, WORKSECTION_ADMIN_KEY, WORKTUAL_PRIVATE_TOKEN } from '../../../sandbox/clients';
import { vendorIds, vendors } from '../../../shared/vendors';
import { fixtureFor } from '../../fixtures/per-vendor';
import type { VendorDefinition, VendorId } from '../../../shared/types';
import { PACKAGE_ASSUMPTIONS } from '../../e2e/assumptions';
import { sandboxOverwrites, worksectionAccountUrl } from '../../e2e/sandbox-overwrites';
import { runCredentialTest } from '../harness/credential-test';
import { Engine } from '../harness/engine';
import { authorizationUrl, connect, N8N_CALLBACK_URL } from '../harness/oauth-flow';

let sandbox: RunningSandbox;

beforeAll(async () => {
	// The package's assumptions, the very switches the e2e suite turns on (sandbox/README.md); the ones requests
	// actually needed are written to build/assumptions/ and listed in the npm test summary.
	sandbox = await startSandbox({
		port: 0,
		host: '127.0.0.1',
		autoApprove: true,
		assumptions: [...PACKAGE_ASSUMPTIONS],
		assumptionsFile: `${__dirname}/../../../build/assumptions/jest-n8n-credentials.json`,
	});
});
afterAll(async () => {
	await sandbox.close();
});

function engineForSandbox(): Engine {
	const engine = new Engine();
	engine.credentials.overwrites = sandboxOverwrites(sandbox.url);
	return engine;
}

function call(engine: Engine, vendor: VendorDefinition, type: string, id: string) {
	const { method, path: given, qs, fromHostRoot } = vendor.api.testRequest;
	const path = fromHostRoot ? hostRootPath(vendor, given) : given;
	return engine.execute(type, id, async function (this: IExecuteFunctions) {
		return await vendorApiRequest.call(this, vendor, type, { method, path, ...(qs ? { qs } : {}) });
	});
}

async function expire(vendor: VendorId) {
	await axios.post(`${sandbox.url}/__sandbox/expire?vendor=${vendor}`);
}

/** The user's browser at the authorize URL: the sandbox approves and redirects to n8n's callback with a code. */
async function authorize(url: URL): Promise<string> {
	const res = await axios.get(url.toString(), { maxRedirects: 0, validateStatus: () => true });
	expect(res.status).toBe(302);
	const location = new URL(res.headers.location as string);
	expect(`${location.origin}${location.pathname}`).toBe(N8N_CALLBACK_URL);
	expect(location.searchParams.get('error')).toBeNull();
	return location.searchParams.get('code')!;
}

/** Every registry vendor's OAuth2 credential (a vendor the sandbox does not emulate fails by name). */
const OAUTH: Array<[VendorId, string]> = vendorIds.map((id) => [id, `${vendors[id].n8nPrefix}OAuth2Api`]);

describe.each(OAUTH)('%s OAuth2: connect → call → expire → refresh → call', (id, type) => {
	test('works against the sandbox', async () => {
		const vendor = vendors[id];
		const engine = engineForSandbox();
		const client = fixtureFor(SANDBOX_CLIENTS, 'SANDBOX_CLIENTS in sandbox/clients.ts', id);
		const ref = engine.addCredential(type, { clientId: client.clientId, clientSecret: client.clientSecret, redirectUri: N8N_CALLBACK_URL });

		const code = await authorize(await authorizationUrl(engine, ref.id));
		const tokens = await connect(engine, ref.id, code);
		expect(JSON.stringify(tokens)).toMatch(/access_token/);
		await call(engine, vendor, type, ref.id);

		if (!vendor.oauth2.refresh) return; // Worktual: permanent token, nothing to refresh
		const before = engine.credentials.stored(ref.id).oauthTokenData as Record<string, unknown>;
		await expire(id);
		await call(engine, vendor, type, ref.id);
		const after = engine.credentials.stored(ref.id).oauthTokenData as Record<string, unknown>;
		expect(after.access_token).not.toBe(before.access_token);
		if (vendor.oauth2.refresh.rotatesRefreshToken) expect(after.refresh_token).not.toBe(before.refresh_token);
		else expect(after.refresh_token).toBe(before.refresh_token);
		// fields the vendor returns besides the RFC ones survive refreshes (merged, or returned again)
		for (const field of vendor.oauth2.keepFields) expect(after[field]).toBeDefined();

		// and once more: the persisted (rotated) refresh token is the one that works now
		await expire(id);
		await call(engine, vendor, type, ref.id);
	});
});

describe('alternatives against the sandbox', () => {
	const cases: Array<[string, VendorId, (sb: string) => ICredentialDataDecryptedObject]> = [
		['webworkTrackerPersonalAccessTokenApi', 'webwork-tracker', () => ({ accessToken: WEBWORK_PAT })],
		['worktualPrivateAppTokenApi', 'worktual', () => ({ accessToken: WORKTUAL_PRIVATE_TOKEN })],
		['worksectionAdminApi', 'worksection', (sb) => ({ accountUrl: worksectionAccountUrl(sb), apiKey: WORKSECTION_ADMIN_KEY })],
		['wordappPasswordApi', 'wordapp', () => ({ username: WORDAPP_USER.username, password: WORDAPP_USER.password })],
		['webworkTrackerClientCredentialsOAuth2Api', 'webwork-tracker', () => ({ ...SANDBOX_CLIENTS['webwork-tracker'] })],
		['wordappClientCredentialsOAuth2Api', 'wordapp', () => ({ ...SANDBOX_CLIENTS.wordapp })],
	];

	test.each(cases)('%s', async (type, id, data) => {
		const vendor = vendors[id];
		const engine = engineForSandbox();
		const ref = engine.addCredential(type, data(sandbox.url));
		const admin = vendor.alternatives.find((a) => a.credentialName === type);
		if (admin?.kind === 'adminApiKey') {
			const { method, path, qs } = admin.testRequest;
			await engine.execute(type, ref.id, async function (this: IExecuteFunctions) {
				return await vendorApiRequest.call(this, vendor, type, { method, path, ...(qs ? { qs } : {}) });
			});
			return;
		}
		// an application token has no user: Wordapp's /me refuses it, token info answers
		const request = type === 'wordappClientCredentialsOAuth2Api' ? { method: 'GET' as const, path: '../../oauth/token/info' } : undefined;
		const send = () =>
			request
				? engine.execute(type, ref.id, async function (this: IExecuteFunctions) {
						return await vendorApiRequest.call(this, vendor, type, request);
					})
				: call(engine, vendor, type, ref.id);
		await send();
		if (type === 'wordappPasswordApi' || type.includes('ClientCredentials')) {
			// a revoked/expired token is renewed (preAuthentication, or the client-credentials grant again)
			await expire(id);
			await send();
		}
	});

	test.each(cases)('%s: the credential test passes against the sandbox', async (type, _id, data) => {
		const engine = engineForSandbox();
		const ref = engine.addCredential(type, data(sandbox.url));
		expect(await runCredentialTest(engine, type, ref.id)).toMatchObject({ status: 'OK' });
	});

	test.each(cases.filter(([type]) => !type.includes('ClientCredentials')))('%s: the credential test fails with a wrong secret', async (type, _id, data) => {
		const engine = engineForSandbox();
		const wrong = { ...data(sandbox.url) };
		for (const key of ['accessToken', 'apiKey', 'password']) if (key in wrong) wrong[key] = 'wrong-value-1';
		const ref = engine.addCredential(type, wrong);
		expect(await runCredentialTest(engine, type, ref.id)).toMatchObject({ status: 'Error' });
	});

	test('Worksection admin key: a wrong key is refused with the vendor message', async () => {
		const engine = engineForSandbox();
		const ref = engine.addCredential('worksectionAdminApi', { accountUrl: worksectionAccountUrl(sandbox.url), apiKey: 'wrong-key' });
		await expect(
			engine.execute('worksectionAdminApi', ref.id, async function (this: IExecuteFunctions) {
				return await vendorApiRequest.call(this, vendors.worksection, 'worksectionAdminApi', { method: 'GET', path: '', qs: { action: 'get_users' } });
			}),
		).rejects.toMatchObject({ name: 'NodeApiError', message: expect.stringMatching(/^Worksection \(HTTP 200\): /) });
	});
});
