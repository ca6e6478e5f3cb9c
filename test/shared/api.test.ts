/**
 * API access through apiAuthParts / apiBaseUrl, checked against the strict mocks' documented token
 * placement, plus the whole lifecycle (exchange → call → refresh → call) for every vendor.
 */
import { apiAuthParts, apiBaseUrl, connectionLabel, exchangeCode, joinUrl, refreshToken } from '../../shared/oauth';
import type { VendorDefinition, VendorId } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import { strictVendorMock } from '../mocks/vendor-mocks';
import { callApi, client, http, NOW, REDIRECT } from './helpers';

describe('apiAuthParts', () => {
	test('Weekdone: the token as ?token=, no Authorization header', () => {
		expect(apiAuthParts(vendors.weekdone, 'tok')).toEqual({ headers: {}, qs: { token: 'tok' } });
	});

	test('Wordapp: Bearer plus the mandatory X-Api-Version header', () => {
		expect(apiAuthParts(vendors.wordapp, 'tok')).toEqual({
			headers: { 'X-Api-Version': 'application/vnd.wordapp-v1+json', Authorization: 'Bearer tok' },
			qs: {},
		});
	});

	test('Worktual: the raw token; a user-chosen placement overrides the default', () => {
		expect(apiAuthParts(vendors.worktual, 'tok').headers).toEqual({ Authorization: 'tok' });
		expect(apiAuthParts(vendors.worktual, 'tok', { in: 'header', name: 'Authorization', prefix: 'Bearer ' }).headers).toEqual({ Authorization: 'Bearer tok' });
	});

	test('a placement override keeps the mandatory headers', () => {
		const parts = apiAuthParts(vendors.wordapp, 'tok', { in: 'query', name: 'access_token' });
		expect(parts).toEqual({ headers: { 'X-Api-Version': 'application/vnd.wordapp-v1+json' }, qs: { access_token: 'tok' } });
	});
});

describe('apiBaseUrl', () => {
	test('Worksection: the base comes from account_url, before any override', () => {
		const token = { access_token: 'a', account_url: 'https://team.worksection.com/' };
		expect(apiBaseUrl(vendors.worksection, token)).toBe('https://team.worksection.com/api/oauth2');
		expect(apiBaseUrl(vendors.worksection, token, 'https://other.example.com')).toBe('https://team.worksection.com/api/oauth2');
	});

	test('Worksection: without an account_url the override, then the default, applies', () => {
		expect(apiBaseUrl(vendors.worksection, { access_token: 'a' }, 'https://o.example.com/x/')).toBe('https://o.example.com/x');
		expect(apiBaseUrl(vendors.worksection, { access_token: 'a' })).toBe('https://worksection.com/api/oauth2');
	});

	test('Worksection: a stored account_url off the vendor domain is refused, never used and never replaced by the override', () => {
		for (const bad of ['javascript:alert(1)', 'http://team.worksection.com', 'https://worksection.com.evil.example', 'https://evil.example#.worksection.com']) {
			expect(() => apiBaseUrl(vendors.worksection, { access_token: 'a', account_url: bad }, 'https://o.example.com/x/')).toThrow(
				/^Worksection: the token response names .* as the API host \(account_url\)/,
			);
		}
	});

	test('Worksection: a loopback account_url passes only when its exact origin is trusted by the operator', () => {
		const token = { access_token: 'a', account_url: 'http://127.0.0.1:4100/worksection/account' };
		expect(() => apiBaseUrl(vendors.worksection, token)).toThrow(/not HTTPS/);
		expect(() => apiBaseUrl(vendors.worksection, token, undefined, ['http://127.0.0.1:4101'])).toThrow(/not HTTPS/);
		expect(apiBaseUrl(vendors.worksection, token, undefined, ['http://127.0.0.1:4100'])).toBe('http://127.0.0.1:4100/worksection/account/api/oauth2');
	});

	test('other vendors ignore token fields', () => {
		expect(apiBaseUrl(vendors.weekdone, { access_token: 'a', account_url: 'https://x.example.com' })).toBe('https://api.weekdone.com/1');
	});

	test('joinUrl neither doubles nor drops slashes; an empty path keeps the base', () => {
		expect(joinUrl('https://h/api/', '/x')).toBe('https://h/api/x');
		expect(joinUrl('https://h/api', 'x')).toBe('https://h/api/x');
		expect(joinUrl('https://h/api', '')).toBe('https://h/api');
	});
});

/** Per vendor: the mock's options and the refresh parameters the vendor needs. */
const lifecycle: Array<[VendorId, { accountUrl?: string }, { redirectUri?: string }]> = [
	['weekdone', {}, { redirectUri: REDIRECT }],
	['worksection', { accountUrl: 'https://team.worksection.com' }, {}],
	['worktual', {}, {}],
	['webwork-tracker', {}, {}],
	['wordapp', {}, {}],
];

describe('whole lifecycle against the strict mock', () => {
	test.each(lifecycle)('%s: exchange → test request → refresh → test request with the new token', async (id, overrides, refreshParams) => {
		const vendor: VendorDefinition = vendors[id];
		const probe = vendor.api.testRequest;
		const mock = strictVendorMock(id, overrides).expectCodeExchange({ code: 'the-code', redirectUri: REDIRECT });
		mock.expectApiCall({ method: probe.method, path: probe.path, query: probe.qs, token: `${id}-access-1`, reply: { data: [{ name: 'Acme' }] } });
		if (vendor.oauth2.refresh) {
			mock.expectRefresh({ refreshToken: `${id}-refresh-1`, ...refreshParams });
			mock.expectApiCall({ method: probe.method, path: probe.path, query: probe.qs, token: `${id}-access-2` });
		}

		let token = await exchangeCode(http, vendor, client, { code: 'the-code', redirectUri: REDIRECT }, NOW);
		const first = await callApi(vendor, token, probe);
		expect(first.status).toBe(200);
		if (vendor.oauth2.refresh) {
			token = await refreshToken(http, vendor, client, token, refreshParams, NOW);
			expect((await callApi(vendor, token, probe)).status).toBe(200);
		}
		mock.done();
		if (overrides.accountUrl) expect(mock.requests.filter((r) => r.url.startsWith(`${overrides.accountUrl}/api/oauth2`))).toHaveLength(2);
	});

	test('a call with the pre-refresh token is refused with 401 (rotation is real)', async () => {
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: 'new-token' });
		const res = await callApi(vendors['webwork-tracker'], { access_token: 'old-token' }, vendors['webwork-tracker'].api.testRequest);
		expect(res.status).toBe(vendors['webwork-tracker'].api.expiredTokenStatus);
		expect(mock.rejections).toHaveLength(1);
		mock.rejections.splice(0);
	});

	test('connection label from the kept user (Weekdone) or the test response (WebWork)', () => {
		expect(connectionLabel(vendors.weekdone, { access_token: 'a', user: { email: 'ann@example.com' } })).toBe('ann@example.com');
		expect(connectionLabel(vendors['webwork-tracker'], { data: [{ workspace_name: 'Acme' }] })).toBe('Acme');
		expect(connectionLabel(vendors.worktual, { anything: 'x' })).toBeUndefined();
	});
});
