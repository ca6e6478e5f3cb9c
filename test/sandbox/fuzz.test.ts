/**
 * Hostile-input fuzz run of the sandbox (issue "Security", item 5): malformed request lines and headers
 * over raw sockets, oversized and broken bodies, prototype-pollution keys, bad JSON and form encodings,
 * odd methods, long paths, NUL bytes and invalid percent-encoding, across every route of every vendor,
 * with valid credentials so the handlers behind authentication are reached too. Deterministic (seeded),
 * bounded in count and time. The sandbox must never crash (it answers a health request after each batch,
 * and the process sees no unhandled rejection or exception) and never answer 500.
 */
import { connect } from 'node:net';
import { SANDBOX_CLIENTS, VENDOR_IDS, WORDAPP_USER, type VendorId } from '../../sandbox/clients';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';

const SEED = 0x5eed;
const MUTATIONS_PER_ROUTE = 6;
const REQUEST_TIMEOUT_MS = 4000;
const PARALLEL = 8;

let sandbox: RunningSandbox;
const tokens = {} as Record<VendorId, string>;
const processFailures: string[] = [];
const onFailure = (what: string) => (reason: unknown) => processFailures.push(`${what}: ${reason instanceof Error ? reason.message : String(reason)}`);
const onRejection = onFailure('unhandledRejection');
const onException = onFailure('uncaughtException');

beforeAll(async () => {
	process.on('unhandledRejection', onRejection);
	process.on('uncaughtException', onException);
	// Every assumption on, so the routes that exist only under one are fuzzed too; no rate limit, so
	// WebWork requests reach the handlers instead of stopping at 429.
	sandbox = await startSandbox({ port: 0, host: '127.0.0.1', autoApprove: true, assumptions: ['all'], webworkRateLimitPerMinute: 0 });
	const scopes: Record<VendorId, string[]> = {
		weekdone: [],
		worksection: ['administrative'],
		worktual: [],
		'webwork-tracker': ['read', 'write', 'admin'],
		wordapp: ['public'],
	};
	const me: Record<VendorId, string> = {
		weekdone: String(sandbox.state.data.weekdone.me),
		worksection: String(sandbox.state.data.worksection.me),
		worktual: String(sandbox.state.data.worktual.me),
		'webwork-tracker': String(sandbox.state.data['webwork-tracker'].me),
		wordapp: String(sandbox.state.data.wordapp.me),
	};
	for (const vendor of VENDOR_IDS) {
		const issued = sandbox.state.tokens.issue({
			vendor,
			clientId: SANDBOX_CLIENTS[vendor].clientId,
			userId: me[vendor],
			scope: scopes[vendor],
			grantType: 'authorization_code',
			accessTtlSeconds: null,
			refresh: { ttlSeconds: null },
		});
		tokens[vendor] = issued.access.token;
	}
});

afterAll(async () => {
	await sandbox.state.webhooksSettled();
	await sandbox.close();
	process.off('unhandledRejection', onRejection);
	process.off('uncaughtException', onException);
});

/** mulberry32: a tiny deterministic PRNG, so a failing case can be replayed. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

interface Outcome {
	label: string;
	/** HTTP status, or why none came back. */
	status: number | 'closed' | 'timeout';
}

/** Writes raw bytes and reads the status line of the answer (the connection is closed afterwards). */
function sendRaw(label: string, payload: Buffer | string, extraChunks: Buffer[] = []): Promise<Outcome> {
	return new Promise((resolve) => {
		const socket = connect(sandbox.port, '127.0.0.1');
		let received = '';
		let settled = false;
		const finish = (status: Outcome['status']) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			socket.destroy();
			resolve({ label, status });
		};
		const timer = setTimeout(() => finish('timeout'), REQUEST_TIMEOUT_MS);
		socket.on('connect', () => {
			socket.write(payload);
			for (const chunk of extraChunks) {
				if (!socket.writable) break;
				socket.write(chunk);
			}
		});
		socket.on('data', (data) => {
			received += data.toString('latin1');
			// The final answer (an interim 100 Continue is skipped).
			const match = /^(?:HTTP\/1\.[01] 1\d\d[^\n]*\n(?:[^\n]*\n)*?\r?\n)*HTTP\/1\.[01] ([2-5]\d\d)/.exec(received);
			if (match) finish(Number(match[1]));
		});
		// A reset after the answer is fine (we already resolved); before it, the request got no answer.
		socket.on('error', () => finish('closed'));
		socket.on('close', () => finish('closed'));
	});
}

