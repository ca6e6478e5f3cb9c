/**
 * A hostile corpus against the shared lifecycle, for every vendor, through code exchange and refresh: HTML,
 * truncated, empty, 200-with-error, arrays, wrong types and content types, 401/403/404/409/429 (Retry-After in
 * seconds and as an HTTP date), 500/502/503, a foreign API host, timeouts and connection resets. Each must give
 * a VendorAuthError that names the vendor and the cause, and must leave the stored token untouched.
 */
import nock from 'nock';

import {
	DEFAULT_REQUEST_TIMEOUT_MS,
	exchangeCode,
	HttpTimeoutError,
	refreshToken,
	VendorAuthError,
	type AuthErrorCause,
	type HttpClient,
	type HttpResponse,
} from '../../shared/oauth';
import type { TokenSet, VendorDefinition } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import { client, http, NOW, REDIRECT } from './helpers';

interface HostileCase {
	name: string;
	/** The answer, or a transport failure to throw. */
	answer: Partial<HttpResponse> | (() => Error);
	cause: AuthErrorCause;
	/** What the message must say about the cause. */
	says: RegExp;
	status?: number;
	retryAfterSeconds?: number;
	/** Only for vendors with a token-derived API host. */
	needsHostField?: boolean;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const json = (status: number, value: unknown, headers: Record<string, string> = {}): Partial<HttpResponse> => ({ status, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(value) });
const IN_TWO_MINUTES = new Date(NOW + 120_000).toUTCString();

const CASES: HostileCase[] = [
	{ name: 'HTML login page with 200', answer: { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><html>Sign in</html>' }, cause: 'invalid_response', says: /answered HTML/ },
	{ name: 'truncated JSON', answer: { status: 200, headers: JSON_TYPE, body: '{"access_token":"abc","refresh_tok' }, cause: 'invalid_response', says: /not JSON/ },
	{ name: 'empty body', answer: { status: 200, headers: JSON_TYPE, body: '' }, cause: 'invalid_response', says: /not JSON/ },
	{ name: 'JSON null', answer: { status: 200, headers: JSON_TYPE, body: 'null' }, cause: 'invalid_response', says: /unexpected shape/ },
	{ name: 'a bare JSON string', answer: { status: 200, headers: JSON_TYPE, body: '"token"' }, cause: 'invalid_response', says: /unexpected shape/ },
	{ name: '200 with an OAuth error', answer: json(200, { error: 'invalid_grant', error_description: 'expired' }), cause: 'error_response', says: /invalid_grant \(expired\)/ },
	{ name: '200 with an error inside an array', answer: json(200, [{ error: 'invalid_grant' }]), cause: 'error_response', says: /invalid_grant/ },
	{ name: '200 with a status:error envelope', answer: json(200, { status: 'error', message: 'nope' }), cause: 'error_response', says: /nope/ },
	{ name: 'empty array', answer: json(200, []), cause: 'invalid_response', says: /unexpected shape/ },
	{ name: 'array of strings', answer: json(200, ['access']), cause: 'invalid_response', says: /unexpected shape/ },
	{ name: 'numeric access_token', answer: json(200, { access_token: 12345 }), cause: 'invalid_response', says: /not a plain token string/ },
	{ name: 'object access_token', answer: json(200, { access_token: { value: 'x' } }), cause: 'invalid_response', says: /not a plain token string/ },
	{ name: 'access_token of spaces', answer: json(200, { access_token: '   ' }), cause: 'invalid_response', says: /not a plain token string/ },
	{ name: 'access_token with CRLF', answer: json(200, { access_token: 'abc\r\nSet-Cookie: x=1' }), cause: 'invalid_response', says: /not a plain token string/ },
	{ name: 'no access_token', answer: json(200, { token_type: 'bearer' }), cause: 'missing_access_token', says: /has no access_token \(fields: token_type\)/ },
	{ name: 'JSON sent as form-encoded', answer: { status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '{"access_token":"abc"}' }, cause: 'missing_access_token', says: /has no access_token/ },
	{ name: 'XML instead of JSON', answer: { status: 200, headers: { 'content-type': 'application/xml' }, body: '<token>abc</token>' }, cause: 'invalid_response', says: /answered HTML/ },
	{ name: '400 invalid_grant', answer: json(400, { error: 'invalid_grant' }), cause: 'error_response', says: /HTTP 400: invalid_grant/, status: 400 },
	{ name: '401 invalid_client', answer: json(401, { error: 'invalid_client' }), cause: 'error_response', says: /HTTP 401: invalid_client/, status: 401 },
	{ name: '403 plain text', answer: { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' }, cause: 'error_response', says: /HTTP 403: Forbidden/, status: 403 },
	{ name: '404 HTML', answer: { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>Not Found</h1>' }, cause: 'error_response', says: /HTTP 404: an HTML page; check the token URL/, status: 404 },
	{ name: '429 plain text', answer: { status: 429, headers: { 'retry-after': '5' }, body: 'Too many' }, cause: 'rate_limited', says: /HTTP 429: Too many; retry after 5 s/, status: 429, retryAfterSeconds: 5 },
	{ name: '409 conflict', answer: json(409, { error: 'conflict' }), cause: 'error_response', says: /HTTP 409: conflict/, status: 409 },
	{ name: '429 with Retry-After in seconds', answer: json(429, { error: 'slow_down' }, { 'retry-after': '30' }), cause: 'rate_limited', says: /HTTP 429: slow_down; retry after 30 s/, status: 429, retryAfterSeconds: 30 },
	{ name: '429 with Retry-After as an HTTP date', answer: json(429, {}, { 'retry-after': IN_TWO_MINUTES }), cause: 'rate_limited', says: /HTTP 429.*retry after 120 s/, status: 429, retryAfterSeconds: 120 },
	{ name: '500', answer: { status: 500, headers: {}, body: 'boom' }, cause: 'server_error', says: /failed with HTTP 500/, status: 500 },
	{ name: '502 HTML', answer: { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad gateway</html>' }, cause: 'server_error', says: /failed with HTTP 502/, status: 502 },
	{ name: '503 with Retry-After', answer: { status: 503, headers: { 'retry-after': '60' }, body: '' }, cause: 'server_error', says: /failed with HTTP 503/, status: 503, retryAfterSeconds: 60 },
	{ name: 'timeout', answer: () => new HttpTimeoutError('https://vendor.example/token', 15_000), cause: 'timeout', says: /did not answer in time/ },
	{ name: 'connection reset', answer: () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), cause: 'server_error', says: /could not be reached \(socket hang up\)/ },
	{ name: 'foreign API host', answer: json(200, { access_token: 'a-1', refresh_token: 'r-1', account_url: 'https://evil.example.com' }), cause: 'untrusted_host', says: /"https:\/\/evil\.example\.com" as the API host \(account_url\).*nothing was stored/, needsHostField: true },
	{ name: 'plain-http API host', answer: json(200, { access_token: 'a-1', account_url: 'http://team.worksection.com' }), cause: 'untrusted_host', says: /it is not HTTPS/, needsHostField: true },
	{ name: 'look-alike API host', answer: json(200, { access_token: 'a-1', account_url: 'https://worksection.com.evil.example' }), cause: 'untrusted_host', says: /not on Worksection's own domains/, needsHostField: true },
];

function hostileClient(answer: HostileCase['answer'], seen: { calls: number }): HttpClient {
	return async () => {
		seen.calls += 1;
		if (typeof answer === 'function') throw answer();
		return { status: answer.status ?? 200, headers: answer.headers ?? {}, body: answer.body ?? '' };
	};
}

async function failureOf(run: () => Promise<unknown>): Promise<VendorAuthError> {
	try {
		await run();
	} catch (error) {
		if (error instanceof VendorAuthError) return error;
		throw error;
	}
	throw new Error('expected a VendorAuthError, the call succeeded');
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

function casesFor(vendor: VendorDefinition): HostileCase[] {
	return CASES.filter((c) => !c.needsHostField || vendor.api.baseUrlFromToken !== undefined);
}

function expectTyped(error: VendorAuthError, vendor: VendorDefinition, c: HostileCase): void {
	expect(error.vendor).toBe(vendor.displayName);
	expect(error.message.startsWith(`${vendor.displayName}: `)).toBe(true);
	expect(error.cause_).toBe(c.cause);
	expect(error.message).toMatch(c.says);
	if (c.status !== undefined) expect(error.status).toBe(c.status);
	if (c.retryAfterSeconds !== undefined) expect(error.retryAfterSeconds).toBe(c.retryAfterSeconds);
}

describe.each(Object.values(vendors).map((v) => [v.displayName, v] as const))('%s: hostile token answers', (_name, vendor) => {
	test.each(casesFor(vendor).map((c) => [c.name, c] as const))('code exchange: %s', async (_case, c) => {
		const seen = { calls: 0 };
		const error = await failureOf(() => exchangeCode(hostileClient(c.answer, seen), vendor, client, { code: 'code-1', redirectUri: REDIRECT }, NOW));
		expect(seen.calls).toBe(1);
		expectTyped(error, vendor, c);
	});

	const refreshCases = vendor.oauth2.refresh ? casesFor(vendor) : [];
	const eachRefreshCase = refreshCases.length > 0 ? test.each(refreshCases.map((c) => [c.name, c] as const)) : () => undefined;
	eachRefreshCase('refresh: %s, and the stored token is untouched', async (_case: string, c: HostileCase) => {
		const stored: TokenSet = deepFreeze({
			access_token: 'stored-access',
			refresh_token: 'stored-refresh',
			expires_at: NOW - 1000,
			...(vendor.api.baseUrlFromToken ? { [vendor.api.baseUrlFromToken.field]: `https://team.${vendor.ownDomains[0]}` } : {}),
		});
		const before = JSON.stringify(stored);
		const seen = { calls: 0 };
		const error = await failureOf(() => refreshToken(hostileClient(c.answer, seen), vendor, client, stored, { redirectUri: REDIRECT }, NOW));
		expect(seen.calls).toBe(1);
		expectTyped(error, vendor, c);
		expect(JSON.stringify(stored)).toBe(before);
	});

	if (vendor.oauth2.refresh) {
		test('refresh: a numeric, object or blank refresh_token is never stored; the old one is kept', async () => {
			const stored: TokenSet = { access_token: 'stored-access', refresh_token: 'stored-refresh' };
			for (const bad of [12345, { value: 'x' }, '', '  ', 'a b', true]) {
				const seen = { calls: 0 };
				const answer = json(200, { access_token: 'new-access', refresh_token: bad });
				const merged = await refreshToken(hostileClient(answer, seen), vendor, client, stored, { redirectUri: REDIRECT }, NOW);
				expect(merged.access_token).toBe('new-access');
				expect(merged.refresh_token).toBe('stored-refresh');
			}
		});
	}
});

test('the corpus covers every cause a token answer can produce', () => {
	const causes = new Set(CASES.map((c) => c.cause));
	expect([...causes].sort()).toEqual(['error_response', 'invalid_response', 'missing_access_token', 'rate_limited', 'server_error', 'timeout', 'untrusted_host']);
});

describe('through a real transport (axios, as the adapters inject theirs)', () => {
	test('a silent token endpoint ends in a timeout error naming the vendor, at the request timeout the client set', async () => {
		const vendor = vendors.weekdone;
		const scope = nock('https://weekdone.com').post('/oauth_token').delay(2_000).reply(200, { access_token: 'late' });
		const started = Date.now();
		const error = await failureOf(() => exchangeCode(http, vendor, { ...client, timeoutMs: 150 }, { code: 'code-1', redirectUri: REDIRECT }, NOW));
		expect(Date.now() - started).toBeLessThan(1_500);
		expect(error.cause_).toBe('timeout');
		expect(error.message).toBe('Weekdone: the token endpoint did not answer in time; try again later');
		expect(scope.isDone()).toBe(true);
		nock.abortPendingRequests();
	});

	test('every token request carries the default timeout when the client sets none', async () => {
		const seen: Array<number | undefined> = [];
		const recording: HttpClient = async (request) => {
			seen.push(request.timeoutMs);
			return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"access_token":"a-1","refresh_token":"r-1"}' };
		};
		await exchangeCode(recording, vendors.wordapp, client, { code: 'c', redirectUri: REDIRECT }, NOW);
		await refreshToken(recording, vendors.wordapp, client, { access_token: 'a', refresh_token: 'r' }, {}, NOW);
		expect(seen).toEqual([DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS]);
	});
});

describe('loopback hosts only through the operator\'s trusted origins', () => {
	const answer = json(200, { access_token: 'a-1', refresh_token: 'r-1', account_url: 'http://127.0.0.1:4567/worksection/account' });

	test('refused without them, nothing returned to store', async () => {
		const error = await failureOf(() => exchangeCode(hostileClient(answer, { calls: 0 }), vendors.worksection, client, { code: 'c', redirectUri: REDIRECT }, NOW));
		expect(error.cause_).toBe('untrusted_host');
		expect(error.message).toContain('"http://127.0.0.1:4567/worksection/account" as the API host (account_url), and it is not HTTPS');
	});

	test('accepted with exactly that origin trusted, refused with another port', async () => {
		const token = await exchangeCode(hostileClient(answer, { calls: 0 }), vendors.worksection, { ...client, trustedOrigins: ['http://127.0.0.1:4567'] }, { code: 'c', redirectUri: REDIRECT }, NOW);
		expect(token.account_url).toBe('http://127.0.0.1:4567/worksection/account');
		const error = await failureOf(() =>
			exchangeCode(hostileClient(answer, { calls: 0 }), vendors.worksection, { ...client, trustedOrigins: ['http://127.0.0.1:4568'] }, { code: 'c', redirectUri: REDIRECT }, NOW),
		);
		expect(error.cause_).toBe('untrusted_host');
	});
});
