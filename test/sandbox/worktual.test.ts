import { SANDBOX_CLIENTS, WORKTUAL_PRIVATE_TOKEN } from '../../sandbox/clients';
import { WORKTUAL_SEED_BASE_MS, WORKTUAL_SEED_COUNT } from '../../sandbox/seed/worktual';
import { authorizeCode, expectBasicClientAuthRefused, expire, form, REDIRECT, sandboxForFile, startHarness } from './helpers';

const { clientId, clientSecret } = SANDBOX_CLIENTS.worktual;
const AUTHORIZE = '/worktual/services/oauth2/v1/authorize';
const TOKEN = '/worktual/services/oauth2/v1/token';
const CONTACTS = '/worktual/services/ccaas/v1/contacts';

// No document gives the authorize URL, so the OAuth flow needs the worktual-authorize-url assumption.
const h = sandboxForFile({ autoApprove: true, accessTokenTtlSeconds: 5, assumptions: ['worktual-authorize-url'] });

function code(): Promise<string> {
	return authorizeCode(h.http, AUTHORIZE, { client_id: clientId, response_type: 'code', Redirect_url: REDIRECT, state: 'w1' });
}

function exchange(fields: Record<string, string>) {
	return h.http.post(TOKEN, form(fields));
}

async function connect(): Promise<string> {
	const res = await exchange({ code: await code(), client_id: clientId, client_secret: clientSecret, grant_type: 'authorisation_code', Redirect_url: REDIRECT });
	expect(res.status).toBe(200);
	return res.data[0].access_token;
}

describe('worktual OAuth', () => {
	test('happy path: JSON-array token response, permanent token, API until expired by the test hook', async () => {
		const res = await exchange({ code: await code(), client_id: clientId, client_secret: clientSecret, grant_type: 'authorisation_code', Redirect_url: REDIRECT });
		expect(res.status).toBe(200);
		expect(Array.isArray(res.data)).toBe(true);
		expect(Object.keys(res.data[0])).toEqual(['access_token']);
		const token = res.data[0].access_token as string;
		expect(token.startsWith('OAUTH2.')).toBe(true);

		// Permanent: the accessTokenTtlSeconds override does not apply to Worktual.
		const record = h.sandbox.state.tokens.checkAccess('worktual', token);
		expect(record.ok && record.record.expiresAt).toBeNull();
		expect((await h.http.get(CONTACTS, { headers: { Authorisation: token } })).status).toBe(200);

		await expire(h.http, 'worktual');
		expect((await h.http.get(CONTACTS, { headers: { Authorisation: token } })).status).toBe(401);
	});

	test('authorize with redirect_uri instead of Redirect_url is refused (plain text)', async () => {
		const res = await h.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code', redirect_uri: REDIRECT } });
		expect(res.status).toBe(400);
		expect(res.headers.location).toBeUndefined();
		expect(res.data).toMatch(/Redirect_url/);
	});

	test('authorize echoes state on the Redirect_url', async () => {
		const res = await h.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code', Redirect_url: REDIRECT, state: 'abc' } });
		const location = new URL(String(res.headers.location));
		expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
		expect(location.searchParams.get('state')).toBe('abc');
	});

	test('grant_type=authorization_code (US spelling) is rejected', async () => {
		const res = await exchange({ code: await code(), client_id: clientId, client_secret: clientSecret, grant_type: 'authorization_code', Redirect_url: REDIRECT });
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('unsupported_grant_type');
	});

	test('redirect_uri instead of Redirect_url at the token endpoint is rejected', async () => {
		const res = await exchange({ code: await code(), client_id: clientId, client_secret: clientSecret, grant_type: 'authorisation_code', redirect_uri: REDIRECT });
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('invalid_request');
		expect(res.data.error_description).toMatch(/Redirect_url/);
	});

	test('Redirect_url must equal the one used at authorize', async () => {
		const res = await exchange({ code: await code(), client_id: clientId, client_secret: clientSecret, grant_type: 'authorisation_code', Redirect_url: 'http://127.0.0.1:5678/other' });
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('invalid_grant');
	});

	test('the doc capitalised spellings Code / Client_id / Grant_type are accepted', async () => {
		const res = await exchange({ Code: await code(), Client_id: clientId, client_secret: clientSecret, Grant_type: 'authorisation_code', Redirect_url: REDIRECT });
		expect(res.status).toBe(200);
	});

	test('client credentials in a Basic header are rejected', async () => {
		await expectBasicClientAuthRefused(h.http, TOKEN, { code: await code(), grant_type: 'authorisation_code', Redirect_url: REDIRECT }, { clientId, clientSecret });
	});

	test('a JSON body is not read by the token endpoint', async () => {
		const res = await h.http.post(TOKEN, { code: await code(), client_id: clientId, client_secret: clientSecret, grant_type: 'authorisation_code', Redirect_url: REDIRECT });
		expect(res.status).toBe(400);
		expect(res.data.error).toBe('invalid_request');
	});
});

