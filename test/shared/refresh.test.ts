/** Refresh per vendor: URL, redirect_uri, client auth, rotation, merge of kept fields. */
import { isExpiringSoon, refreshToken } from '../../shared/oauth';
import type { TokenSet } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import { strictVendorMock } from '../mocks/vendor-mocks';
import { authError, client, http, NOW, REDIRECT, storedBearerTokens } from './helpers';

const LATER = NOW + 3_600_000;

describe('refresh', () => {
	test('Weekdone: redirect_uri sent; no rotation, so the stored refresh token and user survive', async () => {
		const stored: TokenSet = { access_token: 'old-access', refresh_token: 'wd-refresh', user: { id: 7, email: 'a@b.c' } };
		const mock = strictVendorMock('weekdone').expectRefresh({ refreshToken: 'wd-refresh', redirectUri: REDIRECT });
		const token = await refreshToken(http, vendors.weekdone, client, stored, { redirectUri: REDIRECT }, LATER);
		mock.done();
		expect(token).toEqual({
			access_token: 'weekdone-access-1',
			refresh_token: 'wd-refresh',
			expires_at: LATER + 3600 * 1000,
			user: { id: 7, email: 'a@b.c' },
		});
	});

	test('Weekdone: without a redirect URL nothing is sent and the cause is named', async () => {
		const mock = strictVendorMock('weekdone');
		const error = await authError(() => refreshToken(http, vendors.weekdone, client, { access_token: 'a', refresh_token: 'wd-refresh' }, {}, LATER));
		expect(error.message).toMatch(/^Weekdone: .*redirect URL is required/);
		expect(error.cause_).toBe('invalid_input');
		expect(mock.requests).toHaveLength(0);
		mock.done();
	});

	test('Worksection: goes to /oauth2/refresh, rotation kept, account_url updated', async () => {
		const stored: TokenSet = { access_token: 'a1', refresh_token: 'ws-r1', account_url: 'https://old.worksection.com', expires_at: NOW };
		const mock = strictVendorMock('worksection', { accountUrl: 'https://new.worksection.com' }).expectRefresh({ refreshToken: 'ws-r1' });
		const token = await refreshToken(http, vendors.worksection, client, stored, {}, LATER);
		mock.done();
		expect(mock.requests[0].url).toBe('https://worksection.com/oauth2/refresh');
		expect(token).toEqual({ ...storedBearerTokens('worksection', 1, 86400, LATER), account_url: 'https://new.worksection.com' });
	});

	test('Worksection: a refresh answer without refresh_token or account_url keeps the stored ones', async () => {
		const stored: TokenSet = { access_token: 'a1', refresh_token: 'ws-r1', account_url: 'https://team.worksection.com' };
		const mock = strictVendorMock('worksection').expectRefresh({ refreshToken: 'ws-r1', reply: { access_token: 'a2', expires_in: 86400 } });
		const token = await refreshToken(http, vendors.worksection, client, stored, {}, LATER);
		mock.done();
		expect(token).toEqual({ access_token: 'a2', refresh_token: 'ws-r1', account_url: 'https://team.worksection.com', expires_in: 86400, expires_at: LATER + 86400 * 1000 });
	});

	test('WebWork Tracker: two refreshes in a row use the rotated token each time', async () => {
		const mock = strictVendorMock('webwork-tracker').expectRefresh({ refreshToken: 'ww-r0' }).expectRefresh({ refreshToken: 'webwork-tracker-refresh-1' });
		const first = await refreshToken(http, vendors['webwork-tracker'], client, { access_token: 'a0', refresh_token: 'ww-r0' }, {}, LATER);
		const second = await refreshToken(http, vendors['webwork-tracker'], client, first, {}, LATER);
		mock.done();
		expect(second).toMatchObject({ access_token: 'webwork-tracker-access-2', refresh_token: 'webwork-tracker-refresh-2' });
		expect(mock.requests.every((r) => /^Basic /.test(String(r.headers.authorization)))).toBe(true);
	});

	test('Wordapp: only grant_type and refresh_token are sent (no client credentials)', async () => {
		const mock = strictVendorMock('wordapp').expectRefresh({ refreshToken: 'wa-r0' });
		const token = await refreshToken(http, vendors.wordapp, {}, { access_token: 'a0', refresh_token: 'wa-r0', created_at: 1 }, {}, LATER);
		mock.done();
		expect(mock.requests[0].body).toEqual({ grant_type: 'refresh_token', refresh_token: 'wa-r0' });
		expect(token).toMatchObject({ access_token: 'wordapp-access-1', refresh_token: 'wordapp-refresh-1', created_at: 1476891745 });
	});

	test('a refresh answer without expires_in gets the documented lifetime, not the old expiry', async () => {
		const mock = strictVendorMock('weekdone').expectRefresh({ refreshToken: 'r' });
		const stored: TokenSet = { access_token: 'a', refresh_token: 'r', expires_in: 3600, expires_at: NOW };
		const token = await refreshToken(http, vendors.weekdone, client, stored, { redirectUri: REDIRECT }, LATER);
		mock.done();
		expect(token.expires_at).toBe(LATER + 3600 * 1000);
		expect(token).not.toHaveProperty('expires_in');
		expect(isExpiringSoon(token, LATER)).toBe(false);
	});

	test('Worktual: a token without refresh_token cannot be refreshed and needs a reconnect', async () => {
		const mock = strictVendorMock('worktual');
		const error = await authError(() => refreshToken(http, vendors.worktual, client, { access_token: 'permanent' }, {}, LATER));
		expect(error.message).toMatch(/^Worktual: .*no refresh token/);
		expect(error.needsReconnect).toBe(true);
		expect(mock.requests).toHaveLength(0);
		mock.done();
	});

	test('Worktual: even with a refresh token stored, refresh is not supported', async () => {
		const error = await authError(() => refreshToken(http, vendors.worktual, client, { access_token: 'a', refresh_token: 'r' }, {}, LATER));
		expect(error.cause_).toBe('not_supported');
		expect(error.message).toMatch(/^Worktual: /);
	});

	test('isExpiringSoon uses the stamped expiry with a skew', () => {
		expect(isExpiringSoon({ expires_at: LATER + 30_000 }, LATER)).toBe(true);
		expect(isExpiringSoon({ expires_at: LATER + 120_000 }, LATER)).toBe(false);
		expect(isExpiringSoon({}, LATER)).toBe(false);
	});
});
