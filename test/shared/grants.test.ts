/**
 * The other grants, driven by the definitions' `alternatives` so a wrong alternative fails against the
 * documented behaviour: client credentials (WebWork Basic, Wordapp body), password (Wordapp), revoke (Wordapp).
 */
import nock from 'nock';

import { clientCredentialsToken, passwordToken, revokeToken } from '../../shared/oauth';
import type { AlternativeAuth, VendorDefinition } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import { strictVendorMock } from '../mocks/vendor-mocks';
import { authError, client, expectNoSecrets, http, NOW } from './helpers';

function alternative<K extends AlternativeAuth['kind']>(vendor: VendorDefinition, kind: K): Extract<AlternativeAuth, { kind: K }> {
	const found = vendor.alternatives.find((a): a is Extract<AlternativeAuth, { kind: K }> => a.kind === kind);
	if (!found) throw new Error(`${vendor.id} has no ${kind} alternative`);
	return found;
}

describe('client credentials', () => {
	test('WebWork Tracker: Basic client auth with the alternative\'s scopes', async () => {
		const alt = alternative(vendors['webwork-tracker'], 'clientCredentials');
		const mock = strictVendorMock('webwork-tracker').expectClientCredentials();
		const token = await clientCredentialsToken(http, vendors['webwork-tracker'], client, { clientAuth: alt.clientAuth, scopes: alt.scopes }, NOW);
		mock.done();
		expect(token).toEqual({ access_token: 'webwork-tracker-access-1', token_type: 'Bearer', expires_in: 1296000, expires_at: NOW + 1296000 * 1000 });
		expect(mock.requests[0].body).toEqual({ grant_type: 'client_credentials', scope: 'read write admin' });
	});

	test('Wordapp: client_id and client_secret in the body, no scope', async () => {
		const alt = alternative(vendors.wordapp, 'clientCredentials');
		const mock = strictVendorMock('wordapp').expectClientCredentials();
		const token = await clientCredentialsToken(http, vendors.wordapp, client, { clientAuth: alt.clientAuth, scopes: alt.scopes }, NOW);
		mock.done();
		expect(token.access_token).toBe('wordapp-access-1');
		expect(token).not.toHaveProperty('refresh_token');
		expect(mock.requests[0].body).toEqual({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
	});

	test('missing client credentials are refused before any request', async () => {
		const mock = strictVendorMock('wordapp');
		const error = await authError(() => clientCredentialsToken(http, vendors.wordapp, { clientId: '', clientSecret: '' }, { clientAuth: 'body' }, NOW));
		expect(error).toMatchObject({ cause_: 'invalid_input', message: expect.stringMatching(/^Wordapp: .*Client ID and Client Secret/) });
		expect(mock.requests).toHaveLength(0);
		mock.done();
	});
});

describe('password grant (Wordapp)', () => {
	const alt = alternative(vendors.wordapp, 'password');

	test('without an application: only grant_type, username and password', async () => {
		const mock = strictVendorMock('wordapp').expectPassword({ username: 'ann@example.com', password: 's3cret-pw' });
		const token = await passwordToken(http, vendors.wordapp, {}, { username: 'ann@example.com', password: 's3cret-pw', clientAuth: alt.clientAuth }, NOW);
		mock.done();
		expect(mock.requests[0].body).toEqual({ grant_type: 'password', username: 'ann@example.com', password: 's3cret-pw' });
		expect(token).toMatchObject({ access_token: 'wordapp-access-1', refresh_token: 'wordapp-refresh-1', expires_at: NOW + 7200 * 1000 });
	});

	test('with an application: its credentials go in the body', async () => {
		const mock = strictVendorMock('wordapp').expectPassword({ username: 'ann', password: 's3cret-pw' });
		await passwordToken(http, vendors.wordapp, client, { username: 'ann', password: 's3cret-pw', clientAuth: alt.clientAuth }, NOW);
		mock.done();
		expect(mock.requests[0].body).toMatchObject({ client_id: client.clientId, client_secret: client.clientSecret });
	});

	test('wrong password: invalid_grant, named, and the password is not in the error', async () => {
		const mock = strictVendorMock('wordapp').expectPassword({
			username: 'ann',
			password: 'wrong-pw-123',
			reply: { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' },
		});
		// The mock sends a 200 with an error body here, the reply being configured; the lifecycle must still refuse it.
		const error = await authError(() => passwordToken(http, vendors.wordapp, {}, { username: 'ann', password: 'wrong-pw-123', clientAuth: 'none' }, NOW));
		mock.done();
		expect(error).toMatchObject({ oauthError: 'invalid_grant', needsReconnect: true });
		expect(error.message).toMatch(/^Wordapp: .*invalid_grant/);
		expectNoSecrets(error, ['wrong-pw-123']);
	});

	test('an empty password is refused before any request', async () => {
		const error = await authError(() => passwordToken(http, vendors.wordapp, {}, { username: 'ann', password: '', clientAuth: 'none' }, NOW));
		expect(error.cause_).toBe('invalid_input');
	});
});

describe('revoke (Wordapp)', () => {
	test('Bearer header plus the token form field', async () => {
		const mock = strictVendorMock('wordapp').expectRevoke({ accessToken: 'tok-to-revoke' });
		await revokeToken(http, vendors.wordapp, client, { accessToken: 'tok-to-revoke' });
		mock.done();
		expect(mock.requests[0]).toMatchObject({ url: 'https://app.wordapp.com/oauth/revoke', body: { token: 'tok-to-revoke' }, headers: { authorization: 'Bearer tok-to-revoke' } });
	});

	test('a refused revoke names the vendor and the status, not the token', async () => {
		const mock = strictVendorMock('wordapp'); // no revoke expected: the mock answers 400 and records a rejection
		const error = await authError(() => revokeToken(http, vendors.wordapp, client, { accessToken: 'tok-unknown-1' }));
		expect(error.message).toMatch(/^Wordapp: .*HTTP 400/);
		expectNoSecrets(error, ['tok-unknown-1']);
		expect(mock.rejections).toEqual([expect.stringMatching(/unexpected revoke/)]);
		mock.rejections.splice(0);
	});

	test('a revoke 5xx is a server error; the revoke URL override is honoured', async () => {
		const scope = nock('https://sandbox.example.com').post('/oauth/revoke').reply(503, 'down');
		const error = await authError(() => revokeToken(http, vendors.wordapp, { revokeUrl: 'https://sandbox.example.com/oauth/revoke' }, { accessToken: 'tok-5xx-1' }));
		expect(scope.isDone()).toBe(true);
		expect(error).toMatchObject({ cause_: 'server_error', status: 503 });
	});

	test('vendors without documented revocation say so', async () => {
		for (const vendor of [vendors.weekdone, vendors.worksection, vendors.worktual, vendors['webwork-tracker']]) {
			const error = await authError(() => revokeToken(http, vendor, client, { accessToken: 'a-token' }));
			expect(error.cause_).toBe('not_supported');
			expect(error.message.startsWith(`${vendor.displayName}: `)).toBe(true);
		}
	});
});
