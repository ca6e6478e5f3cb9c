import { createHash } from 'node:crypto';
import { DEFAULT_REDIRECT_URIS, SANDBOX_CLIENTS, VENDOR_IDS, WORKSECTION_ADMIN_KEY } from '../../sandbox/clients';
import { parseBody } from '../../sandbox/http/body';
import { isRegisteredRedirectUri } from '../../sandbox/oauth/redirect-uris';
import { TokenStore } from '../../sandbox/oauth/tokens';
import { resolveOptions } from '../../sandbox/resolve-options';
import { Router } from '../../sandbox/router';
import { buildRouter } from '../../sandbox/routes';
import { isoWeekPeriod } from '../../sandbox/seed/dates';
import { SandboxState } from '../../sandbox/state';
import { SANDBOX_VENDORS } from '../../sandbox/vendors';
import { adminHashValid } from '../../sandbox/vendors/worksection-api';

describe('Router', () => {
	const router = new Router();
	const a = () => undefined;
	const b = () => undefined;
	router.get('/x/items/:id', a);
	router.post('/x/items/:id/comments', b);

	test('matches segments and decodes params; trailing slash is not significant', () => {
		const match = router.match('GET', '/x/items/a%20b/');
		expect(match).toEqual({ handler: a, params: { id: 'a b' } });
	});

	test('distinguishes a wrong method from an unknown path', () => {
		expect(router.match('DELETE', '/x/items/1')).toBe('method');
		expect(router.match('GET', '/x/items/1/likes')).toBeUndefined();
	});
});

describe('sandbox vendor registry', () => {
	const state = new SandboxState(resolveOptions());
	const router = buildRouter(state);

	test('ids are unique and VENDOR_IDS follows the registry', () => {
		expect(new Set(VENDOR_IDS).size).toBe(SANDBOX_VENDORS.length);
		expect(VENDOR_IDS).toEqual(SANDBOX_VENDORS.map((vendor) => vendor.id));
	});

	// token-delay and the playground rely on `paths`: each must be a route the vendor registered.
	test.each(SANDBOX_VENDORS.map((vendor) => [vendor.id, vendor] as const))('%s: its authorize, token and refresh paths are routed', (_id, vendor) => {
		expect(router.match('GET', vendor.paths.authorize ?? '')).toEqual(expect.objectContaining({ handler: expect.any(Function) }));
		expect(router.match('POST', vendor.paths.token)).toEqual(expect.objectContaining({ handler: expect.any(Function) }));
		if (vendor.paths.refresh !== undefined) expect(router.match('POST', vendor.paths.refresh)).toEqual(expect.objectContaining({ handler: expect.any(Function) }));
	});

	test('each seeded `me` owns the vendor\'s static tokens', () => {
		expect.hasAssertions();
		for (const vendor of SANDBOX_VENDORS) {
			for (const fixed of vendor.staticTokens?.(state.now()) ?? []) {
				expect(state.tokens.checkAccess(vendor.id, fixed.token)).toMatchObject({ ok: true, record: { userId: state.me(vendor.id) } });
			}
		}
	});
});

describe('parseBody', () => {
	test('form bodies keep key order; JSON exposes scalars as strings', () => {
		const formBody = parseBody(Buffer.from('b=2&a=1+1'), 'application/x-www-form-urlencoded; charset=UTF-8');
		expect(formBody).toMatchObject({ kind: 'form', keys: ['b', 'a'], fields: { b: '2', a: '1 1' } });
		const json = parseBody(Buffer.from('{"n":3,"list":[1],"t":true}'), 'application/json');
		expect(json.fields).toEqual({ n: '3', t: 'true' });
		expect(json.keys).toEqual(['n', 'list', 't']);
		expect(parseBody(Buffer.from('{oops'), 'application/json').kind).toBe('invalid-json');
	});

	test('multipart text fields are read, files are skipped', () => {
		const body = [
			'--XX',
			'Content-Disposition: form-data; name="action"',
			'',
			'get_tasks',
			'--XX',
			'Content-Disposition: form-data; name="upload"; filename="a.txt"',
			'Content-Type: text/plain',
			'',
			'file content',
			'--XX--',
			'',
		].join('\r\n');
		const parsed = parseBody(Buffer.from(body), 'multipart/form-data; boundary=XX');
		expect(parsed.fields).toEqual({ action: 'get_tasks' });
		expect(parsed.keys).toEqual(['action', 'upload']);
	});
});

describe('redirect URI registration', () => {
	const client = { ...SANDBOX_CLIENTS.weekdone, redirectUris: [...DEFAULT_REDIRECT_URIS] };
	test.each([
		['http://127.0.0.1:5678/rest/oauth2-credential/callback', true],
		['http://localhost:5678/rest/oauth2-credential/callback', true],
		['https://zapier.com/dashboard/auth/oauth/return/App1CLIAPI/', true],
		// exact match only: no other loopback port or path, no trailing slash, no other Zapier app
		['http://localhost/cb', false],
		['http://127.0.0.1:5679/rest/oauth2-credential/callback', false],
		['http://127.0.0.1:5678/rest/oauth2-credential/callback/', false],
		['https://zapier.com/dashboard/auth/oauth/return/App2CLIAPI/', false],
		['https://127.0.0.1/cb', false],
		['http://127.0.0.1:5678/cb#frag', false],
		['http://example.com/cb', false],
		['not a url', false],
	])('%s → %s', (uri, expected) => {
		expect(isRegisteredRedirectUri(client, uri)).toBe(expected);
	});
});

describe('Worksection admin hash', () => {
	test('is md5 of the raw query string without the hash pair, plus the key', () => {
		const query = 'action=get_tasks&id_project=26&filter=name%20has%20%27x%27';
		const hash = createHash('md5').update(query + WORKSECTION_ADMIN_KEY).digest('hex');
		expect(adminHashValid(`${query}&hash=${hash}`)).toBe(true);
		expect(adminHashValid(`${query}&hash=${hash.toUpperCase()}`)).toBe(true);
		// Same parameters, different encoding: not the string that was signed.
		expect(adminHashValid(`${query.replace('%20', '+')}&hash=${hash}`)).toBe(false);
		expect(adminHashValid(query)).toBe(false);
	});
});

describe('TokenStore', () => {
	test('lookups are scoped per vendor and report expiry and revocation', () => {
		let now = 1_000_000;
		const store = new TokenStore(() => now);
		const { access, refresh } = store.issue({ vendor: 'wordapp', clientId: 'c', userId: '1', scope: [], grantType: 'x', accessTtlSeconds: 10, refresh: { ttlSeconds: null } });
		expect(store.checkAccess('wordapp', access.token).ok).toBe(true);
		expect(store.checkAccess('weekdone', access.token)).toEqual({ ok: false, reason: 'unknown' });
		now += 10_000;
		expect(store.checkAccess('wordapp', access.token)).toMatchObject({ ok: false, reason: 'expired' });
		store.revokeGrantOfAccess(access.token);
		expect(store.checkRefresh('wordapp', refresh?.token)).toMatchObject({ ok: false, reason: 'revoked' });
	});
});

test('isoWeekPeriod follows ISO-8601 week numbering', () => {
	expect(isoWeekPeriod(Date.UTC(2024, 0, 1))).toBe('202401');
	expect(isoWeekPeriod(Date.UTC(2021, 0, 3))).toBe('202053');
	expect(isoWeekPeriod(Date.UTC(2026, 11, 31))).toBe('202653');
});
