/**
 * A hostile corpus per vendor, through the real node in n8n-core's ExecuteContext (Custom API Call, so the
 * transport itself is under test): HTML, cut-short, empty and bare-scalar answers, 200-with-error envelopes,
 * error arrays, wrong content types, 401/403/404/409/429 (Retry-After in seconds and as an HTTP date),
 * 500/502/503, a timeout, a reset and a refused connection. Each ends in a typed n8n error whose message names
 * the vendor and the cause, carries none of the connection's secrets, and leaves the stored credential exactly
 * as it was (a failed refresh after a 401 included). With Continue On Fail the same error becomes an item.
 */
import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';

import { N8N_REQUEST_TIMEOUT_MS } from '../../../credentials/common';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../../shared/oauth/http';
import { allConnections, type Connection } from '../../security/connections';
import { NodeRunner } from './node-runner';
import { watchTimeouts, type AxiosClock } from '../../security/axios-clock';

type Reply =
	| { kind: 'answer'; status: number; body: string; headers?: Record<string, string> | (() => Record<string, string>) }
	| { kind: 'error'; code: string; message: string }
	| { kind: 'delay'; ms: number };

interface HostileCase {
	title: string;
	reply: Reply;
	/** What the error message must say (besides starting with the vendor's name). */
	cause: RegExp;
	status?: number;
	/** The token endpoints answer the same (a 401 makes n8n try a refresh). */
	tokenEndpointsToo?: boolean;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
	kind: 'answer',
	status,
	body: JSON.stringify(value),
	headers: { 'Content-Type': 'application/json', ...headers },
});
const raw = (status: number, body: string, contentType: string, headers: Record<string, string> = {}): Reply => ({ kind: 'answer', status, body, headers: { 'Content-Type': contentType, ...headers } });
const HTML = '<!DOCTYPE html><html><head><title>Login</title></head><body>Please sign in</body></html>';

