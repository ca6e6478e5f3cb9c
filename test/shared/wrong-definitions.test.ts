/**
 * The reason the strict mocks exist: a definition that contradicts its vendor's doc must fail against
 * them. Each case breaks one fact in a copy of a real definition and runs it through shared/oauth.
 */
import { exchangeCode, refreshToken, revokeToken } from '../../shared/oauth';
import type { VendorDefinition, VendorId } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import { strictVendorMock, type StrictVendorMock } from '../mocks/vendor-mocks';
import { callApi, client, http, NOW, REDIRECT } from './helpers';

function wrong(id: VendorId, mutate: (v: VendorDefinition) => void): VendorDefinition {
	const copy = JSON.parse(JSON.stringify(vendors[id])) as VendorDefinition;
	mutate(copy);
	return copy;
}

/** The call must fail, and the mock must say why. */
async function expectCaught(mock: StrictVendorMock, run: () => Promise<unknown>, reason: RegExp): Promise<void> {
	await run().catch(() => undefined); // the lifecycle's own error is not the point here
	expect(mock.rejections).toEqual([expect.stringMatching(reason)]);
	mock.rejections.splice(0);
}

const exchange = (vendor: VendorDefinition) => () => exchangeCode(http, vendor, client, { code: 'c', redirectUri: REDIRECT }, NOW);
const refresh = (vendor: VendorDefinition, params: { redirectUri?: string } = {}) => () =>
	refreshToken(http, vendor, client, { access_token: 'a', refresh_token: 'r' }, params, NOW);

describe('a wrong definition fails against the strict mock', () => {
	test('Worksection refresh without its own URL', async () => {
		const mock = strictVendorMock('worksection').expectRefresh({ refreshToken: 'r' });
		await expectCaught(mock, refresh(wrong('worksection', (v) => delete v.oauth2.refresh!.url)), /must go to https:\/\/worksection\.com\/oauth2\/refresh/);
	});

	test('Worktual with the RFC redirect_uri name', async () => {
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'c', redirectUri: REDIRECT });
		await expectCaught(mock, exchange(wrong('worktual', (v) => (v.oauth2.token.paramNames.redirectUri = 'redirect_uri'))), /names it Redirect_url/);
	});

	test('Worktual with the RFC grant spelling', async () => {
		const mock = strictVendorMock('worktual').expectCodeExchange({ code: 'c', redirectUri: REDIRECT });
		await expectCaught(mock, exchange(wrong('worktual', (v) => (v.oauth2.token.grantTypes.authorizationCode = 'authorization_code'))), /spells it authorisation_code/);
	});

	test('WebWork Tracker with body client auth', async () => {
		const mock = strictVendorMock('webwork-tracker').expectCodeExchange({ code: 'c', redirectUri: REDIRECT });
		await expectCaught(mock, exchange(wrong('webwork-tracker', (v) => (v.oauth2.token.clientAuth = 'body'))), /HTTP Basic header/);
	});

	test('Worksection with Basic client auth', async () => {
		const mock = strictVendorMock('worksection').expectCodeExchange({ code: 'c', redirectUri: REDIRECT });
		await expectCaught(mock, exchange(wrong('worksection', (v) => (v.oauth2.token.clientAuth = 'basic'))), /as form fields/);
	});

	test('Weekdone refresh without redirect_uri', async () => {
		const mock = strictVendorMock('weekdone').expectRefresh({ refreshToken: 'r' });
		await expectCaught(mock, refresh(wrong('weekdone', (v) => (v.oauth2.refresh!.sendRedirectUri = false)), { redirectUri: REDIRECT }), /redirect_uri is required/);
	});

	test('Weekdone API token as a Bearer header', async () => {
		const vendor = wrong('weekdone', (v) => (v.api.tokenPlacement = { in: 'header', name: 'Authorization', prefix: 'Bearer ' }));
		const mock = strictVendorMock('weekdone').expectApiCall({ method: 'GET', path: '/company', token: 'tok' });
		await expectCaught(mock, () => callApi(vendor, { access_token: 'tok' }, vendor.api.testRequest), /wants the access token as \?token=/);
	});

	test('Wordapp API without X-Api-Version', async () => {
		const vendor = wrong('wordapp', (v) => (v.api.headers = {}));
		const mock = strictVendorMock('wordapp').expectApiCall({ method: 'GET', path: vendor.api.testRequest.path, token: 'tok' });
		await expectCaught(mock, () => callApi(vendor, { access_token: 'tok' }, vendor.api.testRequest), /X-Api-Version/);
	});

	test('Worksection API on the default host instead of account_url', async () => {
		const vendor = wrong('worksection', (v) => delete v.api.baseUrlFromToken);
		const mock = strictVendorMock('worksection').expectApiCall({ method: 'GET', path: '', query: { action: 'me' }, token: 'tok' });
		await callApi(vendor, { access_token: 'tok', account_url: 'https://acme.worksection.com' }, vendor.api.testRequest);
		expect(mock.rejections).toEqual([expect.stringMatching(/no such Worksection endpoint/)]);
		mock.rejections.splice(0);
		expect(() => mock.done()).toThrow(/never called: API GET/);
	});

	test('Wordapp revoke without the Bearer header', async () => {
		const mock = strictVendorMock('wordapp').expectRevoke({ accessToken: 'tok' });
		await expectCaught(mock, () => revokeToken(http, wrong('wordapp', (v) => (v.oauth2.revoke!.bearer = false)), client, { accessToken: 'tok' }), /Authorization: Bearer/);
	});

	test('WebWork Tracker token URL on the authorize host (the research guess)', async () => {
		const mock = strictVendorMock('webwork-tracker').expectCodeExchange({ code: 'c', redirectUri: REDIRECT });
		await expectCaught(mock, exchange(wrong('webwork-tracker', (v) => (v.oauth2.token.url.url = 'https://webwork-tracker.com/oauth/token'))), /no such WebWork Tracker endpoint/);
	});
});
