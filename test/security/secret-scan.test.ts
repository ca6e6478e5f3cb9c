/**
 * Secret scan. DISTINCT secret values are planted into every credential type of the package (client secret,
 * access and refresh tokens, password, API key; the Worksection admin signature and the authorization code
 * are added as they are produced). Then everything that can go wrong is made to go wrong, with vendors that
 * echo back every secret and the whole request they received (URL with Weekdone's ?token= and the admin
 * hash, Authorization header, form body):
 * - n8n side, through the real nodes in n8n-core contexts: error bodies (4xx, 5xx, 401 with a refused
 *   refresh, 429, 200 envelopes, HTML, cut-short JSON), connection resets naming the URL, timeouts, refused
 *   custom-call targets and Worksection hosts carrying a token; thrown and as Continue On Fail items; the
 *   polling trigger and a dropdown too;
 * - shared lifecycle (shared/oauth): code exchange, refresh, client credentials, password grant and revoke
 *   against echoing token endpoints, transport failures and timeouts.
 * Every error (message, description, fields, cause chain, stack), every output item and every log line
 * (n8n's Logger, LoggerProxy, console) is scanned for every planted value. Expected: found 0 times.
 */
import { restoreLogLevel } from './log-level';

import nock from 'nock';
import { NodeOperationError } from 'n8n-workflow';

import { N8N_REQUEST_TIMEOUT_MS } from '../../credentials/common';
import { WeekdoneTrigger } from '../../nodes/WeekdoneTrigger/WeekdoneTrigger.node';
import { WorksectionTrigger } from '../../nodes/WorksectionTrigger/WorksectionTrigger.node';
import { clientCredentialsToken, exchangeCode, passwordToken, refreshToken, revokeToken } from '../../shared/oauth/lifecycle';
import type { HttpClient, HttpRequest, HttpResponse } from '../../shared/oauth/http';
import { vendorList } from '../../shared/vendors';
import type { VendorDefinition } from '../../shared/types';
import { NodeRunner } from '../n8n/nodes/node-runner';
import { watchTimeouts } from './axios-clock';
import { allConnections, type Connection } from './connections';
import { captureLogs, errorText, type LogCapture } from './logs';

/** Planted values (per test run) and what was scanned. */
const planted = new Set<string>();
const scanned: Record<string, number> = { errors: 0, items: 0, logLines: 0, lifecycleErrors: 0 };
const leaks: string[] = [];

function plant(values: Iterable<string>): void {
	for (const value of values) planted.add(value);
}

function scan(kind: keyof typeof scanned, label: string, text: string): void {
	scanned[kind]++;
	for (const value of planted) {
		// Raw, URL-encoded and base64 (a Basic header) spellings of the value.
		for (const spelling of new Set([value, encodeURIComponent(value), Buffer.from(value).toString('base64').replace(/=+$/, '')])) {
			if (text.includes(spelling)) leaks.push(`${label}: ${value}`);
		}
	}
}

let logs: LogCapture;
beforeAll(() => {
	logs = captureLogs();
});
afterAll(() => {
	logs.stop();
	restoreLogLevel();
	for (const line of logs.lines) scan('logLines', 'log', line);
	const total = Object.values(scanned).reduce((a, b) => a + b, 0);
	// eslint-disable-next-line no-console
	console.log(
		`secret scan: ${planted.size} distinct planted values, ${total} outputs scanned (${scanned.errors} node errors, ${scanned.items} Continue On Fail items, ` +
			`${scanned.lifecycleErrors} lifecycle errors, ${scanned.logLines} log lines): ${leaks.length} found`,
	);
	expect(leaks).toEqual([]);
	// The log scan is not vacuous: n8n logged the refreshes (and whatever else it logs on these paths).
	expect(scanned.logLines).toBeGreaterThan(0);
});

// ---- n8n side ----------------------------------------------------------------------------------------

