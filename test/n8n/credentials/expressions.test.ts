/**
 * The hidden expressions, resolved by n8n-workflow's real expression engine the way the CLI resolves
 * credentials (harness/credentials-helper.ts): `$self` = the credential data, `$executionId` from the
 * context — a workflow execution ("1001"), or none ("__UNKNOWN__"): the OAuth connect handlers, polls, dropdowns.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { loadPackageCredentials } from '../harness/credential-types';
import { Engine } from '../harness/engine';
import { loadRealN8n } from '../harness/real-n8n';
import { N8N_CALLBACK_URL } from '../harness/oauth-flow';
import { MOCK_CLIENT } from '../../mocks/vendor-mocks';

const STORED_GRANT = { oauthTokenData: { access_token: 'at-old', refresh_token: 'rt-old' } };

async function resolve(type: string, data: ICredentialDataDecryptedObject, where: 'flow' | 'execution' | 'poll' | 'loadOptions', engine = new Engine()) {
	const ref = engine.addCredential(type, { ...MOCK_CLIENT, ...data });
	if (where === 'flow') return await engine.resolvedForOAuthFlow(ref.id);
	if (where === 'execution') return await engine.execute(type, ref.id, async function () {
		return await this.getCredentials(type);
	});
	if (where === 'poll') return await engine.poll(type, ref.id, async function () {
		return await this.getCredentials(type);
	});
	return await engine.loadOptions(type, ref.id, async function () {
		return await this.getCredentials(type);
	});
}

describe('Worksection: /oauth2/token for the code exchange, /oauth2/refresh whenever a live grant is stored', () => {
	const type = 'worksectionOAuth2Api';
	const DAY = 86_400_000;
	/** Token data as n8n stores it after a token request `ageDays` ago (24 h access token). */
	const grantFrom = (ageDays: number) => ({
		oauthTokenData: { access_token: 'at-old', refresh_token: 'rt-old', expires_in: 86400, n8n_expires_at: String(Date.now() - ageDays * DAY + DAY) },
	});

	test('first connect (nothing stored) → /oauth2/token', async () => {
		expect((await resolve(type, {}, 'flow')).accessTokenUrl).toBe('https://worksection.com/oauth2/token');
	});

	test('refresh in an execution, a poll and a dropdown → /oauth2/refresh', async () => {
		for (const where of ['execution', 'poll', 'loadOptions'] as const) {
			expect((await resolve(type, STORED_GRANT, where)).accessTokenUrl).toBe('https://worksection.com/oauth2/refresh');
			expect((await resolve(type, grantFrom(29), where)).accessTokenUrl).toBe('https://worksection.com/oauth2/refresh');
		}
	});

	test('a grant older than the documented month is dead: a reconnect exchanges at /oauth2/token', async () => {
		expect((await resolve(type, grantFrom(31), 'flow')).accessTokenUrl).toBe('https://worksection.com/oauth2/token');
	});

	test('limit: a reconnect over a live grant resolves to /oauth2/refresh (the notice says: Disconnect first)', async () => {
		expect((await resolve(type, STORED_GRANT, 'flow')).accessTokenUrl).toBe('https://worksection.com/oauth2/refresh');
	});

	test('follows overwritten URLs (e2e sandbox via CREDENTIALS_OVERWRITE_DATA)', async () => {
		const engine = new Engine();
		engine.credentials.overwrites[type] = {
			authUrl: 'http://127.0.0.1:9999/worksection/oauth2/authorize',
			tokenUrl: 'http://127.0.0.1:9999/worksection/oauth2/token',
			refreshUrl: 'http://127.0.0.1:9999/worksection/oauth2/refresh',
		};
		const flow = await resolve(type, { authUrl: 'https://stale.example/authorize' }, 'flow', engine);
		// a stored value of a pinned hidden field is dropped, then the overwrite fills it
		expect(flow.authUrl).toBe('http://127.0.0.1:9999/worksection/oauth2/authorize');
		expect(flow.accessTokenUrl).toBe('http://127.0.0.1:9999/worksection/oauth2/token');
		expect((await resolve(type, STORED_GRANT, 'execution', engine)).accessTokenUrl).toBe('http://127.0.0.1:9999/worksection/oauth2/refresh');
	});
});

