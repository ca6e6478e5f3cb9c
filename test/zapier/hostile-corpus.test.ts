/**
 * A hostile corpus against each Zapier app, through the platform's own request client (nock answers the
 * vendor's URLs): the refresh (HTML, truncated, empty, 200-with-error, arrays, wrong types and content types,
 * 401/403/404/409/429 with Retry-After in seconds and as an HTTP date, 500/502/503, a foreign API host, timeouts,
 * connection resets) and an API call (the same answers to the connection test). Each must throw the Zapier
 * error class that gives the right consequence, with a message naming the vendor and the cause, and a failed
 * refresh leaves authData as it was.
 */
import nock from 'nock';

import { apiBaseUrl, refreshUrlOf } from '../../shared/oauth';
import type { VendorDefinition } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import { failure, harness, REDIRECT, resetEnv } from './harness';

const TIMEOUT_MS = 300;
const RETRY_DATE = () => new Date(Date.now() + 120_000).toUTCString();

type Reply = (scope: nock.Interceptor) => nock.Scope;
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => (i) => i.reply(status, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers });
const raw = (status: number, body: string, type: string, headers: Record<string, string> = {}): Reply => (i) => i.reply(status, body, { 'Content-Type': type, ...headers });

interface ZapierCase {
	name: string;
	reply: Reply;
	/** The Zapier error class (its `name`) the refresh must throw. */
	refresh: string;
	/** The class the connection test must throw; vendors without refresh get ExpiredAuthError for 401. */
	api: string;
	says: RegExp;
	/** ThrottledError delay in seconds (approximately, for dates). */
	delay?: number;
	onlyRefresh?: boolean;
	needsHostField?: boolean;
}

const CASES: ZapierCase[] = [
	{ name: 'HTML page with 200', reply: raw(200, '<!doctype html><html>Sign in</html>', 'text/html'), refresh: 'AppError', api: 'AppError', says: /HTML/ },
	{ name: 'truncated JSON', reply: raw(200, '{"access_token":"abc","da', 'application/json'), refresh: 'AppError', api: 'AppError', says: /not JSON/ },
	{ name: 'empty body', reply: raw(200, '', 'application/json'), refresh: 'AppError', api: 'AppError', says: /not JSON|empty answer/ },
	{ name: '200 with an OAuth error', reply: json(200, { error: 'invalid_grant', error_description: 'expired' }), refresh: 'ExpiredAuthError', api: 'AppError', says: /invalid_grant|error answer/ },
	{ name: '200 with an error inside an array', reply: json(200, [{ error: 'invalid_grant' }]), refresh: 'ExpiredAuthError', api: 'AppError', says: /invalid_grant|error answer/ },
	{ name: 'empty array', reply: json(200, []), refresh: 'AppError', api: 'none', says: /unexpected shape/, onlyRefresh: true },
	{ name: 'numeric access_token', reply: json(200, { access_token: 42 }), refresh: 'AppError', api: 'none', says: /not a plain token string/, onlyRefresh: true },
	{ name: 'access_token with CRLF', reply: json(200, { access_token: 'a\r\nb' }), refresh: 'AppError', api: 'none', says: /not a plain token string/, onlyRefresh: true },
	{ name: 'JSON sent as form-encoded', reply: raw(200, '{"access_token":"abc"}', 'application/x-www-form-urlencoded'), refresh: 'AppError', api: 'none', says: /has no access_token/, onlyRefresh: true },
	{ name: 'a bare JSON number', reply: raw(200, '12', 'application/json'), refresh: 'AppError', api: 'AppError', says: /unexpected shape|neither an object nor an array/ },
	{ name: '400 invalid_grant', reply: json(400, { error: 'invalid_grant' }), refresh: 'ExpiredAuthError', api: 'AppError', says: /400/ },
	{ name: '401', reply: json(401, { error: 'invalid_token' }), refresh: 'ExpiredAuthError', api: 'RefreshAuthError', says: /401|rejected/ },
	{ name: '403 plain text', reply: raw(403, 'Forbidden', 'text/plain'), refresh: 'ExpiredAuthError', api: 'AppError', says: /403/ },
	{ name: '404 HTML', reply: raw(404, '<h1>Not Found</h1>', 'text/html'), refresh: 'ExpiredAuthError', api: 'AppError', says: /404/ },
	{ name: '409', reply: json(409, { error: 'conflict', message: 'conflict' }), refresh: 'AppError', api: 'AppError', says: /409/ },
	{ name: '429 with Retry-After in seconds', reply: json(429, { error: 'slow_down' }, { 'Retry-After': '30' }), refresh: 'ThrottledError', api: 'ThrottledError', says: /429/, delay: 30 },
	{ name: '429 with Retry-After as an HTTP date', reply: (i) => i.reply(429, '{}', { 'Content-Type': 'application/json', 'Retry-After': RETRY_DATE() }), refresh: 'ThrottledError', api: 'ThrottledError', says: /429/, delay: 120 },
	{ name: '500', reply: raw(500, 'boom', 'text/plain'), refresh: 'AppError', api: 'AppError', says: /500/ },
	{ name: '502 HTML', reply: raw(502, '<html>Bad gateway</html>', 'text/html'), refresh: 'AppError', api: 'AppError', says: /502/ },
	{ name: '503 with Retry-After', reply: raw(503, '', 'text/plain', { 'Retry-After': '60' }), refresh: 'AppError', api: 'AppError', says: /503/ },
	{ name: 'timeout', reply: (i) => i.delay(TIMEOUT_MS * 4).reply(200, '{}'), refresh: 'AppError', api: 'AppError', says: /in time/ },
	{ name: 'connection reset', reply: (i) => i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), refresh: 'AppError', api: 'AppError', says: /socket hang up|could not be reached/ },
	{ name: 'foreign API host', reply: json(200, { access_token: 'new-a', refresh_token: 'new-r', account_url: 'https://evil.example.com' }), refresh: 'AppError', api: 'none', says: /evil\.example\.com.*not on Worksection's own domains/, onlyRefresh: true, needsHostField: true },
	{ name: 'plain-http API host', reply: json(200, { access_token: 'new-a', account_url: 'http://team.worksection.com' }), refresh: 'AppError', api: 'none', says: /not HTTPS/, onlyRefresh: true, needsHostField: true },
];