/** The text a vendor that echoes everything would send back for this request. */
function echo(connection: Connection, uri: string, headers: Record<string, unknown>, body: unknown): string {
	const values = Object.values(connection.secrets);
	return [
		`you sent ${uri}`,
		`authorization: ${String(headers.authorization ?? '')}`,
		`body ${typeof body === 'string' ? body : JSON.stringify(body ?? '')}`,
		...values,
		...values.map(encodeURIComponent),
		...values.map((v) => `token=${v}`),
	].join(' | ');
}

type Answer = (text: string) => [number, string, Record<string, string>];
const asJson = (status: number, make: (text: string) => unknown): Answer => (text) => [status, JSON.stringify(make(text)), { 'Content-Type': 'application/json' }];

const ECHO_ANSWERS: Array<[string, Answer]> = [
	['400 JSON', asJson(400, (t) => ({ message: t, error: t, error_description: t }))],
	['403 error array', asJson(403, (t) => [{ error: t }])],
	['404 nested', asJson(404, (t) => ({ error: { message: t } }))],
	['429', asJson(429, (t) => ({ message: t }))],
	['500 text', (t) => [500, t, { 'Content-Type': 'text/plain' }]],
	['502 HTML', (t) => [502, `<html><body>${t}</body></html>`, { 'Content-Type': 'text/html' }]],
	['200 status:error', asJson(200, (t) => ({ status: 'error', message: t }))],
	['200 success:false', asJson(200, (t) => ({ success: false, message: t }))],
	['200 HTML', (t) => [200, `<!doctype html><html>${t}</html>`, { 'Content-Type': 'text/html' }]],
	['200 cut short', (t) => [200, `{"message":${JSON.stringify(t)},"data":[`, { 'Content-Type': 'application/json' }]],
];

/** Answers every request to the connection's API origin (and token endpoints) with the echo. */
function echoingVendor(connection: Connection, apiAnswer: Answer, tokenAnswer?: Answer): void {
	const origins = new Set([new URL(connection.apiBase).origin]);
	const tokenOrigins = new Set<string>();
	if (tokenAnswer) {
		for (const url of [connection.vendor.oauth2.token.url.url, connection.vendor.oauth2.refresh?.url?.url, connection.vendor.oauth2.revoke?.url.url]) {
			if (url) tokenOrigins.add(new URL(url).origin);
		}
	}
	for (const origin of new Set([...origins, ...tokenOrigins])) {
		for (const method of ['GET', 'POST']) {
			nock(origin)
				.persist()
				.intercept(() => true, method)
				.reply(function (uri, body) {
					const text = echo(connection, `${origin}${uri}`, this.req.headers, body);
					captureHash(uri);
					const isTokenCall = method === 'POST' && tokenOrigins.has(origin) && /oauth|token|refresh/.test(uri);
					return (isTokenCall && tokenAnswer ? tokenAnswer : apiAnswer)(text);
				});
		}
	}
}

/** The Worksection admin signature of each request is a secret too (it signs that exact query). */
function captureHash(uri: string): void {
	const hash = /[?&]hash=([0-9a-f]{32})/.exec(uri)?.[1];
	if (hash) plant([hash]);
}

async function runBoth(connection: Connection, label: string, params: Record<string, unknown>): Promise<void> {
	const runner = new NodeRunner(connection.node()).useCredential(connection.type, connection.data);
	const thrown = await runner.execute(params as never).then(
		(items) => ({ items, error: undefined as unknown }),
		(error: unknown) => ({ items: undefined, error }),
	);
	if (thrown.error !== undefined) scan('errors', `${label} (thrown)`, errorText(thrown.error));
	if (thrown.items) scan('items', `${label} (output)`, JSON.stringify(thrown.items));
	// A fresh copy of the connection: both runs start from the planted state (a refresh may have rotated it).
	const again = new NodeRunner(connection.node()).useCredential(connection.type, connection.data);
	const items = await again.execute(params as never, { continueOnFail: true }).catch((error: unknown) => {
		scan('errors', `${label} (continueOnFail, thrown)`, errorText(error));
		return [];
	});
	scan('items', `${label} (continueOnFail)`, JSON.stringify(items));
	// Whatever the vendor sent, nothing it said was stored as the connection.
	scan('items', `${label} (persisted)`, JSON.stringify(runner.credentials.persisted.filter((p) => p.kind === 'update' && !isOwn(connection, p.data))));
}

