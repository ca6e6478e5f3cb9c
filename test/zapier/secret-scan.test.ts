/**
 * Plants distinct secret values (client secret, authorization code, PKCE verifier, stored access and refresh
 * tokens, the tokens a vendor issues) and runs each app through Zapier core's own handler, with a logger that
 * receives exactly what core would send to Zapier's log service (z.console lines, the HTTP log of every
 * request, the bundle log). Vendors answer with every value echoed back, fail, reset the connection. Every
 * thrown error and every log line is scanned: each planted value must be found 0 times.
 */
import nock from 'nock';
import type { App } from 'zapier-platform-core';

import { refreshUrlOf } from '../../shared/oauth';
import type { VendorDefinition } from '../../shared/types';
import { vendors } from '../../shared/vendors';
import { buildApp } from '../../zapier/app';
import { version } from '../../package.json';
import { REDIRECT, resetEnv } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const createLambdaHandler = require('zapier-platform-core/src/tools/create-lambda-handler') as (app: App) => (event: object) => Promise<{ results: unknown }>;

const PLANTED = {
	clientSecret: 'plantClientSecret7Q2xv',
	code: 'plantAuthCodeK9xq',
	codeVerifier: 'plantVerifierP5mw',
	access: 'plantAccessZ1tk',
	refresh: 'plantRefreshY2rk',
	newAccess: 'plantNewAccessW3',
	newRefresh: 'plantNewRefreshV4',
};
const ALL = Object.values(PLANTED);

interface Scan {
	lines: string[];
	/** What a step hands to Zapier as its output. */
	outputs: string[];
	httpLines: number;
	errors: string[];
}

/** Runs one app method through core's lambda handler, collecting every log line and the error, if any. */
async function invoke(app: App, method: string, bundle: Record<string, unknown>, scan: Scan): Promise<unknown> {
	const handler = createLambdaHandler(app);
	const event = {
		command: 'execute',
		method,
		bundle,
		customLogger: (message: string, data: Record<string, unknown>) => {
			scan.lines.push(`${message}\n${JSON.stringify(data)}`);
			if (data.log_type === 'http') scan.httpLines += 1;
		},
	};
	try {
		const results = (await handler(event)).results;
		scan.outputs.push(JSON.stringify(results));
		return results;
	} catch (error) {
		const e = error as Error;
		scan.errors.push(`${e.name}\n${e.message}\n${e.stack}\n${JSON.stringify(e)}`);
		return undefined;
	}
}

function occurrences(scan: Scan): Record<string, number> {
	const texts = [...scan.lines, ...scan.errors, ...scan.outputs.filter((o) => !o.includes(PLANTED.newAccess))];
	const counts: Record<string, number> = {};
	for (const secret of ALL) {
		const spellings = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64').replace(/=+$/, '')];
		counts[secret] = texts.reduce((n, text) => n + spellings.reduce((m, s) => m + text.split(s).length - 1, 0), 0);
	}
	return counts;
}

/** A vendor answer that repeats everything it received: form fields, query and the Authorization header. */
function echo(status: number) {
	return function (this: nock.ReplyFnContext, uri: string, body: unknown): [number, string, Record<string, string>] {
		const received = `${uri} ${typeof body === 'string' ? body : JSON.stringify(body)} ${String(this.req.headers.authorization ?? '')}`;
		return [status, JSON.stringify({ error: 'invalid_request', error_description: `you sent ${received}`, message: `you sent ${received}` }), { 'Content-Type': 'application/json' }];
	};
}

function authDataFor(vendor: VendorDefinition): Record<string, string> {
	const data: Record<string, string> = { access_token: PLANTED.access, refresh_token: PLANTED.refresh };
	if (vendor.api.baseUrlFromToken) data[vendor.api.baseUrlFromToken.field] = `https://team.${vendor.ownDomains[0]}`;
	return data;
}

/** Every path on the vendor's origins answers with `reply` (the app decides which request it makes). */
function everyPath(vendor: VendorDefinition, reply: (scope: nock.Interceptor) => void): void {
	const origins = new Set([vendor.api.baseUrl.url, vendor.oauth2.token.url.url, refreshUrlOf(vendor, {}), `https://team.${vendor.ownDomains[0]}`].map((u) => new URL(u).origin));
	for (const origin of origins) {
		reply(nock(origin).get(() => true).query(true));
		reply(nock(origin).post(() => true));
	}
}

beforeEach(() => {
	resetEnv();
	process.env.CLIENT_SECRET = PLANTED.clientSecret;
	process.env.REDIRECT_URI = REDIRECT;
});
afterEach(() => nock.cleanAll());

const totals = { lines: 0, httpLines: 0, errors: 0, outputs: 0 };

