/**
 * Strict nock mocks of each vendor's OAuth endpoints and API token placement, written from the vendor
 * docs (./vendor-rules.ts) and never from shared/vendors/*, so a wrong definition fails against them.
 *
 * Use: create one mock per vendor inside a test (setup-nock cleans interceptors after each test), declare
 * what the code under test must send, run it, then call `done()`.
 *
 * Every request to any of the vendor's origins is answered by the mock. A request that breaks a documented
 * rule (URL, method, Content-Type, parameter names, grant spelling, client authentication, token placement,
 * mandatory headers) or that no expectation covers is answered with the vendor's error and recorded in
 * `rejections`. Such a rejection fails the test twice over: `done()` throws, and an afterEach hook installed
 * by this module fails any test that leaves a rejection unacknowledged. A test that provokes a rejection on
 * purpose asserts on it and then empties the array (`mock.rejections.splice(0)`).
 *
 * Default token replies issue `<vendor>-access-<n>` / `<vendor>-refresh-<n>`, n counting the mock's
 * default replies from 1 in the order the expectations were declared.
 */
import { isDeepStrictEqual } from 'util';

import nock from 'nock';

import { authQueryNames, checkApiToken } from './api-checks';
import { bodyFields, endpointKey, FORM, header, type Headers, json, mediaType, normalisePath, type NockReply, parseForm, siteOf } from './mock-http';
import { checkTokenRequest, MOCK_CLIENT } from './token-checks';
import { fixtureFor } from '../fixtures/per-vendor';
import { type Grant, type MockVendorId, VENDOR_RULES, type VendorRules } from './vendor-rules';

export { MOCK_CLIENT };
export type { MockVendorId };

export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	body: Record<string, string>;
	rawBody: string;
}

export interface StrictVendorMock {
	/** Origins in use (real vendor URLs by default). */
	urls: { authorize: string; token: string; refresh: string; revoke?: string; apiBase: string };
	expectCodeExchange(opts: {
		code: string;
		redirectUri: string;
		reply?: object | unknown[];
		status?: number;
		rawReply?: string;
		contentType?: string;
	}): StrictVendorMock;
	expectRefresh(opts: { refreshToken: string; redirectUri?: string; reply?: object; status?: number }): StrictVendorMock;
	expectClientCredentials(opts?: { reply?: object }): StrictVendorMock;
	expectPassword(opts: { username: string; password: string; reply?: object }): StrictVendorMock;
	expectRevoke(opts: { accessToken: string }): StrictVendorMock;
	/**
	 * An API call that must carry `token` exactly where the vendor wants it (and mandatory headers). Answers 401
	 * in the vendor's error shape when the token is wrong/missing. `query` must equal the call's query minus
	 * token parameters; `body` must deep-equal the parsed JSON or form body; `headers` are extra request headers
	 * the call must carry (exact values); `times` defaults to 1.
	 */
	expectApiCall(opts: {
		method: string;
		path: string;
		token: string;
		query?: Record<string, string>;
		body?: object;
		reply?: unknown;
		status?: number;
		headers?: Record<string, string>;
		times?: number;
	}): StrictVendorMock;
	/** Every request the mock saw, in order (for assertions), and whether any was rejected. */
	requests: RecordedRequest[];
	rejections: string[];
	/** Asserts all interceptors were used and nothing was rejected. */
	done(): void;
}

interface GrantExpectation {
	kind: 'grant';
	grant: Grant;
	label: string;
	/** Undefined when the request's values are the expected ones; otherwise which one differs. */
	mismatch: (fields: Record<string, string>) => string | undefined;
	reply: NockReply;
}

interface RevokeExpectation {
	kind: 'revoke';
	label: string;
	accessToken: string;
}

interface ApiExpectation {
	kind: 'api';
	label: string;
	method: string;
	path: string;
	token: string;
	query: Record<string, string>;
	body?: object;
	headers: Record<string, string>;
	left: number;
	reply: NockReply;
}

type Expectation = GrantExpectation | RevokeExpectation | ApiExpectation;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Mocks created in the running test; the afterEach hook below checks and forgets them. */
const live = new Set<VendorMock>();

function rawReply(status: number, body: string, contentType?: string): NockReply {
	const type = contentType ?? (body.trim().startsWith('<') ? 'text/html' : 'text/plain');
	return [status, body, { 'Content-Type': type }];
}

/** The vendor's name for the redirect field (Worktual: redirect_url, compared case-folded). */
function redirectFieldOf(required: string[]): string {
	return required.find((f) => f.startsWith('redirect')) ?? 'redirect_uri';
}