/** A persisted update of the password credential holds its own (new) tokens: not a leak. */
function isOwn(connection: Connection, data: unknown): boolean {
	return connection.type === 'wordappPasswordApi' && typeof data === 'object' && data !== null;
}

const CUSTOM = { resource: 'customApiCall', operation: 'request', method: 'GET', path: '/probe' };
const connections = allConnections('scan');
plant(connections.flatMap((c) => Object.values(c.secrets)));

describe.each(connections.map((c) => [c.type, c] as const))('n8n: %s', (_type, connection) => {
	test.each(ECHO_ANSWERS)('vendor echoes everything: %s', async (label, answer) => {
		echoingVendor(connection, answer);
		await runBoth(connection, `${connection.type} ${label}`, CUSTOM);
	});

	test('401, then the token endpoint echoes everything while refusing', async () => {
		echoingVendor(connection, asJson(401, (t) => ({ message: t })), asJson(400, (t) => ({ error: 'invalid_grant', error_description: t })));
		await runBoth(connection, `${connection.type} 401 + invalid_grant`, CUSTOM);
		nock.cleanAll();
		echoingVendor(connection, asJson(401, (t) => ({ message: t })), asJson(401, (t) => ({ error: 'invalid_client', error_description: t, message: t })));
		await runBoth(connection, `${connection.type} 401 + invalid_client`, CUSTOM);
	});

	test('401, a refresh that succeeds with new (planted) tokens, then the retry fails with an echo', async () => {
		const renewed = { access_token: `scan-renewed-at-${connection.type}-${Math.random().toString(36).slice(2, 8)}`, refresh_token: `scan-renewed-rt-${connection.type}-${Math.random().toString(36).slice(2, 8)}` };
		plant(Object.values(renewed));
		// Each run: a 401, then (after the refresh, if the credential refreshes) a 500 echoing the renewed token.
		let issued = false;
		echoingVendor(
			connection,
			(t) => {
				if (!issued) return [401, JSON.stringify({ message: 'expired' }), { 'Content-Type': 'application/json' }];
				issued = false;
				return [500, `${t} | ${renewed.access_token} | ${renewed.refresh_token}`, { 'Content-Type': 'text/plain' }];
			},
			() => {
				issued = true;
				return [200, JSON.stringify({ ...renewed, token_type: 'Bearer', expires_in: 3600 }), { 'Content-Type': 'application/json' }];
			},
		);
		await runBoth(connection, `${connection.type} refreshed then 500`, CUSTOM);
	});

	test('a connection reset whose message quotes the URL (with ?token=) and the Authorization header', async () => {
		const token = connection.secrets.accessToken ?? connection.secrets.apiKey;
		const message = `request to ${connection.apiBase}/probe?token=${token} failed, reason: socket hang up (Authorization: Bearer ${token})`;
		for (const method of ['GET', 'POST']) {
			nock(new URL(connection.apiBase).origin)
				.persist()
				.intercept(() => true, method)
				.replyWithError(Object.assign(new Error(message), { code: 'ECONNRESET' }));
		}
		await runBoth(connection, `${connection.type} reset`, CUSTOM);
	});

	test('a timeout (real, on a compressed clock)', async () => {
		const clock = watchTimeouts({ from: N8N_REQUEST_TIMEOUT_MS, to: 200 });
		try {
			for (const method of ['GET', 'POST']) {
				nock(new URL(connection.apiBase).origin)
					.persist()
					.intercept(() => true, method)
					.delay(5_000)
					.reply(200, '{}');
			}
			await runBoth(connection, `${connection.type} timeout`, CUSTOM);
		} finally {
			clock.stop();
			nock.abortPendingRequests();
		}
	});

	test('a refused custom-call target that carries a secret', async () => {
		const value = connection.secrets.accessToken ?? connection.secrets.apiKey;
		for (const path of [`https://evil.example/?k=${value}`, `//evil.example/${encodeURIComponent(value)}`, `\\\\evil.example\\${value}`]) {
			await runBoth(connection, `${connection.type} refused ${path.slice(0, 20)}`, { ...CUSTOM, path });
		}
	});
});

