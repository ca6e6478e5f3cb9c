/**
 * Personal-token integrations (zapier/token-auth.ts): WebWork Tracker's personal access token and Worktual's
 * private app token, each its own app with the same operations, the token where the vendor's document puts
 * it, the OAuth app's connection test and label, and "reconnect" (not a refresh) when the token is rejected.
 */
import * as zapier from 'zapier-platform-core';

import { operationCatalogues } from '../../shared/operations';
import { vendors } from '../../shared/vendors';
import { personalTokens } from '../../zapier/token-auth';
import { buildVendorApp } from '../../zapier/vendor-app';
import { strictVendorMock } from '../mocks/vendor-mocks';
import { failure, resetEnv } from './harness';
import { expectWholeAlternative } from './alternative-apps';

beforeEach(resetEnv);

type Tester = (method: unknown, bundle: object) => Promise<unknown>;

function tokenApp(id: 'webwork-tracker' | 'worktual') {
	const vendor = vendors[id];
	const [token] = personalTokens(vendor);
	const app = buildVendorApp(vendor, operationCatalogues[id], '1.0.0', token);
	return { app, run: zapier.createAppTester(app) as unknown as Tester };
}

describe('personal-token integrations', () => {
	test.each(['webwork-tracker', 'worktual'] as const)('%s: custom auth with one secret field, the OAuth app\'s operations, and every integration check passes', async (id) => {
		await expectWholeAlternative(id, 'personalToken', { type: 'custom', fields: [['access_token', 'password', true]] });
	});

	test('WebWork Tracker: the connection test sends the personal access token as a Bearer token', async () => {
		const { app, run } = tokenApp('webwork-tracker');
		const mock = strictVendorMock('webwork-tracker').expectApiCall({ method: 'GET', path: '/workspaces', token: 'pat-1', reply: { success: true, data: [{ id: 3, workspace_name: 'Acme WS' }] } });
		const answer = await run(app.authentication?.test, { authData: { access_token: 'pat-1' } });
		mock.done();
		expect(await run(app.authentication?.connectionLabel, { authData: { access_token: 'pat-1' }, inputData: answer })).toBe('Acme WS');
	});

	test('Worktual: a rejected private app token asks to reconnect, without the token in the message', async () => {
		const { app, run } = tokenApp('worktual');
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts', token: 'pvt-2', query: { limit: '1' }, status: 401, reply: { message: 'Invalid token' } });
		const error = await failure(run(app.authentication?.test, { authData: { access_token: 'pvt-2' } }));
		mock.done();
		expect(error.name).toBe('ExpiredAuthError');
		expect(error.message).toContain('reconnect');
		expect(error.message).not.toContain('pvt-2');
	});
});
