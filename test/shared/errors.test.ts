/**
 * Error paths of the token lifecycle for every vendor: each error is a VendorAuthError whose message
 * starts with the vendor's name and states the cause; invalid_grant asks for a reconnect.
 */
import nock from 'nock';

import { exchangeCode, refreshToken, type VendorAuthError } from '../../shared/oauth';
import type { VendorId } from '../../shared/types';
import { vendorIds, vendors } from '../../shared/vendors';
import { strictVendorMock } from '../mocks/vendor-mocks';
import { authError, client, http, NOW, REDIRECT } from './helpers';

const ALL: VendorId[] = vendorIds;

type Reply = Parameters<ReturnType<typeof strictVendorMock>['expectCodeExchange']>[0];

/** A code exchange answered with `reply`; returns the error it must produce. */
async function exchangeFails(id: VendorId, reply: Omit<Reply, 'code' | 'redirectUri'>): Promise<VendorAuthError> {
	const mock = strictVendorMock(id).expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT, ...reply });
	const error = await authError(() => exchangeCode(http, vendors[id], client, { code: 'the-code', redirectUri: REDIRECT }, NOW));
	mock.done();
	expect(error.vendor).toBe(vendors[id].displayName);
	expect(error.message.startsWith(`${vendors[id].displayName}: `)).toBe(true);
	return error;
}

describe.each(ALL)('%s code exchange errors', (id) => {
	test('HTTP 200 with an RFC error body', async () => {
		const error = await exchangeFails(id, { reply: { error: 'invalid_grant', error_description: 'Authorization code expired' } });
		expect(error).toMatchObject({ cause_: 'error_response', oauthError: 'invalid_grant', status: 200, needsReconnect: true });
		expect(error.message).toMatch(/refused the request with HTTP 200: invalid_grant \(Authorization code expired\)/);
	});

	test('HTTP 200 with a success:false body (WebWork style)', async () => {
		const error = await exchangeFails(id, { reply: { success: false, message: 'Unauthorized.' } });
		expect(error).toMatchObject({ cause_: 'error_response', needsReconnect: false });
		expect(error.message).toMatch(/Unauthorized\./);
	});

	test('an HTML page', async () => {
		const error = await exchangeFails(id, { rawReply: '<!doctype html><html><body>Sign in</body></html>' });
		expect(error.cause_).toBe('invalid_response');
		expect(error.message).toMatch(/answered HTML instead of JSON \(HTTP 200\); check the token URL/);
	});

	test('a body that is not JSON', async () => {
		const error = await exchangeFails(id, { rawReply: 'Service temporarily unavailable', contentType: 'text/plain' });
		expect(error.cause_).toBe('invalid_response');
		expect(error.message).toMatch(/not JSON \(HTTP 200\): Service temporarily unavailable/);
	});

	test('an empty body', async () => {
		const error = await exchangeFails(id, { rawReply: '', contentType: 'application/json' });
		expect(error.cause_).toBe('invalid_response');
	});

	test('no access_token', async () => {
		const error = await exchangeFails(id, { reply: { token_type: 'bearer', expires_in: 3600 } });
		expect(error.cause_).toBe('missing_access_token');
		expect(error.message).toMatch(/has no access_token \(fields: token_type, expires_in\)/);
	});

	test('an empty array', async () => {
		const error = await exchangeFails(id, { reply: [] });
		expect(error.cause_).toBe('invalid_response');
		expect(error.message).toMatch(/unexpected shape/);
	});

	test('HTTP 400 invalid_grant', async () => {
		const error = await exchangeFails(id, { status: 400, reply: { error: 'invalid_grant' } });
		expect(error).toMatchObject({ cause_: 'error_response', status: 400, oauthError: 'invalid_grant', needsReconnect: true });
	});

	test('HTTP 401 invalid_client is not a reconnect case', async () => {
		const error = await exchangeFails(id, { status: 401, reply: { error: 'invalid_client', error_description: 'Client authentication failed' } });
		expect(error).toMatchObject({ status: 401, oauthError: 'invalid_client', needsReconnect: false });
		expect(error.message).toMatch(/HTTP 401: invalid_client/);
	});

	test('HTTP 503', async () => {
		const error = await exchangeFails(id, { status: 503, rawReply: '<html>maintenance</html>' });
		expect(error).toMatchObject({ cause_: 'server_error', status: 503, needsReconnect: false });
		expect(error.message).toMatch(/failed with HTTP 503; try again later/);
	});
});

describe('useful detail survives redaction', () => {
	test('a redirect URL mismatch still shows the URL and the grant type', async () => {
		const error = await exchangeFails('worksection', {
			status: 400,
			reply: { error: 'invalid_request', error_description: `redirect_uri ${REDIRECT} does not match (grant authorization_code)` },
		});
		expect(error.message).toContain(`redirect_uri ${REDIRECT} does not match (grant authorization_code)`);
	});
});

describe('refresh errors', () => {
	test.each<[VendorId, { redirectUri?: string }]>([
		['weekdone', { redirectUri: REDIRECT }],
		['worksection', {}],
		['webwork-tracker', {}],
		['wordapp', {}],
	])('%s: a dead refresh token (400 invalid_grant) asks for a reconnect', async (id, params) => {
		const mock = strictVendorMock(id).expectRefresh({ refreshToken: 'dead-refresh', status: 400, reply: { error: 'invalid_grant', error_description: 'expired' } });
		const error = await authError(() => refreshToken(http, vendors[id], client, { access_token: 'a', refresh_token: 'dead-refresh' }, params, NOW));
		mock.done();
		expect(error).toMatchObject({ needsReconnect: true, oauthError: 'invalid_grant', status: 400 });
		expect(error.message).toMatch(new RegExp(`^${vendors[id].displayName}: .*invalid_grant \\(expired\\)`));
	});

	test('a refresh 5xx is retryable, not a reconnect', async () => {
		const mock = strictVendorMock('worksection').expectRefresh({ refreshToken: 'r', status: 502, reply: { message: 'bad gateway' } });
		const error = await authError(() => refreshToken(http, vendors.worksection, client, { access_token: 'a', refresh_token: 'r' }, {}, NOW));
		mock.done();
		expect(error).toMatchObject({ cause_: 'server_error', status: 502, needsReconnect: false });
	});
});

describe('network failure', () => {
	test('an unreachable host (connection refused by nock)', async () => {
		const error = await authError(() =>
			exchangeCode(http, vendors.weekdone, { ...client, tokenUrl: 'https://down.example.com/oauth_token' }, { code: 'the-code', redirectUri: REDIRECT }, NOW),
		);
		expect(error).toMatchObject({ cause_: 'server_error', vendor: 'Weekdone' });
		expect(error.message).toMatch(/^Weekdone: the token endpoint could not be reached \(POST https:\/\/down\.example\.com\/oauth_token failed/);
	});

	test('a connection reset mid-request', async () => {
		// nock 14 needs an Error instance here (a plain object breaks inside its interceptor)
		nock('https://flaky.example.com').post('/oauth/token').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const error = await authError(() =>
			refreshToken(http, vendors.wordapp, { tokenUrl: 'https://flaky.example.com/oauth/token' }, { access_token: 'a', refresh_token: 'r-123' }, {}, NOW),
		);
		expect(error.cause_).toBe('server_error');
		expect(error.message).toMatch(/^Wordapp: the token endpoint could not be reached \(.*ECONNRESET/);
	});
});