describe('Weekdone: redirect_uri rides on the token URL query for refreshes', () => {
	const type = 'weekdoneOAuth2Api';
	const withRedirect = `https://weekdone.com/oauth_token?redirect_uri=${encodeURIComponent(N8N_CALLBACK_URL)}`;

	test('first connect → plain token URL (redirect_uri goes in the body, from n8n)', async () => {
		expect((await resolve(type, { redirectUri: N8N_CALLBACK_URL }, 'flow')).accessTokenUrl).toBe('https://weekdone.com/oauth_token');
	});

	test('refresh in an execution, a poll or a dropdown → ?redirect_uri=<pasted URL>', async () => {
		for (const where of ['execution', 'poll', 'loadOptions'] as const) {
			expect((await resolve(type, { redirectUri: N8N_CALLBACK_URL, ...STORED_GRANT }, where)).accessTokenUrl).toBe(withRedirect);
		}
	});

	test('reconnect with a stored grant also carries it (same value as the body)', async () => {
		expect((await resolve(type, { redirectUri: N8N_CALLBACK_URL, ...STORED_GRANT }, 'flow')).accessTokenUrl).toBe(withRedirect);
	});

	test('appends with & when the (overwritten) token URL already has a query', async () => {
		const engine = new Engine();
		engine.credentials.overwrites[type] = { tokenUrl: 'http://127.0.0.1:9999/weekdone/oauth_token?x=1' };
		const resolved = await resolve(type, { redirectUri: 'https://n8n.example/cb?a=b&c', ...STORED_GRANT }, 'execution', engine);
		expect(resolved.accessTokenUrl).toBe('http://127.0.0.1:9999/weekdone/oauth_token?x=1&redirect_uri=https%3A%2F%2Fn8n.example%2Fcb%3Fa%3Db%26c');
	});
});

describe('Worktual: renamed fields from the pasted redirect URL', () => {
	test('authorize query and code-exchange body overrides', async () => {
		const resolved = await resolve('worktualOAuth2Api', { redirectUri: N8N_CALLBACK_URL }, 'flow');
		expect(resolved.authQueryParameters).toBe(`Redirect_url=${encodeURIComponent(N8N_CALLBACK_URL)}`);
		expect(JSON.parse(resolved.additionalBodyProperties as string)).toEqual({ grant_type: 'authorisation_code', Redirect_url: N8N_CALLBACK_URL });
		expect(resolved.accessTokenUrl).toBe('https://api.worktual.co.uk/services/oauth2/v1/token');
		expect(resolved.tokenPrefix).toBe('');
	});
});

describe('standard vendors: one token URL everywhere', () => {
	test.each([
		['webworkTrackerOAuth2Api', 'https://api.webwork-tracker.com/oauth/token', 'header', 'read write admin'],
		['wordappOAuth2Api', 'https://app.wordapp.com/oauth/token', 'body', ''],
		['webworkTrackerClientCredentialsOAuth2Api', 'https://api.webwork-tracker.com/oauth/token', 'header', 'read write admin'],
		['wordappClientCredentialsOAuth2Api', 'https://app.wordapp.com/oauth/token', 'body', ''],
	])('%s', async (type, tokenUrl, authentication, scope) => {
		for (const where of ['flow', 'execution', 'poll'] as const) {
			const resolved = await resolve(type, STORED_GRANT, where);
			expect(resolved).toMatchObject({ accessTokenUrl: tokenUrl, authentication, scope });
		}
	});

	test('undocumented Wordapp URLs: user edits win, defaults otherwise', async () => {
		const resolved = await resolve('wordappOAuth2Api', { authUrl: 'https://app.wordapp.com/custom/authorize' }, 'flow');
		expect(resolved.authUrl).toBe('https://app.wordapp.com/custom/authorize'); // visible, so not pinned
		expect(resolved.revokeUrl).toBe('https://app.wordapp.com/oauth/revoke');
		expect(resolved.apiBaseUrl).toBe('https://app.wordapp.com/api/v1');
	});
});

const real = loadRealN8n();
const describeReal = real ? describe : describe.skip;

describeReal("the CLI's own CredentialsHelper (n8n 2.41.1 from test/e2e/runtime) resolves every credential the same way", () => {
	const types = [...loadPackageCredentials().keys()];
	test.each(types)('%s', async (type) => {
		const data = { ...MOCK_CLIENT, redirectUri: N8N_CALLBACK_URL, username: 'u', password: 'p', accountUrl: 'https://acme.worksection.com', apiKey: 'k', accessToken: '' };
		for (const [executionId, mode, grant] of [
			[undefined, 'internal', {}],
			[undefined, 'internal', STORED_GRANT],
			['1001', 'manual', STORED_GRANT],
			[undefined, 'trigger', STORED_GRANT],
		] as const) {
			const engine = new Engine();
			const ref = engine.addCredential(type, { ...data, ...grant });
			const ours = await engine.credentials.applyDefaultsAndOverwrites(engine.additionalData(executionId), { ...engine.credentials.stored(ref.id) }, type, mode);
			expect(await real!.resolve(engine, ref.id, executionId, mode)).toEqual(ours);
		}
	});
});
