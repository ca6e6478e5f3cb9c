/**
 * Wordapp's generated Zapier operations. Its catalogue holds only what the OAuth server offers: token info
 * (the route sits beside /api/v1, not under it) and revocation, both excluded (token info takes no input, so
 * it is no Zapier search, integration check D009; it is the connection test, exercised here). With no list
 * there is no polling trigger; API Request remains the create.
 */
import { strictVendorMock } from '../mocks/vendor-mocks';
import { failure, resetEnv } from './harness';
import { operations } from './operations-helpers';

beforeEach(resetEnv);

const INFO = { resource_owner_id: 9, scope: ['public'], expires_in: 6400, application: { uid: 'abc' }, created_at: 1476891745 };

describe('Wordapp', () => {
	test('the connection test (token info) reads /oauth/token/info on the API host, with the token and X-Api-Version', async () => {
		const { run, h, token } = operations('wordapp');
		const testConnection = () => run(h.app.authentication?.test);
		// the strict mock's API base moved to the host root, where this route lives
		const mock = strictVendorMock('wordapp', { apiBase: 'https://app.wordapp.com' }).expectApiCall({ method: 'GET', path: '/oauth/token/info', token, reply: INFO });
		expect(await testConnection()).toEqual(INFO);
		mock.done();
		expect(mock.requests[0].url).toBe('https://app.wordapp.com/oauth/token/info');
	});

	test('an API_BASE_URL with a prefix (a sandbox) keeps the prefix for host-root routes', async () => {
		process.env.API_BASE_URL = 'https://sandbox.example.test/wordapp/api/v1';
		const { run, h, token } = operations('wordapp');
		const testConnection = () => run(h.app.authentication?.test);
		const mock = strictVendorMock('wordapp', { apiBase: 'https://sandbox.example.test/wordapp' }).expectApiCall({ method: 'GET', path: '/oauth/token/info', token, reply: INFO });
		expect(await testConnection()).toEqual(INFO);
		mock.done();
	});

	test('a rejected token asks Zapier to refresh, naming Wordapp', async () => {
		const { run, h, token } = operations('wordapp');
		const testConnection = () => run(h.app.authentication?.test);
		const mock = strictVendorMock('wordapp', { apiBase: 'https://app.wordapp.com' }).expectApiCall({ method: 'GET', path: '/oauth/token/info', token, status: 401, reply: { error: 'invalid_token' } });
		const error = await failure(testConnection());
		mock.done();
		expect(error.name).toBe('RefreshAuthError');
	});

	test('a vendor error surfaces with Wordapp\'s message', async () => {
		const { run, h, token } = operations('wordapp');
		const testConnection = () => run(h.app.authentication?.test);
		const mock = strictVendorMock('wordapp', { apiBase: 'https://app.wordapp.com' }).expectApiCall({
			method: 'GET',
			path: '/oauth/token/info',
			token,
			status: 403,
			reply: { error: 'forbidden', error_description: 'The token is not allowed to read its info' },
		});
		const error = await failure(testConnection());
		mock.done();
		expect(error.message).toContain('Wordapp');
		expect(error.message).toContain('The token is not allowed to read its info');
	});

	test('the create is API Request; revocation is not offered, and there is no list to poll', async () => {
		const { create, token, h } = operations('wordapp');
		expect(Object.keys(h.app.creates)).toEqual(['api_request']);
		expect(Object.keys(h.app.triggers)).toEqual(['connection_check']);
		expect(Object.keys(h.app.searches ?? {})).toEqual([]);
		const mock = strictVendorMock('wordapp').expectApiCall({ method: 'POST', path: '/projects', token, body: { name: 'Launch' }, reply: { id: 4, name: 'Launch' } });
		expect(await create('api_request', { inputData: { method: 'POST', path: '/projects', body: '{"name":"Launch"}' } })).toEqual({ id: 4, name: 'Launch' });
		mock.done();
	});
});
