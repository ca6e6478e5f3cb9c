/** Code exchange for every vendor through the real definitions, an axios transport and the strict mocks. */
import nock from 'nock';

import { exchangeCode } from '../../shared/oauth';
import { vendors } from '../../shared/vendors';
import { strictVendorMock } from '../mocks/vendor-mocks';
import { client, http, NOW, REDIRECT, storedBearerTokens } from './helpers';

describe('code exchange', () => {
	test('Weekdone: body client auth; the user object is kept; the documented 60 min lifetime is stamped', async () => {
		const mock = strictVendorMock('weekdone').expectCodeExchange({ code: 'wd-code', redirectUri: REDIRECT });
		const token = await exchangeCode(http, vendors.weekdone, client, { code: 'wd-code', redirectUri: REDIRECT }, NOW);
		mock.done();
		expect(token).toEqual({
			access_token: 'weekdone-access-1',
			refresh_token: 'weekdone-refresh-1',
			expires_at: NOW + 3600 * 1000, // the response has no expires_in; the doc says 60 minutes
			user: { id: 42, name: 'Test User', email: 'user@example.com' },
		});
		expect(mock.requests[0].headers.authorization).toBeUndefined();
	});

	test('Worksection: account_url kept, 24 h expiry stamped', async () => {
		const mock = strictVendorMock('worksection', { accountUrl: 'https://team.worksection.com' }).expectCodeExchange({ code: 'ws-code', redirectUri: REDIRECT });
		const token = await exchangeCode(http, vendors.worksection, client, { code: 'ws-code', redirectUri: REDIRECT }, NOW);
		mock.done();
		expect(token).toEqual({ ...storedBearerTokens('worksection', 1, 86400, NOW), account_url: 'https://team.worksection.com' });
		expect(mock.requests[0].url).toBe('https://worksection.com/oauth2/token');
	});

	test('Worktual: Redirect_url + authorisation_code sent, one-element array unwrapped, permanent token', async () => {
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'wt-code', redirectUri: REDIRECT });
		const token = await exchangeCode(http, vendors.worktual, client, { code: 'wt-code', redirectUri: REDIRECT }, NOW);
		mock.done();
		expect(token).toEqual({ access_token: 'worktual-access-1' });
		expect(mock.requests[0].body).toMatchObject({ grant_type: 'authorisation_code', Redirect_url: REDIRECT });
		expect(mock.requests[0].body).not.toHaveProperty('redirect_uri');
	});

	test('Worktual: a plain object answer is accepted too', async () => {
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'wt-code', redirectUri: REDIRECT, reply: { access_token: 'obj-token' } });
		await expect(exchangeCode(http, vendors.worktual, client, { code: 'wt-code', redirectUri: REDIRECT }, NOW)).resolves.toEqual({ access_token: 'obj-token' });
		mock.done();
	});

	test('WebWork Tracker: Basic client auth, secret not in the body, 15-day expiry', async () => {
		const mock = strictVendorMock('webwork-tracker').expectCodeExchange({ code: 'ww-code', redirectUri: REDIRECT });
		const token = await exchangeCode(http, vendors['webwork-tracker'], client, { code: 'ww-code', redirectUri: REDIRECT }, NOW);
		mock.done();
		expect(token).toMatchObject({ access_token: 'webwork-tracker-access-1', refresh_token: 'webwork-tracker-refresh-1', expires_at: NOW + 1296000 * 1000 });
		expect(mock.requests[0].headers.authorization).toMatch(/^Basic /);
		expect(mock.requests[0].body).not.toHaveProperty('client_secret');
	});

	test('Wordapp: body client auth, created_at kept, 2 h expiry', async () => {
		const mock = strictVendorMock('wordapp').expectCodeExchange({ code: 'wa-code', redirectUri: REDIRECT });
		const token = await exchangeCode(http, vendors.wordapp, client, { code: 'wa-code', redirectUri: REDIRECT }, NOW);
		mock.done();
		expect(token).toEqual({ ...storedBearerTokens('wordapp', 1, 7200, NOW), scope: 'public', created_at: 1476891745 });
	});

	test('unknown response fields are dropped; only RFC and kept fields are stored', async () => {
		const mock = strictVendorMock('webwork-tracker').expectCodeExchange({
			code: 'c',
			redirectUri: REDIRECT,
			reply: { access_token: 'a-tok', debug_info: 'x', id_token_hint: 'y' },
		});
		expect(await exchangeCode(http, vendors['webwork-tracker'], client, { code: 'c', redirectUri: REDIRECT }, NOW)).toEqual({
			access_token: 'a-tok',
			expires_at: NOW + 15 * 86400 * 1000, // WebWork documents 15 days
		});
		mock.done();
	});

	test('a form-encoded token answer is read too', async () => {
		const mock = strictVendorMock('weekdone').expectCodeExchange({
			code: 'c',
			redirectUri: REDIRECT,
			rawReply: 'access_token=form-tok&refresh_token=form-ref',
			contentType: 'application/x-www-form-urlencoded',
		});
		expect(await exchangeCode(http, vendors.weekdone, client, { code: 'c', redirectUri: REDIRECT }, NOW)).toEqual({
			access_token: 'form-tok',
			refresh_token: 'form-ref',
			expires_at: NOW + 3600 * 1000,
		});
		mock.done();
	});

	test('the token URL override is honoured (undocumented URLs, sandbox)', async () => {
		const scope = nock('https://sandbox.example.com').post('/t/oauth/token').reply(200, { access_token: 'sandbox-tok' });
		const token = await exchangeCode(http, vendors.wordapp, { ...client, tokenUrl: 'https://sandbox.example.com/t/oauth/token' }, { code: 'c', redirectUri: REDIRECT }, NOW);
		expect(token.access_token).toBe('sandbox-tok');
		expect(scope.isDone()).toBe(true);
	});
});