describe.each(Object.values(vendors).map((v) => [v.displayName, v] as const))('%s app: planted secrets', (_name, vendor) => {
	const app = buildApp(vendor, { version }) as unknown as App;
	const scan: Scan = { lines: [], outputs: [], httpLines: 0, errors: [] };

	test('code exchange, accepted and refused with an echo', async () => {
		const token = { access_token: PLANTED.newAccess, refresh_token: PLANTED.newRefresh, token_type: 'bearer', expires_in: 3600 };
		everyPath(vendor, (i) => i.reply(200, JSON.stringify(vendor.oauth2.token.responseShape === 'array' ? [token] : token), { 'Content-Type': 'application/json' }));
		const bundle = () => ({ inputData: { code: PLANTED.code, code_verifier: PLANTED.codeVerifier, redirect_uri: REDIRECT, state: 's' } });
		const result = (await invoke(app, 'authentication.oauth2Config.getAccessToken', bundle(), scan)) as Record<string, string>;
		expect(result.access_token).toBe(PLANTED.newAccess);
		nock.cleanAll();
		everyPath(vendor, (i) => i.reply(echo(400)));
		await invoke(app, 'authentication.oauth2Config.getAccessToken', bundle(), scan);
		expect(scan.errors.length).toBe(1);
	});

	if (vendor.oauth2.refresh) {
		test('refresh, accepted and refused with an echo', async () => {
			everyPath(vendor, (i) => i.reply(200, JSON.stringify({ access_token: PLANTED.newAccess, refresh_token: PLANTED.newRefresh }), { 'Content-Type': 'application/json' }));
			const result = (await invoke(app, 'authentication.oauth2Config.refreshAccessToken', { authData: authDataFor(vendor), inputData: { redirect_uri: REDIRECT } }, scan)) as Record<string, string>;
			expect(result.access_token).toBe(PLANTED.newAccess);
			nock.cleanAll();
			const before = scan.errors.length;
			everyPath(vendor, (i) => i.reply(echo(400)));
			await invoke(app, 'authentication.oauth2Config.refreshAccessToken', { authData: authDataFor(vendor), inputData: { redirect_uri: REDIRECT } }, scan);
			expect(scan.errors.length).toBe(before + 1);
		});
	}

	test('API calls: an echoing 500, an echoing 200 error envelope, a connection reset, a timeout', async () => {
		const replies: Array<(i: nock.Interceptor) => void> = [
			(i) => i.reply(echo(500)),
			(i) => i.reply(echo(200)),
			(i) => i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
			(i) => i.delay(1200).reply(200, '{}'),
		];
		process.env.REQUEST_TIMEOUT_MS = '300';
		for (const reply of replies) {
			nock.cleanAll();
			everyPath(vendor, reply);
			const before = scan.errors.length + scan.outputs.length;
			await invoke(app, 'authentication.test', { authData: authDataFor(vendor) }, scan);
			await invoke(app, 'creates.api_request.operation.perform', { authData: authDataFor(vendor), inputData: { method: 'POST', path: 'items', body: '{"a":1}' } }, scan);
			expect(scan.errors.length + scan.outputs.length).toBe(before + 2);
		}
	});

	afterAll(() => {
		totals.lines += scan.lines.length;
		totals.httpLines += scan.httpLines;
		totals.errors += scan.errors.length;
		totals.outputs += scan.outputs.length;
	});

	test('every planted value is found 0 times in errors and log lines', () => {
		expect(scan.httpLines).toBeGreaterThan(0);
		expect(occurrences(scan)).toEqual(Object.fromEntries(ALL.map((s) => [s, 0])));
	});
});

afterAll(() => {
	// eslint-disable-next-line no-console
	console.log(`secret scan: ${totals.errors} errors, ${totals.outputs} step outputs and ${totals.lines} log lines (${totals.httpLines} HTTP log lines) scanned for ${ALL.length} planted values`);
});

test('Weekdone: a connection reset names the request without its ?token= (node-fetch quotes the full URL)', async () => {
	const app = buildApp(vendors.weekdone, { version }) as unknown as App;
	const scan: Scan = { lines: [], outputs: [], httpLines: 0, errors: [] };
	nock('https://api.weekdone.com')
		.get('/1/company')
		.query(true)
		.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
	await invoke(app, 'authentication.test', { authData: { access_token: PLANTED.access, refresh_token: PLANTED.refresh } }, scan);
	expect(scan.errors).toHaveLength(1);
	expect(scan.errors[0]).toContain('Weekdone: the request failed: request to https://api.weekdone.com/1/company failed, reason: socket hang up');
	expect(scan.errors[0]).not.toContain('token=');
	expect(scan.errors[0]).not.toContain(PLANTED.access);
});
