import { NodeApiError } from 'n8n-workflow';

import { Wordapp } from '../../../nodes/Wordapp/Wordapp.node';
import { wordappOperations } from '../../../shared/operations/wordapp';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import { type OperationCase, runCase, untested } from './cases';
import { jsonOf, NodeRunner } from './node-runner';

// Wordapp documents only its OAuth server: Bearer token plus the mandatory X-Api-Version header (checked by the
// strict mock on every API call); token info is Doorkeeper's /oauth/token/info beside /api/v1 (a guess).
const TOKEN = 'wa-access';
const node = () => new NodeRunner(new Wordapp()).useOAuth2('wordappOAuth2Api', { access_token: TOKEN, refresh_token: 'wa-refresh' });

const CASES: OperationCase[] = [
	{
		title: 'custom API call: GET on the API base with Bearer and X-Api-Version',
		params: { resource: 'customApiCall', operation: 'request', method: 'GET', path: '/projects', queryParameters: { parameters: [{ name: 'page', value: '2' }] } },
		calls: [{ method: 'GET', path: '/projects', query: { page: '2' }, reply: [{ id: 1 }] }],
		output: [{ id: 1 }],
	},
];

describe('Wordapp node', () => {
	test('every catalogue operation has a test', () => {
		const covered: OperationCase[] = [
			...CASES,
			{ title: '', params: { resource: 'token', operation: 'getInfo' }, calls: [], output: [] },
			{ title: '', params: { resource: 'token', operation: 'revoke' }, calls: [], output: [] },
		];
		expect(untested(wordappOperations, covered)).toEqual([]);
	});

	test.each(CASES.map((c) => [c.title, c] as const))('%s', async (_title, c) => {
		await runCase(node(), strictVendorMock('wordapp'), TOKEN, c);
	});

	test('token getInfo: GET /oauth/token/info on the API host, outside /api/v1', async () => {
		// The strict mock's API base is moved to the host root so that the route counts as an API call.
		const mock = strictVendorMock('wordapp', { apiBase: 'https://app.wordapp.com' }).expectApiCall({
			method: 'GET',
			path: '/oauth/token/info',
			token: TOKEN,
			reply: { resource_owner_id: 42, scope: ['public'], expires_in: 7000 },
		});
		expect(jsonOf(await node().execute({ resource: 'token', operation: 'getInfo' }))).toEqual([{ resource_owner_id: 42, scope: ['public'], expires_in: 7000 }]);
		mock.done();
		expect(mock.requests[0].url).toBe('https://app.wordapp.com/oauth/token/info');
	});

	test('token revoke (OAuth2): POST /oauth/revoke with the token as form field and Bearer header', async () => {
		const mock = strictVendorMock('wordapp').expectRevoke({ accessToken: TOKEN });
		expect(jsonOf(await node().execute({ resource: 'token', operation: 'revoke' }))).toEqual([{ success: true }]);
		mock.done();
	});

	test('token revoke (password credential): revokes the token the credential obtained', async () => {
		const runner = new NodeRunner(new Wordapp()).useCredential('wordappPasswordApi', { username: 'sandy', password: 'pw', accessToken: 'wa-password-token', refreshToken: '' });
		const mock = strictVendorMock('wordapp').expectRevoke({ accessToken: 'wa-password-token' });
		await runner.execute({ resource: 'token', operation: 'revoke', authentication: 'wordappPasswordApi' });
		mock.done();
	});

	test('a refused revoke is a NodeApiError without the token; continueOnFail reports it', async () => {
		const mock = strictVendorMock('wordapp'); // nothing expected: the mock refuses the revoke
		const output = await node().execute({ resource: 'token', operation: 'revoke' }, { continueOnFail: true });
		expect(mock.rejections).toHaveLength(1);
		mock.rejections.splice(0);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(String(output[0].json.error)).toContain('HTTP 400');
		expect(JSON.stringify(output)).not.toContain(TOKEN);

		const thrown = await node()
			.execute({ resource: 'token', operation: 'revoke' })
			.catch((e: unknown) => e);
		mock.rejections.splice(0);
		expect(thrown).toBeInstanceOf(NodeApiError);
	});
});
