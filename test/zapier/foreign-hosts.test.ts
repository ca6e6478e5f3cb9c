/**
 * A Worksection token response names the API host (account_url). Crafted values that dress a foreign or
 * plain-http host up as Worksection's must never receive a request: the code exchange fails with an error
 * naming the vendor and the host and returns nothing to store, and a connection that somehow holds such a
 * value (stored before this rule) refuses every API call before sending. Every request the app attempts is
 * recorded (nock answers only the token URL; anything else would be a "no match").
 */
import nock from 'nock';

import { harness, REDIRECT, resetEnv } from './harness';

const EVIL = ['evil.example.com', 'attacker.test', '127.0.0.1', '10.0.0.1'];

/** 70+ crafted account_url values, none of which is a plain HTTPS Worksection host. */
function craftedValues(): string[] {
	const values = new Set<string>();
	for (const evil of EVIL) {
		for (const template of [
			`https://${evil}`,
			`http://${evil}`,
			`https://worksection.com.${evil}`,
			`http://worksection.com.${evil}`,
			`https://${evil}#.worksection.com`,
			`https://${evil}?.worksection.com`,
			`https://worksection.com@${evil}`,
			`https://team.worksection.com:x@${evil}`,
			`https://${evil}\\.worksection.com`,
			`https://${evil}/.worksection.com`,
			`https://${evil}%2f.worksection.com`,
			`//${evil}`,
			`https://${evil}:443`,
			`ftp://${evil}`,
			`https://${evil}.`,
			`javascript://${evil}/%0a.worksection.com`,
			`https://xworksection.com.${evil}`,
		]) {
			values.add(template);
		}
	}
	for (const local of ['http://team.worksection.com', 'https://team.worksection.com:8443', 'https://team.worksection.com.', 'https://team%2eworksection.com', ' https://team.worksection.com', 'https://team.worksection.com\r\n']) values.add(local);
	return [...values];
}

const CRAFTED = craftedValues();
const unmatched: string[] = [];
const onNoMatch = (req: { method?: string; path?: string; options?: { host?: string; hostname?: string } }) => {
	unmatched.push(`${req.method} ${req.options?.hostname ?? req.options?.host ?? ''}${req.path ?? ''}`);
};

beforeAll(() => nock.emitter.on('no match', onNoMatch));
afterAll(() => nock.emitter.removeListener('no match', onNoMatch));
beforeEach(() => {
	resetEnv();
	unmatched.length = 0;
});

test(`the crafted set has ${CRAFTED.length} values`, () => {
	expect(CRAFTED.length).toBeGreaterThanOrEqual(70);
});

test.each(CRAFTED.map((v) => [JSON.stringify(v), v] as const))('code exchange refuses account_url %s and stores nothing', async (_label, value) => {
	const h = harness('worksection');
	const token = nock('https://worksection.com').post('/oauth2/token').reply(200, { access_token: 'acc-1', refresh_token: 'ref-1', account_url: value });
	let result: unknown;
	let error: Error | undefined;
	try {
		result = await h.run(h.oauth2.getAccessToken, { inputData: { code: 'c-1', redirect_uri: REDIRECT, state: 's' } });
	} catch (caught) {
		error = caught as Error;
	}
	expect(token.isDone()).toBe(true);
	expect(result).toBeUndefined();
	expect(error?.message).toMatch(/Worksection: the token response names .* as the API host \(account_url\)/);
	expect(error?.message).not.toContain('acc-1');
	expect(unmatched).toEqual([]);
});

test.each(CRAFTED.map((v) => [JSON.stringify(v), v] as const))('a stored account_url %s: API calls are refused before sending', async (_label, value) => {
	const h = harness('worksection');
	const authData = { access_token: 'acc-1', refresh_token: 'ref-1', account_url: value };
	let error: Error | undefined;
	try {
		await h.run(h.app.creates.api_request.operation.perform, { authData, inputData: { method: 'GET', path: '' } });
	} catch (caught) {
		error = caught as Error;
	}
	expect(error?.message).toContain('Worksection: the token response names');
	// the connection test may use the vendor's documented user-info URL on worksection.com; never the stored host
	nock('https://worksection.com').post('/oauth2/resource').optionally().reply(200, { status: 'ok', data: {} });
	await h.run(h.app.authentication?.test, { authData }).catch(() => undefined);
	expect(unmatched).toEqual([]);
});