function request(method: string, target: string, headers: Record<string, string>, body: Buffer | string = ''): string | Buffer {
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
	if (bytes.length > 0 || ['POST', 'PUT', 'PATCH'].includes(method)) lines.push(`Content-Length: ${bytes.length}`);
	return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes]);
}

// ---- the corpus ------------------------------------------------------------------------------------

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const ODD_VALUES = ['', ' ', '%00', '\u0000', '-1', '0', '1e309', 'NaN', '9'.repeat(40), 'x'.repeat(5000), '[]', '{}', 'null', 'true', '../../etc/passwd', '%', '%zz', '%E0%A4%A', '☃', '\ud800', 'constructor', '__proto__', 'http://127.0.0.1:9/x', "' OR 1=1 --", '<script>', 'a=b&c', '\r\nX-Injected: 1'];
const ODD_METHODS = ['PROPFIND', 'OPTIONS', 'HEAD', 'TRACE', 'PUT', 'PATCH', 'DELETE', 'SEARCH', 'MKCOL'];

function authHeaders(vendor: VendorId | undefined): Record<string, string> {
	if (!vendor) return {};
	const token = tokens[vendor];
	const client = SANDBOX_CLIENTS[vendor];
	const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
	return pick<Record<string, string>>([
		{ Authorization: `Bearer ${token}` },
		{ Authorization: basic },
		{ Authorisation: token },
		{ Authorization: token, 'X-Api-Version': 'application/vnd.wordapp-v1+json' },
		{ Authorization: `Bearer ${token}`, 'X-Api-Version': 'application/vnd.wordapp-v1+json' },
		{ Authorization: 'Basic %%%not-base64' },
		{ Authorization: 'Bearer' },
		{},
	]);
}

function credentialQuery(vendor: VendorId | undefined): Record<string, string> {
	if (!vendor) return {};
	const client = SANDBOX_CLIENTS[vendor];
	return pick<Record<string, string>>([
		{ token: tokens[vendor] },
		{ access_token: tokens[vendor] },
		{ client_id: client.clientId, client_secret: client.clientSecret, grant_type: pick(['authorization_code', 'refresh_token', 'password', 'client_credentials', 'authorisation_code', 'constructor']) },
		{ username: WORDAPP_USER.email, password: WORDAPP_USER.password, grant_type: 'password' },
		{},
	]);
}

