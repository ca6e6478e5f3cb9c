/**
 * Worksection's admin-API-key integration (zapier/admin-key-auth.ts): custom auth with the account URL and the
 * key; each request signed with hash = md5(query string as sent + key), the key itself never sent
 * (https://worksection.com/en/faq/api-start.html). A strict nock mock of the admin API checks the hash over the
 * raw query it receives, as the vendor does, answers Worksection's "Action hash is missed or invalid" envelope
 * otherwise, and records every request so the tests can prove the key never left.
 */
import { createHash } from 'crypto';

import nock from 'nock';
import * as zapier from 'zapier-platform-core';

import { adminSignature, serializeQuery } from '../../zapier/admin-key-auth';
import { failure, resetEnv } from './harness';
import { alternativeAndOAuthApps, expectWholeAlternative } from './alternative-apps';

beforeEach(resetEnv);

type Tester = (method: unknown, bundle: object) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ACCOUNT = 'https://acme.worksection.com';
const KEY = 'test-admin-key';
const AUTH = { account_url: ACCOUNT, api_key: KEY };
const USERS = { status: 'ok', data: [{ id: '7', first_name: 'Ann', last_name: 'Lee', email: 'ann@acme.example', role: 'owner' }] };

function adminApp() {
	const { app, oauth } = alternativeAndOAuthApps('worksection', 'adminApiKey');
	return { app, oauth, run: zapier.createAppTester(app) as unknown as Tester };
}

interface Seen {
	method: string;
	rawQuery: string;
	params: URLSearchParams;
	wire: string;
}

/** The admin API as the vendor checks it: the hash over the received query minus the hash pair, with `key`. */
function strictAdminApi(key: string, answer: (params: URLSearchParams) => unknown) {
	const seen: Seen[] = [];
	const reply = function (this: { req: { method: string; path: string; headers: Record<string, unknown> } }, uri: string, body: unknown): [number, unknown] {
		const rawQuery = uri.includes('?') ? uri.slice(uri.indexOf('?') + 1) : '';
		const pairs = rawQuery.split('&').filter((p) => p !== '');
		const hashPair = pairs.find((p) => p.startsWith('hash='));
		const signed = pairs.filter((p) => p !== hashPair).join('&');
		const params = new URLSearchParams(rawQuery);
		seen.push({ method: this.req.method, rawQuery, params, wire: `${uri}\n${JSON.stringify(this.req.headers)}\n${typeof body === 'string' ? body : JSON.stringify(body ?? '')}` });
		const expected = createHash('md5').update(signed + key).digest('hex');
		if (!hashPair || hashPair !== `hash=${expected}` || pairs[pairs.length - 1] !== hashPair) {
			return [200, { status: 'error', status_code: 2, message: 'Action hash is missed or invalid' }];
		}
		return [200, answer(params)];
	};
	const scope = nock(ACCOUNT).persist().get(/^\/api\/admin\/v2\/?(\?.*)?$/).reply(reply).post(/^\/api\/admin\/v2\/?(\?.*)?$/).reply(reply);
	return { seen, scope };
}