function corpus(): HostileCase[] {
	// Built when the vendor answers, so a slow run does not shrink the wait.
	const inTwoMinutes = () => ({ 'Content-Type': 'application/json', 'Retry-After': new Date(Date.now() + 120_000).toUTCString() });
	return [
		{ title: '200 HTML page', reply: raw(200, HTML, 'text/html'), cause: /answered with an HTML page instead of JSON/, status: 200 },
		{ title: '200 HTML labelled as JSON', reply: raw(200, HTML, 'application/json'), cause: /answered with an HTML page instead of JSON/, status: 200 },
		{ title: '200 JSON cut short', reply: raw(200, '{"data":[{"id":1},{"id"', 'application/json'), cause: /answered with text that is not JSON/, status: 200 },
		{ title: '200 empty body', reply: raw(200, '', 'application/json'), cause: /answered with an empty body/, status: 200 },
		{ title: '200 plain text', reply: raw(200, 'OK', 'text/plain'), cause: /answered with text that is not JSON/, status: 200 },
		{ title: '200 bare number', reply: raw(200, '42', 'application/json'), cause: /answered with a bare JSON number/, status: 200 },
		{ title: '200 bare boolean', reply: raw(200, 'true', 'application/json'), cause: /answered with a bare JSON boolean/, status: 200 },
		{ title: '200 {status:"error"} envelope', reply: json(200, { status: 'error', message: 'Action is not allowed' }), cause: /Action is not allowed/, status: 200 },
		{ title: '200 {success:false} envelope', reply: json(200, { success: false, message: 'Workspace is archived' }), cause: /Workspace is archived/, status: 200 },
		{ title: '400 error array', reply: json(400, [{ error: 'invalid_request' }]), cause: /HTTP 400/, status: 400 },
		{ title: '400 error with wrong types', reply: json(400, { error: 12, message: { text: ['x'] } }), cause: /HTTP 400/, status: 400 },
		{ title: '401 with a refused refresh', reply: json(401, { error: 'invalid_token', message: 'Token expired' }), cause: /reconnect|Token expired|HTTP 401/i, tokenEndpointsToo: true },
		{ title: '403', reply: json(403, { message: 'Forbidden for this workspace' }), cause: /Forbidden for this workspace/, status: 403 },
		{ title: '404 HTML', reply: raw(404, HTML, 'text/html'), cause: /answered with an HTML page instead of JSON/, status: 404 },
		{ title: '409', reply: json(409, { message: 'Already exists' }), cause: /Already exists/, status: 409 },
		{ title: '429 Retry-After seconds', reply: json(429, { message: 'Slow down' }, { 'Retry-After': '30' }), cause: /rate limited.*retry after 30 s/, status: 429 },
		{ title: '429 Retry-After HTTP date', reply: { kind: 'answer', status: 429, body: '{"message":"Slow down"}', headers: inTwoMinutes }, cause: /rate limited.*retry after 1[12][0-9] s/, status: 429 },
		{ title: '429 without Retry-After', reply: raw(429, '', 'text/plain'), cause: /rate limited \(too many requests\)/, status: 429 },
		{ title: '500 JSON', reply: json(500, { message: 'Internal error' }), cause: /server error: Internal error/, status: 500 },
		{ title: '502 HTML from a proxy', reply: raw(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html'), cause: /server error, answered with an HTML page/, status: 502 },
		{ title: '503 Retry-After', reply: raw(503, 'Service Unavailable', 'text/plain', { 'Retry-After': '120' }), cause: /server error/, status: 503 },
		{ title: 'timeout', reply: { kind: 'delay', ms: N8N_REQUEST_TIMEOUT_MS + 5_000 }, cause: new RegExp(`no answer within ${N8N_REQUEST_TIMEOUT_MS / 1000} s \\(timeout\\)`) },
		{ title: 'connection reset', reply: { kind: 'error', code: 'ECONNRESET', message: 'socket hang up' }, cause: /connection was reset/ },
		{ title: 'connection refused', reply: { kind: 'error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, cause: /could not connect \(ECONNREFUSED\)/ },
	];
}

/** Every credential type (11): OAuth2, client credentials, password, personal tokens and the signed admin key. */
const CONNECTIONS = allConnections('hostile');

function originsOf(connection: Connection, withTokenEndpoints: boolean): string[] {
	const urls = [connection.apiBase];
	if (withTokenEndpoints) urls.push(connection.vendor.oauth2.token.url.url, ...(connection.vendor.oauth2.refresh?.url ? [connection.vendor.oauth2.refresh.url.url] : []));
	return [...new Set(urls.map((u) => new URL(u).origin))];
}

function answerEverything(origins: string[], reply: Reply): void {
	for (const origin of origins) {
		for (const method of ['GET', 'POST']) {
			const interceptor = nock(origin)
				.persist()
				.intercept(() => true, method);
			if (reply.kind === 'answer') {
				const { status, body, headers } = reply;
				interceptor.reply(() => [status, body, typeof headers === 'function' ? headers() : headers]);
			} else if (reply.kind === 'error') interceptor.replyWithError(Object.assign(new Error(reply.message), { code: reply.code }));
			else interceptor.delay(reply.ms).reply(200, '{}', { 'Content-Type': 'application/json' });
		}
	}
}

let checked = 0;
afterAll(() => {
	// eslint-disable-next-line no-console
	console.log(`hostile corpus: ${checked} cases over ${CONNECTIONS.length} credential types of 5 vendors, each a typed error naming the vendor and the cause`);
});

// Every request carries a timeout of ours: the transport's, or the shared lifecycle's on the token requests
// our code sends itself (Wordapp password grant). n8n's own default (300 s) would fail this.
const OUR_TIMEOUTS = [N8N_REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS];
let clock: AxiosClock;
let compressed: AxiosClock | undefined;
beforeEach(() => {
	clock = watchTimeouts();
});
afterEach(() => {
	clock.stop();
	compressed?.stop();
	// The compressing watcher runs first (axios runs the last-added interceptor first): it saw the values as set.
	const seen = (compressed ?? clock).seen;
	compressed = undefined;
	nock.abortPendingRequests();
	expect(seen.length).toBeGreaterThan(0);
	for (const request of seen) expect(OUR_TIMEOUTS).toContain(request.timeout);
});

describe.each(CONNECTIONS.map((c) => [`${c.vendor.displayName} (${c.type})`, c] as const))('%s', (_name, connection) => {
	test.each(corpus().map((c) => [c.title, c] as const))('%s', async (_title, c) => {
		answerEverything(originsOf(connection, c.tokenEndpointsToo === true), c.reply);
		// The timeout case is a real one, on a compressed clock: our 60 s is cut to 1 s where (and only where) it is set.
		compressed = c.reply.kind === 'delay' ? watchTimeouts({ from: N8N_REQUEST_TIMEOUT_MS, to: 1_000 }) : undefined;
		const runner = new NodeRunner(connection.node()).useCredential(connection.type, connection.data);
		const stored = JSON.stringify(runner.credentials.stored(`${connection.type}-1`));
		const params = { resource: 'customApiCall', operation: 'request', method: 'GET', path: '/probe' };
		const error = await runner.execute(params).catch((e: unknown) => e);

		expect(error).toBeInstanceOf(NodeApiError);
		const { message, description } = error as NodeApiError;
		expect(message.startsWith(`${connection.vendor.displayName}`)).toBe(true);
		expect(`${message} ${description ?? ''}`).toMatch(c.cause);
		if (c.status !== undefined) expect((error as NodeApiError).httpCode).toBe(String(c.status));
		for (const value of Object.values(connection.secrets)) expect(JSON.stringify({ message, description, error })).not.toContain(value);
		// The stored token is not lost: nothing was written over it.
		expect(JSON.stringify(runner.credentials.stored(`${connection.type}-1`))).toBe(stored);
		expect(runner.credentials.persisted).toEqual([]);

		// Continue On Fail: the same words as an item, paired to its input, and the run goes on.
		const items = await runner.execute(params, { continueOnFail: true });
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const sameWords = (text: string) => text.replace(/retry after \d+ s/, 'retry after … s');
		expect(sameWords(String(items[0].json.error))).toBe(sameWords(message));
		for (const value of Object.values(connection.secrets)) expect(JSON.stringify(items)).not.toContain(value);
		checked++;
	});
});