class VendorMock implements StrictVendorMock {
	readonly urls: StrictVendorMock['urls'];
	readonly requests: RecordedRequest[] = [];
	readonly rejections: string[] = [];
	private readonly rules: VendorRules;
	private readonly accountUrl: string;
	private readonly pending: Expectation[] = [];
	private readonly spentRefreshTokens = new Set<string>();
	private issued = 0;

	constructor(private readonly vendor: MockVendorId, overrides: { apiBase?: string; accountUrl?: string } = {}) {
		this.rules = fixtureFor(VENDOR_RULES, 'VENDOR_RULES in test/mocks/vendor-rules.ts', vendor);
		this.accountUrl = overrides.accountUrl ?? this.rules.defaultAccountUrl ?? '';
		const urls = this.rules.urls(this.accountUrl);
		this.urls = { ...urls, apiBase: (overrides.apiBase ?? urls.apiBase).replace(/\/+$/, '') };
		if (urls.revoke === undefined) delete this.urls.revoke;
		this.install();
		live.add(this);
	}

	expectCodeExchange(opts: Parameters<StrictVendorMock['expectCodeExchange']>[0]): this {
		const rule = this.grantRule('authorization_code');
		const reply =
			opts.rawReply !== undefined
				? rawReply(opts.status ?? 200, opts.rawReply, opts.contentType)
				: this.jsonReply(opts.status, opts.reply ?? this.defaultReply('authorization_code'), opts.contentType);
		const redirectField = redirectFieldOf(rule.required);
		return this.push({
			kind: 'grant',
			grant: 'authorization_code',
			label: 'code exchange',
			mismatch: (f) =>
				f.code !== opts.code ? 'the code is not the expected one' : f[redirectField] !== opts.redirectUri ? 'the redirect URL is not the expected one' : undefined,
			reply,
		});
	}

	expectRefresh(opts: Parameters<StrictVendorMock['expectRefresh']>[0]): this {
		const rule = this.grantRule('refresh_token');
		const redirectField = redirectFieldOf(rule.required);
		return this.push({
			kind: 'grant',
			grant: 'refresh_token',
			label: 'refresh',
			mismatch: (f) => {
				if (f.refresh_token !== opts.refreshToken) return 'the refresh token is not the expected one';
				if (opts.redirectUri !== undefined && f[redirectField] !== opts.redirectUri) return 'the redirect URL is not the expected one';
				return undefined;
			},
			reply: this.jsonReply(opts.status, opts.reply ?? this.defaultReply('refresh_token')),
		});
	}

	expectClientCredentials(opts: { reply?: object } = {}): this {
		this.grantRule('client_credentials');
		return this.push({
			kind: 'grant',
			grant: 'client_credentials',
			label: 'client credentials grant',
			mismatch: () => undefined, // the client itself was checked against MOCK_CLIENT
			reply: this.jsonReply(undefined, opts.reply ?? this.defaultReply('client_credentials')),
		});
	}

	expectPassword(opts: { username: string; password: string; reply?: object }): this {
		this.grantRule('password');
		return this.push({
			kind: 'grant',
			grant: 'password',
			label: 'password grant',
			mismatch: (f) => (f.username !== opts.username || f.password !== opts.password ? 'wrong username or password' : undefined),
			reply: this.jsonReply(undefined, opts.reply ?? this.defaultReply('password')),
		});
	}

	expectRevoke(opts: { accessToken: string }): this {
		if (!this.rules.revoke || !this.urls.revoke) throw new Error(`${this.rules.name} documents no token revocation`);
		return this.push({ kind: 'revoke', label: 'revoke', accessToken: opts.accessToken });
	}

	expectApiCall(opts: Parameters<StrictVendorMock['expectApiCall']>[0]): this {
		const method = opts.method.toUpperCase();
		return this.push({
			kind: 'api',
			label: `API ${method} ${opts.path}${opts.query ? `?${new URLSearchParams(opts.query)}` : ''}`,
			method,
			path: normalisePath(opts.path),
			token: opts.token,
			query: opts.query ?? {},
			body: opts.body,
			headers: opts.headers ?? {},
			left: opts.times ?? 1,
			reply: [opts.status ?? 200, typeof opts.reply === 'string' ? opts.reply : JSON.stringify(opts.reply ?? {}), { 'Content-Type': 'application/json' }],
		});
	}

	done(): void {
		live.delete(this);
		const problems = [...this.rejections.map((r) => `rejected: ${r}`), ...this.pending.map((e) => `never called: ${e.label}`)];
		if (problems.length > 0) throw new Error(`${this.rules.name} mock:\n  - ${problems.join('\n  - ')}`);
	}

