/**
 * No secret (client secret, code, access/refresh token, password) may reach an error's message or its
 * serialised form, whatever the vendor or the transport echoes back.
 */
import { clientCredentialsToken, exchangeCode, passwordToken, refreshToken, revokeToken } from '../../shared/oauth';
import type { HttpClient } from '../../shared/oauth';
import { vendors } from '../../shared/vendors';
import { strictVendorMock } from '../mocks/vendor-mocks';
import { authError, client, expectNoSecrets, http, NOW, REDIRECT } from './helpers';

const CODE = 'code-0f9e8d7c6b5a';
const REFRESH = 'refresh-1a2b3c4d5e';
const ACCESS = 'access-9z8y7x6w5v';
const PASSWORD = 'hunter2-secret-pw';
const SECRETS = [client.clientSecret, CODE, REFRESH, ACCESS, PASSWORD];

/** A vendor body that echoes everything it was sent. */
const ECHO = `code=${CODE} client_secret=${client.clientSecret} refresh_token=${REFRESH} password=${PASSWORD}`;

const exchange = (id: keyof typeof vendors) => exchangeCode(http, vendors[id], client, { code: CODE, redirectUri: REDIRECT }, NOW);

describe('secrets never reach errors', () => {
	test('an error_description that echoes the code and the client secret', async () => {
		const mock = strictVendorMock('worksection').expectCodeExchange({
			code: CODE,
			redirectUri: REDIRECT,
			status: 400,
			reply: { error: 'invalid_grant', error_description: `code ${CODE} is not valid for client secret ${client.clientSecret}` },
		});
		const error = await authError(() => exchange('worksection'));
		mock.done();
		expect(error.message).toMatch(/invalid_grant \(code \[redacted\] is not valid/);
		expectNoSecrets(error, SECRETS);
	});

	test('a non-JSON body that echoes the form', async () => {
		const mock = strictVendorMock('weekdone').expectCodeExchange({ code: CODE, redirectUri: REDIRECT, rawReply: ECHO, contentType: 'text/plain' });
		const error = await authError(() => exchange('weekdone'));
		mock.done();
		expectNoSecrets(error, SECRETS);
	});

	test('a 4xx body without an RFC error that carries token fields the client never sent', async () => {
		const mock = strictVendorMock('webwork-tracker').expectCodeExchange({
			code: CODE,
			redirectUri: REDIRECT,
			status: 400,
			reply: { message: 'nope', refresh_token: 'leaked-refresh-77', access_token: 'leaked-access-77' },
		});
		const error = await authError(() => exchange('webwork-tracker'));
		mock.done();
		expect(error.message).toMatch(/HTTP 400/);
		expectNoSecrets(error, [...SECRETS, 'leaked-refresh-77', 'leaked-access-77']);
	});

	test('a token answer without access_token lists field names, never values', async () => {
		const mock = strictVendorMock('wordapp').expectCodeExchange({ code: CODE, redirectUri: REDIRECT, reply: { refresh_token: 'fresh-refresh-55', token_type: 'bearer' } });
		const error = await authError(() => exchange('wordapp'));
		mock.done();
		expect(error.message).toMatch(/fields: refresh_token, token_type/);
		expectNoSecrets(error, [...SECRETS, 'fresh-refresh-55']);
	});

	test('a refresh refused with the refresh token echoed', async () => {
		const mock = strictVendorMock('webwork-tracker').expectRefresh({
			refreshToken: REFRESH,
			status: 400,
			reply: { error: 'invalid_grant', error_description: `refresh token ${REFRESH} was revoked` },
		});
		const error = await authError(() => refreshToken(http, vendors['webwork-tracker'], client, { access_token: ACCESS, refresh_token: REFRESH }, {}, NOW));
		mock.done();
		expectNoSecrets(error, SECRETS);
	});

	test('a password grant refused with the password echoed', async () => {
		const mock = strictVendorMock('wordapp').expectPassword({
			username: 'ann',
			password: PASSWORD,
			reply: { error: 'invalid_grant', error_description: `password ${PASSWORD} is wrong` },
		});
		const error = await authError(() => passwordToken(http, vendors.wordapp, client, { username: 'ann', password: PASSWORD, clientAuth: 'body' }, NOW));
		mock.done();
		expectNoSecrets(error, SECRETS);
	});

	test('a client-credentials answer of HTML that echoes the Basic credentials', async () => {
		const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
		const mock = strictVendorMock('webwork-tracker').expectClientCredentials({ reply: { error: 'invalid_scope', error_description: `Basic ${basic} may not ask for admin` } });
		const error = await authError(() => clientCredentialsToken(http, vendors['webwork-tracker'], client, { clientAuth: 'basic', scopes: ['admin'] }, NOW));
		mock.done();
		expectNoSecrets(error, [...SECRETS, basic]);
	});

	test('a transport whose error quotes the whole request', async () => {
		const leaky: HttpClient = async (request) => {
			throw new Error(`failed ${request.url} ${JSON.stringify(request.headers)} ${request.body ?? ''}`);
		};
		const calls = [
			() => exchangeCode(leaky, vendors.weekdone, client, { code: CODE, redirectUri: REDIRECT }, NOW),
			() => refreshToken(leaky, vendors['webwork-tracker'], client, { access_token: ACCESS, refresh_token: REFRESH }, {}, NOW),
			() => passwordToken(leaky, vendors.wordapp, client, { username: 'ann', password: PASSWORD, clientAuth: 'body' }, NOW),
			() => revokeToken(leaky, vendors.wordapp, client, { accessToken: ACCESS }),
		];
		for (const call of calls) {
			const error = await authError(call);
			expect(error.cause_).toBe('server_error');
			expectNoSecrets(error, SECRETS);
		}
	});

	test('the axios transport keeps a query-string token out of its own errors', async () => {
		const error = await http({ method: 'GET', url: `https://unreachable.example.com/1/company?token=${ACCESS}`, headers: {} }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expectNoSecrets(error as Error, [ACCESS]);
		expect((error as Error).message).toMatch(/^GET https:\/\/unreachable\.example\.com\/1\/company failed/);
	});
});