describe('Worksection admin-API-key integration', () => {
	test('custom auth with account URL and key, the OAuth app\'s operations, and every integration check passes', async () => {
		// the OAuth app uses no user-only action (`me`), so the key reaches every trigger, create and search
		await expectWholeAlternative('worksection', 'adminApiKey', {
			type: 'custom',
			fields: [
				['account_url', 'string', true],
				['api_key', 'password', true],
			],
		});
	});

	test('inputs the vendor requires with the key are required here (a comment\'s author), optional in the OAuth app', () => {
		const { app, oauth } = adminApp();
		const author = (a: typeof app) => (a.creates?.comment_create.operation.inputFields as Array<{ key?: string; required?: boolean }>).find((f) => f.key === 'emailUserFrom'); // the catalogue's email_user_from, as Zapier keys it
		expect(author(app)?.required).toBe(true);
		expect(author(oauth)?.required).toBeFalsy();
		// every other input keeps the OAuth app's requiredness
		const required = (a: typeof app) =>
			Object.entries(a.creates ?? {}).flatMap(([key, c]) => (c.operation.inputFields as Array<{ key?: string; required?: boolean }>).filter((f) => f.required).map((f) => `${key}.${f.key}`));
		expect(required(app).filter((name) => !required(oauth).includes(name))).toEqual(['comment_create.emailUserFrom']);
	});

	test('the signature of a known query and key (md5 of query + key, hex)', () => {
		// printf '%s' 'action=get_tasks&id_project=26test-admin-key' | md5sum
		expect(adminSignature('action=get_tasks&id_project=26', KEY)).toBe('9b0c29713cefb84f0fa71327296f1bb8');
		expect(serializeQuery({ action: 'search_tasks', filter: "name has 'Q&A (1)'", skip: undefined, empty: '' })).toBe('action=search_tasks&filter=name%20has%20%27Q%26A%20%281%29%27&empty=');
	});

	test('the connection test is GET <account>/api/admin/v2/?action=get_users&hash=…, the key nowhere on the wire; labelled by the account', async () => {
		const { app, run } = adminApp();
		const api = strictAdminApi(KEY, () => USERS);
		const answer = await run(app.authentication?.test, { authData: AUTH });
		expect(answer).toEqual(USERS);
		expect(api.seen).toHaveLength(1);
		expect(api.seen[0].method).toBe('GET');
		// printf '%s' 'action=get_userstest-admin-key' | md5sum
		expect(api.seen[0].rawQuery).toBe('action=get_users&hash=cbd9a34de6ca4d5d2edc982aeff245ff');
		expect(api.seen[0].wire).not.toContain(KEY);
		expect(await run(app.authentication?.connectionLabel, { authData: AUTH, inputData: answer })).toBe(ACCOUNT);
	});

	test('a write (POST, every parameter in the query) and a quoted filter are signed over the exact bytes sent', async () => {
		const { app, run } = adminApp();
		const api = strictAdminApi(KEY, (params) => ({ status: 'ok', data: { id: '55', name: params.get('title') ?? params.get('filter') } }));
		await run(app.creates?.project_create.operation.perform, { authData: AUTH, inputData: { title: "Ann's launch & co", email_user_from: 'ann@acme.example' } });
		await run(app.creates?.api_request.operation.perform, {
			authData: AUTH,
			inputData: { method: 'GET', path: '', query: { action: 'search_tasks', filter: "name has 'Q(1)'" } },
		});
		expect(api.seen.map((s) => [s.method, s.params.get('action')])).toEqual([
			['POST', 'post_project'],
			['GET', 'search_tasks'],
		]);
		expect(api.seen[0].params.get('title')).toBe("Ann's launch & co");
		expect(api.seen[1].rawQuery).toContain('filter=name%20has%20%27Q%281%29%27');
		for (const request of api.seen) expect(request.wire).not.toContain(KEY);
	});

	test('a wrong key: the vendor\'s hash error names Worksection and shows no key', async () => {
		const { app, run } = adminApp();
		const api = strictAdminApi('the-real-key', () => USERS);
		const error = await failure(run(app.authentication?.test, { authData: AUTH }));
		expect(api.seen).toHaveLength(1);
		expect(error.message).toContain('Worksection');
		expect(error.message).toContain('Action hash is missed or invalid');
		expect(`${error.message}\n${error.stack}`).not.toContain(KEY);
	});

	test('a vendor answer that echoes the key is redacted in the error', async () => {
		const { app, run } = adminApp();
		nock(ACCOUNT).get(/^\/api\/admin\/v2\//).reply(200, { status: 'error', status_code: 5, message: `key ${KEY} may not do that` });
		const error = await failure(run(app.authentication?.test, { authData: AUTH }));
		expect(error.message).toContain('Worksection');
		expect(`${error.message}\n${error.stack}`).not.toContain(KEY);
	});

	test.each([
		['plain http', 'http://acme.worksection.com', /not HTTPS/],
		['another domain', 'https://acme.worksection.com.evil.example', /own domains/],
		['a port', 'https://acme.worksection.com:8443', /port/],
		['userinfo', 'https://me@acme.worksection.com', /plain https URL/],
	])('an account URL with %s is refused before any request', async (_case, accountUrl, reason) => {
		const { app, run } = adminApp();
		// no interceptor: any request would fail with nock's "Nock: Disallowed net connect" instead of the reason
		const error = await failure(run(app.authentication?.test, { authData: { account_url: accountUrl, api_key: KEY } }));
		expect(error.message).toMatch(reason);
		expect(error.message).toContain('Account URL');
		expect(error.message).not.toContain(KEY);
	});

	test('an action with a stored account URL off the vendor\'s domains sends nothing', async () => {
		const { app, run } = adminApp();
		const error = await failure(run((app.triggers?.newProject.operation as { perform: unknown }).perform, { authData: { account_url: 'https://evil.example.com', api_key: KEY } }));
		expect(error.message).toContain('Worksection');
		expect(error.message).not.toContain(KEY);
		expect(error.message).not.toMatch(/Nock/);
	});

	test('API Request to another host is refused before signing or sending', async () => {
		const { app, run } = adminApp();
		const error = await failure(run(app.creates?.api_request.operation.perform, { authData: AUTH, inputData: { method: 'GET', path: 'https://evil.example.com/?action=get_users' } }));
		expect(error.message).toMatch(/refused before sending/);
	});
});