	/** Called for unmocked requests to a host of this vendor's site (a wrong host, e.g. a guessed token URL). */
	noteUnmocked(hostname: string, description: string): void {
		const sites = Object.values(this.urls).map((u) => siteOf(new URL(u as string).hostname));
		if (sites.includes(siteOf(hostname))) this.rejections.push(`${this.rules.name}: request to an unmocked host: ${description}`);
	}

	private grantRule(grant: Grant) {
		const rule = this.rules.grants[grant];
		if (!rule) throw new Error(`${this.rules.name} documents no ${grant} grant; nothing to expect`);
		return rule;
	}

	private push(expectation: Expectation): this {
		this.pending.push(expectation);
		return this;
	}

	private defaultReply(grant: Grant): object | unknown[] {
		this.issued += 1;
		const build = this.rules.replies[grant];
		if (!build) throw new Error(`${this.rules.name}: no default reply for ${grant}`);
		const n = this.issued;
		return build({ access: `${this.vendor}-access-${n}`, refresh: `${this.vendor}-refresh-${n}`, accountUrl: this.accountUrl });
	}

	private jsonReply(status: number | undefined, body: unknown, contentType = 'application/json'): NockReply {
		return [status ?? 200, JSON.stringify(body), { 'Content-Type': contentType }];
	}

