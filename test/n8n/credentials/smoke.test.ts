import { Engine } from '../harness/engine';
import { strictVendorMock, MOCK_CLIENT } from '../../mocks/vendor-mocks';
import { vendorApiRequest } from '../../../nodes/shared/transport';
import { webworkTracker } from '../../../shared/vendors';

test('smoke', async () => {
	const engine = new Engine();
	const ref = engine.addCredential('webworkTrackerOAuth2Api', { ...MOCK_CLIENT, oauthTokenData: { access_token: 'old', refresh_token: 'r1', token_type: 'Bearer' } });
	const mock = strictVendorMock('webwork-tracker')
		.expectApiCall({ method: 'GET', path: '/workspaces', token: 'webwork-tracker-access-1', reply: { success: true, data: [] } })
		.expectRefresh({ refreshToken: 'r1' });
	const res = await engine.execute('webworkTrackerOAuth2Api', ref.id, async function () {
		return await vendorApiRequest.call(this, webworkTracker, 'webworkTrackerOAuth2Api', { method: 'GET', path: '/workspaces' });
	});
	console.log(res, mock.requests.map(r => [r.method, r.url, r.headers.authorization, r.rawBody]), mock.rejections, engine.credentials.persisted);
	mock.rejections.splice(0);
});