/** Percent-encodes every UTF-8 byte (never throws, unlike encodeURIComponent on a lone surrogate). */
function enc(value: string): string {
	return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

function encodeQuery(params: Record<string, string>, raw: string[] = []): string {
	const parts = Object.entries(params).map(([k, v]) => `${enc(k)}=${enc(v)}`);
	return [...parts, ...raw].join('&');
}

function fillPath(pattern: string, mutate: boolean): string {
	return pattern
		.split('/')
		.map((segment) => {
			if (!segment.startsWith(':')) return segment;
			if (!mutate) return pick(['1', '101', '193', '13036', '1001', '2']);
			return enc(pick(ODD_VALUES)).slice(0, 600) || '%20';
		})
		.join('/');
}

function vendorOf(path: string): VendorId | undefined {
	const first = path.split('/')[1];
	return (VENDOR_IDS as readonly string[]).includes(first) ? (first as VendorId) : undefined;
}

/** One mutated request against a route: a random mix of broken query, body, encoding and method. */
function mutatedRequest(route: string, variant: number): [string, string | Buffer] {
	const [routeMethod, pattern] = route.split(' ');
	const vendor = vendorOf(pattern);
	const method = variant === 5 ? pick(ODD_METHODS) : routeMethod;
	const path = fillPath(pattern, variant % 2 === 1);
	const protoKey = pick(PROTO_KEYS);
	const query: Record<string, string> = {
		...credentialQuery(vendor),
		action: pick([protoKey, 'get_tasks', 'me', 'post_task', 'add_webhook', 'get_events', '']),
		[protoKey]: pick(ODD_VALUES),
		[pick(['page', 'per_page', 'limit', 'offset', 'period', 'id_task', 'workspace_id', 'filter', 'fields', 'condition', 'createdDate', 'user_id'])]: pick(ODD_VALUES),
	};
	const rawQuery = pick([[], ['%zz=%E0%A4%A'], ['a=%00b'], ['=&&==&'], ['redirect_uri=http%3A%2F%2F127.0.0.1%3A5678%2Frest%2Foauth2-credential%2Fcallback'], ['hash=0']]);
	const target = `${path}?${encodeQuery(query, rawQuery)}`;
	const headers = authHeaders(vendor);
	const bodies: [string, string | Buffer][] = [
		['application/json', `{"${protoKey}": {"polluted": true}, "action": "${protoKey}", "id": ${pick(['1', '"x"', 'null', '[1]', '{"a":1}', '1e999'])}}`],
		['application/json', pick(['{', '{"a":', '[', '"\\ud800"', 'nul', '{"a":1}}', '\u0000', '{"__proto__":null}'])],
		['application/x-www-form-urlencoded', `${protoKey}=1&constructor[prototype][x]=1&%zz=%E0%A4%A&a=%&code=${pick(ODD_VALUES)}&grant_type=${pick(['authorization_code', 'refresh_token', 'x'])}`],
		['multipart/form-data; boundary=XYZ', `--XYZ\r\nContent-Disposition: form-data; name="${protoKey}"\r\n\r\nv\r\n--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\n\u0000\u0001\r\n--XYZ--`],
		['multipart/form-data', '--nope\r\nbroken'],
		['text/plain; charset=utf-16', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41])],
		['application/x-www-form-urlencoded; charset=bogus', Buffer.from([0xc3, 0x28, 0x3d, 0xa0, 0xa1])],
	];
	const [contentType, body] = pick(bodies);
	return [`${method} ${pattern} v${variant}`, request(method, target, { ...headers, 'Content-Type': contentType }, body)];
}

