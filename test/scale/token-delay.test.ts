import { basic, form, startHarness, type Harness } from '../sandbox/helpers';

/**
 * The sandbox's slow-vendor switch that the refresh races (test/scale/run.ts) rely on: POST
 * /__sandbox/token-delay?vendor=&ms= holds that vendor's token and refresh requests, nothing else.
 */
describe('sandbox token-delay switch', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness({ autoApprove: true });
	});
	afterAll(async () => {
		await h.sandbox.close();
	});
	afterEach(async () => {
		await h.http.post('/__sandbox/reset');
	});

	const webworkClientCredentials = async (): Promise<{ status: number; ms: number }> => {
		const started = Date.now();
		const res = await h.http.post('/webwork-tracker/oauth/token', form({ grant_type: 'client_credentials' }), {
			headers: { Authorization: basic('sandbox-webwork-tracker-client', 'sandbox-webwork-tracker-secret') },
		});
		return { status: res.status, ms: Date.now() - started };
	};

	it('delays the vendor token endpoint by the set time, and only that vendor and endpoint', async () => {
		const set = await h.http.post('/__sandbox/token-delay?vendor=webwork-tracker&ms=400');
		expect(set.status).toBe(200);
		const slow = await webworkClientCredentials();
		expect(slow.status).toBe(200);
		expect(slow.ms).toBeGreaterThanOrEqual(390);

		// Another vendor's token endpoint and the same vendor's API are not held.
		const started = Date.now();
		// (A refused refresh is answered at once: only the delay matters here, not the grant.)
		const other = await h.http.post('/weekdone/oauth_token', form({ grant_type: 'refresh_token', refresh_token: 'unknown' }));
		const api = await h.http.get('/webwork-tracker/api/v2/workspaces');
		expect(other.status).toBeGreaterThanOrEqual(400);
		expect(other.status).not.toBe(404);
		expect(api.status).toBe(401);
		expect(Date.now() - started).toBeLessThan(390);
	});

	it('is off again after ms=0 and after reset', async () => {
		await h.http.post('/__sandbox/token-delay?vendor=webwork-tracker&ms=400');
		await h.http.post('/__sandbox/token-delay?vendor=webwork-tracker&ms=0');
		expect((await webworkClientCredentials()).ms).toBeLessThan(390);
		await h.http.post('/__sandbox/token-delay?vendor=webwork-tracker&ms=400');
		await h.http.post('/__sandbox/reset');
		expect((await webworkClientCredentials()).ms).toBeLessThan(390);
	});

	it('refuses a bad vendor or delay', async () => {
		expect((await h.http.post('/__sandbox/token-delay?vendor=nobody&ms=10')).status).toBe(400);
		expect((await h.http.post('/__sandbox/token-delay?vendor=wordapp&ms=-1')).status).toBe(400);
		expect((await h.http.post('/__sandbox/token-delay?vendor=wordapp&ms=soon')).status).toBe(400);
		expect((await h.http.post('/__sandbox/token-delay?vendor=wordapp&ms=600000')).status).toBe(400);
	});
});