describe('n8n: other surfaces', () => {
	const worksection = connections.find((c) => c.type === 'worksectionOAuth2Api') as Connection;
	const weekdone = connections.find((c) => c.type === 'weekdoneOAuth2Api') as Connection;

	test('Worksection: a stored account_url that carries the token is refused without echoing it', async () => {
		const data = { ...worksection.data, oauthTokenData: { ...(worksection.data.oauthTokenData as object), account_url: `https://evil.example/${worksection.secrets.accessToken}` } };
		const runner = new NodeRunner(worksection.node()).useCredential(worksection.type, data as never);
		const error = await runner.execute(CUSTOM as never).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		scan('errors', 'worksection hostile account_url', errorText(error));
		const items = await runner.execute(CUSTOM as never, { continueOnFail: true });
		scan('items', 'worksection hostile account_url (continueOnFail)', JSON.stringify(items));
	});

	test.each([
		['Weekdone polling trigger', weekdone, () => new WeekdoneTrigger(), { event: 'newItem' }],
		['Worksection polling trigger', worksection, () => new WorksectionTrigger(), { event: 'newEvent', kinds: ['post_task'] }],
	] as const)('%s: an echoing 500', async (label, connection, make, params) => {
		echoingVendor(connection, ECHO_ANSWERS[4][1]);
		const runner = new NodeRunner(make()).useCredential(connection.type, connection.data);
		const error = await runner.poll(params as never, 'manual').catch((e: unknown) => e);
		scan('errors', label, errorText(error));
	});

	test('Worksection dropdown (loadOptions): an echoing 400', async () => {
		echoingVendor(worksection, ECHO_ANSWERS[0][1]);
		const runner = new NodeRunner(worksection.node()).useCredential(worksection.type, worksection.data);
		const error = await runner.loadOptions('projects', {}).catch((e: unknown) => e);
		scan('errors', 'worksection dropdown', errorText(error));
	});
});

// ---- shared lifecycle ----------------------------------------------------------------------------------

interface LifecyclePlant {
	clientSecret: string;
	code: string;
	accessToken: string;
	refreshToken: string;
	password: string;
}

function lifecyclePlant(vendor: VendorDefinition): LifecyclePlant {
	const s = (role: string) => `lc-${vendor.id}-${role}-${Math.random().toString(36).slice(2, 10)}`;
	const values = { clientSecret: s('clientSecret'), code: s('code'), accessToken: s('accessToken'), refreshToken: s('refreshToken'), password: s('password') };
	plant(Object.values(values));
	return values;
}

/**
 * What an echoing token endpoint sends back: everything it received (URL, headers, form body), raw and
 * decoded. A vendor can only echo what it was sent or what it issues itself (the cases that return tokens).
 */
function echoRequest(request: HttpRequest, _values?: LifecyclePlant): string {
	const received = Object.fromEntries(new URLSearchParams(request.body ?? ''));
	return [`${request.method} ${request.url}`, JSON.stringify(request.headers), request.body ?? '', JSON.stringify(received), ...Object.values(received)].join(' | ');
}

/** A value the request carried, used as an OAuth error code (a vendor that puts the grant in `error`). */
function sentValue(request: HttpRequest): string {
	const received = Object.fromEntries(new URLSearchParams(request.body ?? ''));
	return received.code ?? received.refresh_token ?? received.password ?? received.client_secret ?? received.token ?? 'nothing-sent';
}