function authDataFor(vendor: VendorDefinition): Record<string, string> {
	const data: Record<string, string> = { access_token: 'stored-access', refresh_token: 'stored-refresh' };
	if (vendor.api.baseUrlFromToken) data[vendor.api.baseUrlFromToken.field] = `https://team.${vendor.ownDomains[0]}`;
	if (vendor.oauth2.keepFields.includes('user')) data.user = JSON.stringify({ id: 1, email: 'u@example.com' });
	return data;
}

function intercept(url: string, method: string, reply: Reply): nock.Scope {
	const target = new URL(url);
	const path = target.pathname;
	const interceptor = method === 'POST' ? nock(target.origin).post(path) : nock(target.origin).get(path).query(true);
	return reply(interceptor);
}

function throttleDelay(error: Error): number | undefined {
	try {
		return (JSON.parse(error.message) as { delay?: number }).delay;
	} catch {
		return undefined;
	}
}

function expectCase(error: Error, vendor: VendorDefinition, expectedClass: string, c: ZapierCase): void {
	expect(error.name).toBe(expectedClass);
	expect(error.message).toContain(vendor.displayName);
	expect(error.message).toMatch(c.says);
	if (c.delay !== undefined) expect(Math.abs((throttleDelay(error) ?? -100) - c.delay)).toBeLessThanOrEqual(2);
}

beforeEach(() => {
	resetEnv();
	process.env.REQUEST_TIMEOUT_MS = String(TIMEOUT_MS);
	process.env.REDIRECT_URI = REDIRECT;
});
afterEach(() => {
	nock.abortPendingRequests();
	nock.cleanAll();
});

describe.each(Object.values(vendors).map((v) => [v.displayName, v] as const))('%s app: hostile answers', (_name, vendor) => {
	const h = harness(vendor.id);

	const refreshCases = vendor.oauth2.refresh ? CASES.filter((c) => !c.needsHostField || vendor.api.baseUrlFromToken) : [];
	if (refreshCases.length > 0) {
		test.each(refreshCases.map((c) => [c.name, c] as const))('refresh: %s', async (_case, c) => {
			const authData = authDataFor(vendor);
			const before = JSON.stringify(authData);
			intercept(refreshUrlOf(vendor, {}), 'POST', c.reply);
			const error = await failure(h.run(h.oauth2.refreshAccessToken, { authData, inputData: { redirect_uri: REDIRECT } }));
			expectCase(error, vendor, c.refresh, c);
			expect(JSON.stringify(authData)).toBe(before);
			expect(error.message).not.toContain('stored-refresh');
		});
	}

	const apiCases = CASES.filter((c) => !c.onlyRefresh);
	test.each(apiCases.map((c) => [c.name, c] as const))('connection test: %s', async (_case, c) => {
		const authData = authDataFor(vendor);
		// whatever request the connection test makes (the vendor's user-info request or its cheap API request,
		// under the API base or beside it), every path on the vendor's API and auth origins gives the hostile answer
		for (const origin of new Set([new URL(apiBaseUrl(vendor, { access_token: 'x', ...authData })).origin, new URL(vendor.oauth2.token.url.url).origin])) {
			c.reply(nock(origin).get(() => true).query(true));
			c.reply(nock(origin).post(() => true));
		}
		const error = await failure(h.run(h.app.authentication?.test, { authData }));
		const expected = c.api === 'RefreshAuthError' && !vendor.oauth2.refresh ? 'ExpiredAuthError' : c.api;
		expectCase(error, vendor, expected, c.api === 'RefreshAuthError' ? { ...c, says: /rejected|expired|401/ } : c);
		expect(error.message).not.toContain('stored-access');
	});
});
