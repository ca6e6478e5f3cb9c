/**
 * Worksection's token answer names the API host (`account_url`), and in n8n the OAuth2 callback stores that
 * answer itself: our code cannot refuse it at connect time. So at use time, in the node, the polling trigger
 * and the dropdowns (real n8n-core contexts), a stored `account_url` that is not an HTTPS host on Worksection's
 * own domains is refused before anything is sent, with an error naming Worksection and the rejected host, and
 * the stored credential is left as it was (the user reconnects). Loopback (the sandbox) passes only when the
 * credential's own API Base URL field, which a token response cannot reach, points at that very origin.
 */
import { NodeOperationError } from 'n8n-workflow';

import { Worksection } from '../../nodes/Worksection/Worksection.node';
import { WorksectionTrigger } from '../../nodes/WorksectionTrigger/WorksectionTrigger.node';
import { NodeRunner } from '../n8n/nodes/node-runner';
import { Traffic } from './traffic';

const TYPE = 'worksectionOAuth2Api';
const CLIENT = { clientId: 'client-id-public', clientSecret: 'ws-client-secret-3b9e' };
const TOKENS = { access_token: 'ws-access-token-41c7', refresh_token: 'ws-refresh-token-77d2', token_type: 'bearer' };

/** Values an attacker-controlled (or broken) token answer could carry as account_url. */
const REFUSED: unknown[] = [
	'https://evil.example.com',
	'http://evil.example.com',
	'http://acme.worksection.com',
	'http://worksection.com.evil.example',
	'https://worksection.com.evil.example',
	'https://evil.example#.worksection.com',
	'https://evil.example/.worksection.com',
	'https://evil.example?.worksection.com',
	'https://acme.worksection.com@evil.example',
	'https://evil.example\\@acme.worksection.com',
	'https://acme.worksection.com:8443',
	'https://acmeworksection.com',
	'https://worksection.co',
	'https://127.0.0.1',
	'http://127.0.0.1:5711/worksection/account',
	'http://localhost:5711',
	'https://[::1]',
	'//evil.example',
	' https://acme.worksection.com',
	'https://acme.worksection.com\r\nX: y',
	'javascript:alert(1)',
	'https://acme.worksection.com/../evil',
	42,
	{ host: 'evil.example' },
];

const ACCEPTED: Array<[string, string]> = [
	['https://acme.worksection.com', 'https://acme.worksection.com/api/oauth2'],
	['https://acme.worksection.com/', 'https://acme.worksection.com/api/oauth2'],
	['https://ACME.Worksection.com', 'https://acme.worksection.com/api/oauth2'],
	['https://worksection.com', 'https://worksection.com/api/oauth2'],
	// no host in the token: the credential's configured base (default https://worksection.com/api/oauth2)
	['', 'https://worksection.com/api/oauth2'],
	[null as unknown as string, 'https://worksection.com/api/oauth2'],
];

type Surface = 'node' | 'trigger' | 'dropdown';

async function use(surface: Surface, accountUrl: unknown, extra: Record<string, unknown> = {}) {
	const data = { ...CLIENT, ...extra, oauthTokenData: { ...TOKENS, account_url: accountUrl } };
	const runner = new NodeRunner(surface === 'trigger' ? new WorksectionTrigger() : new Worksection()).useCredential(TYPE, data as never);
	const before = JSON.stringify(runner.credentials.stored(`${TYPE}-1`));
	const call =
		surface === 'node'
			? runner.execute({ resource: 'project', operation: 'getAll', returnAll: true })
			: surface === 'trigger'
				? runner.poll({ event: 'newEvent', kinds: ['post_task'] }, 'manual')
				: runner.loadOptions('projects', {});
	const result = await (call as Promise<unknown>).then(
		(output) => ({ output, error: undefined as unknown }),
		(error: unknown) => ({ output: undefined, error }),
	);
	return { ...result, unchanged: JSON.stringify(runner.credentials.stored(`${TYPE}-1`)) === before, persisted: runner.credentials.persisted };
}

function intercepted(traffic: Traffic): Traffic {
	for (const origin of ['https://evil.example.com', 'http://evil.example.com', 'https://evil.example', 'http://acme.worksection.com', 'https://acme.worksection.com', 'https://worksection.com', 'http://127.0.0.1:5711', 'http://localhost:5711']) {
		traffic.intercept(origin, () => [200, { status: 'ok', data: [] }]);
	}
	return traffic;
}

const SURFACES: Surface[] = ['node', 'trigger', 'dropdown'];
let refusals = 0;
afterAll(() => {
	// eslint-disable-next-line no-console
	console.log(`worksection account_url: ${refusals} refusals (${REFUSED.length} values × ${SURFACES.length} surfaces), nothing sent`);
});

describe.each(SURFACES)('%s', (surface) => {
	test.each(REFUSED.map((v) => [JSON.stringify(v), v]))('account_url %s is refused before sending', async (_shown, value) => {
		const traffic = intercepted(new Traffic());
		const result = await use(surface, value).finally(() => traffic.stop());
		expect(traffic.seen).toEqual([]);
		expect(result.error).toBeInstanceOf(NodeOperationError);
		const message = (result.error as Error).message;
		expect(message).toMatch(/^Worksection: the stored token names .* as the API host \(account_url\)/);
		if (typeof value === 'string') expect(message).toContain(JSON.stringify(value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').slice(0, 80)));
		expect(message).toMatch(/No request was sent/);
		for (const secret of [CLIENT.clientSecret, TOKENS.access_token, TOKENS.refresh_token]) expect(message).not.toContain(secret);
		expect(result.unchanged).toBe(true);
		expect(result.persisted).toEqual([]);
		refusals++;
	});

	test.each(ACCEPTED)('account_url %s is used: calls go to %s with the token', async (value, base) => {
		const traffic = intercepted(new Traffic());
		const result = await use(surface, value).finally(() => traffic.stop());
		expect(result.error).toBeUndefined();
		expect(traffic.seen.length).toBeGreaterThan(0);
		for (const r of traffic.seen) {
			expect(r.url.startsWith(`${base}?`)).toBe(true);
			expect(r.headers.authorization).toBe(`Bearer ${TOKENS.access_token}`);
		}
	});
});

describe('loopback (sandbox, playground) only through the credential API Base URL setting', () => {
	const SANDBOX = 'http://127.0.0.1:5711';

	test('with the API Base URL on the same loopback origin, a loopback account_url is used', async () => {
		const traffic = intercepted(new Traffic());
		const result = await use('node', `${SANDBOX}/worksection/account`, { apiBaseUrl: `${SANDBOX}/worksection/account/api/oauth2` }).finally(() => traffic.stop());
		expect(result.error).toBeUndefined();
		expect(traffic.seen.map((r) => r.url.split('?')[0])).toEqual([`${SANDBOX}/worksection/account/api/oauth2`]);
	});

	test('another loopback port, or another host, is still refused', async () => {
		for (const value of ['http://127.0.0.1:5712/worksection/account', 'https://evil.example.com', 'http://localhost:5711/worksection/account']) {
			const traffic = intercepted(new Traffic());
			const result = await use('node', value, { apiBaseUrl: `${SANDBOX}/worksection/account/api/oauth2` }).finally(() => traffic.stop());
			expect(traffic.seen).toEqual([]);
			expect((result.error as Error).message).toMatch(/^Worksection: the stored token names/);
		}
	});
});