type LifecycleAnswer = (request: HttpRequest, values: LifecyclePlant) => HttpResponse | Promise<never>;
const json200 = (body: unknown): HttpResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const LIFECYCLE_ANSWERS: Array<[string, LifecycleAnswer]> = [
	['400 error + description', (r, v) => ({ status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: echoRequest(r, v), error_description: echoRequest(r, v) }) })],
	['400 error code echoing', (r, v) => ({ status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: sentValue(r), message: echoRequest(r, v) }) })],
	['401 text', (r, v) => ({ status: 401, headers: { 'content-type': 'text/plain' }, body: echoRequest(r, v) })],
	['500 HTML', (r, v) => ({ status: 500, headers: { 'content-type': 'text/html' }, body: `<html>${echoRequest(r, v)}</html>` })],
	['429 Retry-After', (r, v) => ({ status: 429, headers: { 'content-type': 'application/json', 'retry-after': '30' }, body: JSON.stringify({ message: echoRequest(r, v) }) })],
	['200 HTML', (r, v) => ({ status: 200, headers: { 'content-type': 'text/html' }, body: `<html>${echoRequest(r, v)}</html>` })],
	['200 error field', (r, v) => json200({ error: echoRequest(r, v), access_token: v.accessToken })],
	['200 error field naming the tokens it issues', (_r, v) => json200({ error: `issued ${v.accessToken} and ${v.refreshToken}`, access_token: v.accessToken, refresh_token: v.refreshToken })],
	['200 error array', (r, v) => json200([{ error: 'invalid_grant', error_description: echoRequest(r, v) }])],
	['200 bad token types', (r, v) => json200({ access_token: { value: v.accessToken }, refresh_token: 42, expires_in: 'soon', note: echoRequest(r, v) })],
	['200 token with CRLF', (_r, v) => json200({ access_token: `${v.accessToken}\r\nX-Evil: 1`, refresh_token: v.refreshToken })],
	['200 foreign account_url', (_r, v) => json200({ access_token: v.accessToken, refresh_token: v.refreshToken, account_url: `https://evil.example/${v.accessToken}` })],
	['transport failure quoting the request', (r, v) => Promise.reject(Object.assign(new Error(`request to ${r.url} failed: ${echoRequest(r, v)}`), { code: 'ECONNRESET' }))],
	['timeout', (r, v) => Promise.reject(Object.assign(new Error(`timeout of 15000ms exceeded ${echoRequest(r, v)}`), { code: 'ECONNABORTED' }))],
];

describe.each(vendorList.map((v) => [v.displayName, v] as const))('lifecycle: %s', (_name, vendor) => {
	test.each(LIFECYCLE_ANSWERS)('%s', async (_label, answer) => {
		const values = lifecyclePlant(vendor);
		const http: HttpClient = async (request) => await answer(request, values);
		const client = { clientId: 'client-id-public', clientSecret: values.clientSecret };
		const stored = { access_token: values.accessToken, refresh_token: values.refreshToken };
		const steps: Array<[string, () => Promise<unknown>]> = [
			['exchange', () => exchangeCode(http, vendor, client, { code: values.code, redirectUri: 'https://n8n.example/rest/oauth2-credential/callback' })],
			['refresh', () => refreshToken(http, vendor, client, stored, { redirectUri: 'https://n8n.example/rest/oauth2-credential/callback' })],
			['client credentials', () => clientCredentialsToken(http, vendor, client, { clientAuth: vendor.oauth2.token.clientAuth })],
			['password', () => passwordToken(http, vendor, client, { username: 'ann@example.com', password: values.password, clientAuth: vendor.oauth2.token.clientAuth })],
			['revoke', () => revokeToken(http, vendor, { ...client, revokeUrl: vendor.oauth2.revoke?.url.url ?? 'https://app.wordapp.com/oauth/revoke' }, { accessToken: values.accessToken })],
		];
		for (const [step, run] of steps) {
			const outcome = await run().then(
				() => undefined,
				(error: unknown) => error,
			);
			if (outcome !== undefined) scan('lifecycleErrors', `${vendor.id} ${step} ${_label}`, errorText(outcome));
		}
	});
});