describe('worktual contacts API', () => {
	let token: string;
	beforeAll(async () => {
		token = await connect();
	});

	test('the header exactly as the doc prints it ("Authorisation : token"); other forms only with the assumption', async () => {
		for (const headers of [{ Authorisation: token }, { Authorisation: WORKTUAL_PRIVATE_TOKEN }]) {
			expect((await h.http.get(CONTACTS, { headers, params: { limit: 1 } })).status).toBe(200);
		}
		const undocumented = [{ Authorization: token }, { Authorization: `Bearer ${token}` }, { Authorisation: `Bearer ${token}` }];
		for (const headers of undocumented) {
			const res = await h.http.get(CONTACTS, { headers, params: { limit: 1 } });
			expect(res.status).toBe(401);
		}
		expect((await h.http.get(CONTACTS, { headers: { Authorization: token } })).data.message).toMatch(/Authorization header is not read/);
		await h.http.post('/__sandbox/assumptions?enable=worktual-authorization-header');
		try {
			for (const headers of undocumented) expect((await h.http.get(CONTACTS, { headers, params: { limit: 1 } })).status).toBe(200);
			expect((await h.http.get('/__sandbox/assumptions')).data.exercised['worktual-authorization-header'].count).toBe(3);
		} finally {
			await h.http.post('/__sandbox/assumptions?disable=worktual-authorization-header');
		}
		const none = await h.http.get(CONTACTS);
		expect(none.status).toBe(401);
		expect((await h.http.get(CONTACTS, { headers: { Authorisation: 'wrong' } })).status).toBe(401);
	});

	test('prototype keys are no condition, field or filter field', async () => {
		const headers = { Authorisation: token };
		for (const params of [{ condition: 'constructor', createdDate: 1 }, { fields: 'constructor' }, { fields: '__proto__' }, { filter: 'constructor = "x"' }]) {
			expect((await h.http.get(CONTACTS, { headers, params })).status).toBe(400);
		}
	});

	test('offset is a page index; limit defaults to and is capped at 100', async () => {
		const headers = { Authorisation: token };
		const first = await h.http.get(CONTACTS, { headers });
		expect(first.data).toHaveLength(100);
		const third = await h.http.get(CONTACTS, { headers, params: { offset: 2 } });
		expect(third.data).toHaveLength(WORKTUAL_SEED_COUNT - 200);
		const second = await h.http.get(CONTACTS, { headers, params: { offset: 1, limit: 100 } });
		const ids = new Set([...first.data, ...second.data, ...third.data].map((c: { coid: number }) => c.coid));
		expect(ids.size).toBe(WORKTUAL_SEED_COUNT);
		expect((await h.http.get(CONTACTS, { headers, params: { limit: 500 } })).data).toHaveLength(100);
		const small = await h.http.get(CONTACTS, { headers, params: { offset: 1, limit: 10 } });
		expect(small.data.map((c: { coid: number }) => c.coid)).toEqual(first.data.slice(10, 20).map((c: { coid: number }) => c.coid));
		expect((await h.http.get(CONTACTS, { headers, params: { offset: 'x' } })).status).toBe(400);
	});

	test('createdDate with condition filters by creation time', async () => {
		const headers = { Authorisation: token };
		const cutoff = WORKTUAL_SEED_BASE_MS + 239 * 3_600_000; // contacts 240..249 are newer
		const gt = await h.http.get(CONTACTS, { headers, params: { createdDate: cutoff, condition: 'GT' } });
		expect(gt.data).toHaveLength(10);
		const gte = await h.http.get(CONTACTS, { headers, params: { createdDate: cutoff, condition: 'GTE' } });
		expect(gte.data).toHaveLength(11);
		const eq = await h.http.get(CONTACTS, { headers, params: { createdDate: cutoff } });
		expect(eq.data).toHaveLength(1);
		expect((await h.http.get(CONTACTS, { headers, params: { createdDate: cutoff, condition: 'BETWEEN' } })).status).toBe(400);
	});

	test('filter and fields', async () => {
		const headers = { Authorisation: token };
		const leeds = await h.http.get(CONTACTS, { headers, params: { filter: 'city = "Leeds" AND customerType = "business"' } });
		expect(leeds.data.length).toBeGreaterThan(0);
		expect(leeds.data.every((c: { city: string; customerType: string }) => c.city === 'Leeds' && c.customerType === 'business')).toBe(true);
		const names = await h.http.get(CONTACTS, { headers, params: { fields: 'firstName,lastName', limit: 2 } });
		expect(Object.keys(names.data[0])).toEqual(['firstName', 'lastName']);
		expect((await h.http.get(CONTACTS, { headers, params: { filter: 'city IN ("Leeds")' } })).status).toBe(400);
	});

	test('single contact', async () => {
		const headers = { Authorisation: token };
		const one = await h.http.get(`${CONTACTS}/1001`, { headers });
		expect(one.data).toMatchObject({ coid: 1001, firstName: 'Asha' });
		expect((await h.http.get(`${CONTACTS}/999999`, { headers })).status).toBe(404);
	});
});

describe('worktual doc-strict rules (no assumption switched on)', () => {
	test('the authorize URL is in no document: 404 unless worktual-authorize-url is on', async () => {
		const strict = await startHarness({ autoApprove: true });
		try {
			const res = await strict.http.get(AUTHORIZE, { params: { client_id: clientId, response_type: 'code', Redirect_url: REDIRECT } });
			expect(res.status).toBe(404);
			expect(res.data.message).toMatch(/worktual-authorize-url/);
			// The documented token URL exists (and refuses a made-up code).
			const token = await strict.http.post(TOKEN, form({ Code: 'x', Client_id: clientId, client_secret: clientSecret, Grant_type: 'authorisation_code', Redirect_url: REDIRECT }));
			expect(token.status).toBe(400);
			expect(token.data.error).toBe('invalid_grant');
		} finally {
			await strict.sandbox.close();
		}
	});
});