/** Request lines and headers Node's parser or the sandbox's target check must refuse. */
function malformedRequests(): [string, string | Buffer][] {
	const head = (line: string, extra = '') => `${line}\r\nHost: x\r\nConnection: close\r\n${extra}\r\n`;
	const cases: [string, string | Buffer][] = [
		['GET //', head('GET // HTTP/1.1')],
		['GET //x', head('GET //x HTTP/1.1')],
		['GET ///', head('GET /// HTTP/1.1')],
		['GET //:', head('GET //: HTTP/1.1')],
		['GET //[', head('GET //[ HTTP/1.1')],
		['GET //@', head('GET //@ HTTP/1.1')],
		['GET //evil.example/weekdone/api/1/items', head('GET //evil.example/weekdone/api/1/items HTTP/1.1')],
		['GET absolute-form', head('GET http://evil.example/weekdone/oauth_token HTTP/1.1')],
		['GET http://[', head('GET http://[ HTTP/1.1')],
		['OPTIONS *', head('OPTIONS * HTTP/1.1')],
		['GET *', head('GET * HTTP/1.1')],
		['GET no slash', head('GET weekdone HTTP/1.1')],
		['GET %zz path', head('GET /weekdone/%zz HTTP/1.1')],
		['GET %E0%A4%A path', head('GET /worktual/services/ccaas/v1/contacts/%E0%A4%A HTTP/1.1')],
		['GET %00 path', head('GET /webwork-tracker/api/v2/tasks/%00 HTTP/1.1')],
		['GET raw NUL in path', head('GET /weekdone/\u0000 HTTP/1.1')],
		['GET raw space in path', head('GET /a b/c HTTP/1.1')],
		['GET empty target', head('GET  HTTP/1.1')],
		['bad version', head('GET / HTTP/9.9')],
		['HTTP/0.9', 'GET /\r\n\r\n'],
		['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
		['garbage', 'GARBAGE\r\n\r\n'],
		['binary', Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03])],
		['lowercase method', head('get / HTTP/1.1')],
		['unknown method', head('FOO /weekdone/oauth_token HTTP/1.1')],
		['header without colon', head('GET / HTTP/1.1', 'NoColonHere\r\n')],
		['header with NUL', head('GET / HTTP/1.1', 'X-A: a\u0000b\r\n')],
		['header name with space', head('GET / HTTP/1.1', 'Bad Name: x\r\n')],
		['obs-fold header', head('GET / HTTP/1.1', 'X-A: a\r\n continued\r\n')],
		['duplicate Content-Length', head('POST /weekdone/oauth_token HTTP/1.1', 'Content-Length: 1\r\nContent-Length: 2\r\n') + 'ab'],
		['negative Content-Length', head('POST /weekdone/oauth_token HTTP/1.1', 'Content-Length: -1\r\n')],
		['non-numeric Content-Length', head('POST /weekdone/oauth_token HTTP/1.1', 'Content-Length: abc\r\n')],
		['CL and TE', head('POST /weekdone/oauth_token HTTP/1.1', 'Content-Length: 4\r\nTransfer-Encoding: chunked\r\n') + '0\r\n\r\n'],
		['bad chunk size', head('POST /worksection/oauth2/token HTTP/1.1', 'Transfer-Encoding: chunked\r\n') + 'zz\r\nabc\r\n0\r\n\r\n'],
		['unknown transfer-encoding', head('POST /worksection/oauth2/token HTTP/1.1', 'Transfer-Encoding: gzip\r\n')],
		['chunked without end', head('POST /wordapp/oauth/token HTTP/1.1', 'Transfer-Encoding: chunked\r\n') + '5\r\nabcde\r\nffffffffffffffffff\r\n'],
		['huge header', head('GET / HTTP/1.1', `X-Big: ${'a'.repeat(70_000)}\r\n`)],
		['many headers', head('GET / HTTP/1.1', Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}\r\n`).join(''))],
		['long path 10k', head(`GET /weekdone/${'a'.repeat(10_000)} HTTP/1.1`)],
		['long path 100k', head(`GET /weekdone/${'a'.repeat(100_000)} HTTP/1.1`)],
		['long query', head(`GET /__sandbox/log?vendor=${'%41'.repeat(3000)} HTTP/1.1`)],
		['CRLF injection in target', head('GET /weekdone/oauth_authorize?redirect_uri=%0d%0aSet-Cookie:x HTTP/1.1')],
		['Expect 100-continue huge', head('POST /weekdone/oauth_token HTTP/1.1', 'Expect: 100-continue\r\nContent-Length: 999999999\r\n')],
		['bare LF lines', 'GET / HTTP/1.1\nHost: x\nConnection: close\n\n'],
		['vendor=__proto__', head('GET /__sandbox/stats?vendor=__proto__ HTTP/1.1')],
		['vendor=constructor', head('POST /__sandbox/expire?vendor=constructor HTTP/1.1', 'Content-Length: 0\r\n')],
		['assumption __proto__', head('POST /__sandbox/assumptions?enable=__proto__ HTTP/1.1', 'Content-Length: 0\r\n')],
		['token-delay NaN', head('POST /__sandbox/token-delay?vendor=weekdone&ms=NaN HTTP/1.1', 'Content-Length: 0\r\n')],
		['redirect-uris bad uri', head('POST /__sandbox/redirect-uris?uri=%zz HTTP/1.1', 'Content-Length: 0\r\n')],
	];
	return cases;
}

/** Bodies over the 2 MB limit: with a declared length, chunked, and streamed past the limit. */
function oversizedRequests(): [string, string | Buffer, Buffer[]][] {
	const mb = (n: number) => Buffer.alloc(n * 1_000_000, 0x61);
	const headOf = (path: string, extra: string) => `POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n${extra}\r\n`;
	return [
		['3 MB declared, weekdone token', headOf('/weekdone/oauth_token', 'Content-Length: 3000000\r\n'), [mb(3)]],
		['3 MB declared, worksection api', headOf('/worksection/account/api/oauth2', 'Content-Length: 3000000\r\n'), [mb(3)]],
		['3 MB chunked, webwork tasks', headOf('/webwork-tracker/api/v2/tasks', 'Transfer-Encoding: chunked\r\n'), [Buffer.from('2dc6c0\r\n'), mb(3), Buffer.from('\r\n0\r\n\r\n')]],
		['2.5 MB JSON, wordapp token', headOf('/wordapp/oauth/token', 'Content-Length: 2500000\r\n'), [Buffer.alloc(2_500_000, 0x7b)]],
		['40 MB declared (drain limit), worktual token', headOf('/worktual/services/oauth2/v1/token', 'Content-Length: 40000000\r\n'), [mb(8)]],
	];
}

async function runAll<T>(items: T[], run: (item: T) => Promise<Outcome>): Promise<Outcome[]> {
	const out: Outcome[] = [];
	for (let i = 0; i < items.length; i += PARALLEL) out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(run))));
	return out;
}

async function healthy(): Promise<boolean> {
	const outcome = await sendRaw('health', request('GET', '/__sandbox/stats', {}));
	return outcome.status === 200;
}

test('the sandbox survives at least 400 malformed requests across every vendor route: 0 crashes, 0 answers of 500', async () => {
	const started = Date.now();
	const outcomes: Outcome[] = [];
	const batches: { name: string; outcomes: Outcome[]; healthyAfter: boolean }[] = [];
	const batch = async (name: string, run: () => Promise<Outcome[]>) => {
		const result = await run();
		outcomes.push(...result);
		batches.push({ name, outcomes: result, healthyAfter: await healthy() });
	};

	await batch('malformed request lines and headers (raw sockets)', () => runAll(malformedRequests(), ([label, payload]) => sendRaw(label, payload)));
	const routes = sandbox.routes.filter((route) => !route.includes('/__sandbox/reset'));
	for (const vendor of [...VENDOR_IDS, '__sandbox']) {
		const mine = routes.filter((route) => route.split(' ')[1].startsWith(`/${vendor}/`));
		const cases = mine.flatMap((route) => Array.from({ length: MUTATIONS_PER_ROUTE }, (_, variant) => mutatedRequest(route, variant)));
		await batch(`${vendor}: ${mine.length} routes × ${MUTATIONS_PER_ROUTE} mutations`, () => runAll(cases, ([label, payload]) => sendRaw(label, payload)));
	}
	await batch('oversized bodies', () => runAll(oversizedRequests(), ([label, head, chunks]) => sendRaw(label, head, chunks)));

	const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
	const histogram: Record<string, number> = {};
	for (const o of outcomes) histogram[String(o.status)] = (histogram[String(o.status)] ?? 0) + 1;
	console.log(
		`sandbox fuzz: ${outcomes.length} malformed requests in ${Date.now() - started} ms (seed ${SEED}), ` +
			`${batches.length} batches, crashes ${processFailures.length + batches.filter((b) => !b.healthyAfter).length}, ` +
			`500s ${count(500)}; statuses ${JSON.stringify(histogram)}`,
	);

	expect(outcomes.length).toBeGreaterThanOrEqual(400);
	expect(batches.filter((b) => !b.healthyAfter).map((b) => b.name)).toEqual([]);
	expect(processFailures).toEqual([]);
	expect(outcomes.filter((o) => o.status === 500).map((o) => o.label)).toEqual([]);
	// Every request got an answer: a status line, never a silent close or a hang.
	expect(outcomes.filter((o) => typeof o.status !== 'number').map((o) => `${o.label}: ${o.status}`)).toEqual([]);
	// The named cases: malformed targets are 400, oversized bodies 413.
	const statusOf = (label: string) => outcomes.find((o) => o.label === label)?.status;
	for (const label of ['GET //', 'GET //x', 'GET //:', 'GET //[', 'GET absolute-form', 'OPTIONS *', 'GET %zz path']) expect([label, statusOf(label)]).toEqual([label, 400]);
	for (const label of [...oversizedRequests().map(([l]) => l), 'Expect 100-continue huge']) expect([label, statusOf(label)]).toEqual([label, 413]);
}, 120_000);