	/** One catch-all interceptor per origin and method: nothing sent to the vendor escapes the rules. */
	private install(): void {
		const origins = new Set(Object.values(this.urls).map((u) => new URL(u as string).origin));
		const self = this;
		for (const origin of origins) {
			const scope = nock(origin).persist();
			for (const method of METHODS) {
				// optionally(): an unused catch-all must not show up in nock.pendingMocks()
				scope
					.intercept(() => true, method)
					.optionally()
					.reply(function (uri, body) {
						const raw = typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body);
						return self.handle(method, origin + uri, this.req.headers, raw);
					});
			}
		}
	}

	private handle(method: string, url: string, headers: Headers, raw: string): NockReply {
		this.requests.push({ method, url, headers: { ...headers }, body: bodyFields(raw, headers), rawBody: raw });
		const parsed = new URL(url);
		const key = endpointKey(parsed);
		if (key === endpointKey(this.urls.token) || key === endpointKey(this.urls.refresh)) return this.handleToken(parsed, method, headers, raw);
		if (this.urls.revoke && key === endpointKey(this.urls.revoke)) return this.handleRevoke(method, headers, raw);
		const base = endpointKey(this.urls.apiBase);
		if (key === base || key.startsWith(`${base}/`)) return this.handleApi(method, parsed, key.slice(base.length), headers, raw);
		if (key === endpointKey(this.urls.authorize)) {
			return this.reject(400, { error: 'invalid_request', error_description: 'browser endpoint' }, `${method} ${key}: the authorize URL is for the user's browser, not a server request`);
		}
		return this.reject(404, { error: 'not_found', error_description: 'no such endpoint' }, `${method} ${key}: no such ${this.rules.name} endpoint`);
	}

	private handleToken(url: URL, method: string, headers: Headers, raw: string): NockReply {
		const check = checkTokenRequest(this.rules, this.urls, url, method, headers, raw);
		if (!check.ok) return this.oauthReject(check.status, check.error, check.reason);
		const index = this.pending.findIndex((e) => e.kind === 'grant' && e.grant === check.grant);
		if (index < 0) return this.oauthReject(400, 'invalid_grant', `unexpected ${check.grant} request (none, or no more, declared)`);
		const expectation = this.pending[index] as GrantExpectation;
		const refreshToken = check.fields.refresh_token;
		if (check.grant === 'refresh_token' && this.spentRefreshTokens.has(refreshToken)) {
			return this.oauthReject(400, 'invalid_grant', `the refresh token was already used; ${this.rules.name} rotates refresh tokens`);
		}
		const mismatch = expectation.mismatch(check.fields);
		if (mismatch) return this.oauthReject(400, 'invalid_grant', `${expectation.label}: ${mismatch}`);
		this.pending.splice(index, 1);
		if (check.grant === 'refresh_token' && this.rules.rotatesRefreshToken) this.spentRefreshTokens.add(refreshToken);
		return expectation.reply;
	}

	private handleRevoke(method: string, headers: Headers, raw: string): NockReply {
		if (method !== 'POST') return this.oauthReject(405, 'invalid_request', `revoke takes POST, got ${method}`);
		if (mediaType(headers) !== FORM) return this.oauthReject(400, 'invalid_request', `revoke Content-Type must be ${FORM}`);
		const index = this.pending.findIndex((e) => e.kind === 'revoke');
		if (index < 0) return this.oauthReject(400, 'invalid_request', 'unexpected revoke request');
		const expectation = this.pending[index] as RevokeExpectation;
		const field = this.rules.revoke?.tokenField ?? 'token';
		// doc: an Authorization header "in addition to" the token post parameter
		if (header(headers, 'authorization') !== `Bearer ${expectation.accessToken}`) {
			return this.reject(401, { error: 'invalid_token', error_description: 'The access token is invalid' }, 'revoke must carry the access token as Authorization: Bearer <token>');
		}
		if (parseForm(raw, false)[field] !== expectation.accessToken) {
			return this.oauthReject(400, 'invalid_request', `revoke must carry the access token in the "${field}" form field`);
		}
		this.pending.splice(index, 1);
		return json(200, {});
	}

	private handleApi(method: string, url: URL, path: string, headers: Headers, raw: string): NockReply {
		const query = Object.fromEntries(url.searchParams);
		// Token-carrying names never count as the call's query, so a token in the wrong one is a 401, not a 404.
		const authNames = [...authQueryNames(this.rules), 'token', 'access_token'];
		const ownQuery = Object.fromEntries(Object.entries(query).filter(([k]) => !authNames.includes(k)));
		const call = `${method} /${normalisePath(path)}`;
		const expectation = this.pending.find(
			(e): e is ApiExpectation =>
				e.kind === 'api' && e.left > 0 && e.method === method && e.path === normalisePath(path) && isDeepStrictEqual(e.query, ownQuery),
		);
		if (!expectation) {
			const keys = Object.keys(ownQuery).join(', ') || 'none';
			return this.reject(404, { ...this.rules.api.unauthorized, message: 'Not found' }, `unexpected API call ${call} (query keys: ${keys})`);
		}
		const tokenProblem = checkApiToken(this.rules, headers, query, expectation.token);
		if (tokenProblem) return this.reject(401, this.rules.api.unauthorized, `${call}: ${tokenProblem}`);
		const mandatoryHeaders = this.rules.api.headers ?? {};
		for (const [name, value] of Object.entries({ ...mandatoryHeaders, ...expectation.headers })) {
			if (header(headers, name) !== value) {
				const mandatory = Object.keys(mandatoryHeaders).some((k) => k.toLowerCase() === name.toLowerCase());
				const status = mandatory ? 406 : 400;
				return this.reject(status, { error: 'invalid_request', message: `${name} header missing or wrong` }, `${call}: header ${name} must be "${value}"`);
			}
		}
		if (expectation.body !== undefined && !isDeepStrictEqual(this.parseApiBody(raw, headers), expectation.body)) {
			return this.reject(400, { error: 'invalid_request', message: 'unexpected body' }, `${call}: the body differs from the expected one`);
		}
		expectation.left -= 1;
		if (expectation.left === 0) this.pending.splice(this.pending.indexOf(expectation), 1);
		return expectation.reply;
	}

	private parseApiBody(raw: string, headers: Headers): unknown {
		if (mediaType(headers) === FORM) return parseForm(raw, false);
		try {
			return JSON.parse(raw);
		} catch {
			return raw;
		}
	}

	private oauthReject(status: number, error: string, reason: string): NockReply {
		return this.reject(status, { error, error_description: reason }, reason);
	}

	private reject(status: number, body: object, reason: string): NockReply {
		this.rejections.push(`${this.rules.name}: ${reason}`);
		return json(status, body);
	}
}

export function strictVendorMock(vendor: MockVendorId, overrides?: { apiBase?: string; accountUrl?: string }): StrictVendorMock {
	return new VendorMock(vendor, overrides);
}

// A request to a host nobody mocks (a wrong token host) never reaches an interceptor: record it on the vendor's mock.
nock.emitter.on('no match', (req: { hostname?: string; method?: string; href?: string; path?: string }) => {
	if (!req || typeof req.hostname !== 'string') return;
	const description = `${req.method ?? '?'} ${(req.href ?? `${req.hostname}${req.path ?? ''}`).split('?')[0]}`;
	for (const mock of live) mock.noteUnmocked(req.hostname, description);
});

// A rejected request must fail its test even when the test forgot done() or swallowed the error.
if (typeof afterEach === 'function') {
	afterEach(() => {
		const unacknowledged = [...live].flatMap((mock) => mock.rejections);
		live.clear();
		if (unacknowledged.length > 0) {
			throw new Error(`strict vendor mock rejected requests:\n  - ${unacknowledged.join('\n  - ')}`);
		}
	});
}
