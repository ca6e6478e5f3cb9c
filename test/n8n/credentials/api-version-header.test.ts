/**
 * Wordapp's X-Api-Version value is an assumption (the doc names the header, not its value; shared/vendors/wordapp.ts
 * editableHeaders): every Wordapp credential has a field for it, prefilled with the default, and what the field
 * holds is what the nodes (nodes/transport/GenericFunctions.ts), the password credential's authenticate and the
 * credential test send, in n8n-core's real request path.
 */
import nock from 'nock';
import type { IExecuteFunctions } from 'n8n-workflow';

import { vendorApiRequest } from '../../../nodes/transport/GenericFunctions';
import { vendors } from '../../../shared/vendors';
import { runCredentialTest } from '../harness/credential-test';
import { Engine } from '../harness/engine';

const vendor = vendors.wordapp;
const ORIGIN = 'https://app.wordapp.com';
const DEFAULT = 'application/vnd.wordapp-v1+json';
const CUSTOM = 'application/vnd.wordapp-v2+json';
const WORDAPP_TYPES = ['wordappOAuth2Api', 'wordappClientCredentialsOAuth2Api', 'wordappPasswordApi'];

/** A Wordapp stand-in that records the X-Api-Version of every API call. */
function recordVersions(path: string): string[] {
	const seen: string[] = [];
	nock(ORIGIN)
		.persist()
		.post('/oauth/token')
		.reply(200, { access_token: 'wa-access-1', token_type: 'bearer', expires_in: 7200, refresh_token: 'wa-refresh-1', scope: 'public', created_at: 1 });
	nock(ORIGIN)
		.persist()
		.get(path)
		.reply(function (this: nock.ReplyFnContext) {
			seen.push(String(this.req.headers['x-api-version']));
			return this.req.headers.authorization === 'Bearer wa-access-1' ? [200, { projects: [] }] : [401, { error: 'invalid_token' }];
		});
	return seen;
}

async function call(engine: Engine, type: string, id: string): Promise<unknown> {
	return await engine.execute(type, id, async function (this: IExecuteFunctions) {
		return await vendorApiRequest.call(this, vendor, type, { method: 'GET', path: '/projects' });
	});
}

afterEach(() => nock.cleanAll());

describe('Wordapp X-Api-Version: editable in the n8n credential', () => {
	test('every Wordapp credential has the field, prefilled with the default; no other vendor has it', () => {
		const engine = new Engine();
		for (const type of WORDAPP_TYPES) {
			const field = engine.credentials.getCredentialsProperties(type).find((p) => p.name === 'apiVersionHeader');
			expect(field).toMatchObject({ type: 'string', default: DEFAULT, displayName: 'X-Api-Version Header' });
			expect(field?.description).toBe('Sent as X-Api-Version on every API call');
			// that Wordapp's documentation gives no value is said once, in the credential's notice
			const notice = engine.credentials.getCredentialsProperties(type).find((p) => p.name === 'unconfirmedNotice');
			expect(notice?.displayName).toContain("the X-Api-Version header's value");
		}
		const others = engine.credentials.types.names().filter((n) => !WORDAPP_TYPES.includes(n));
		expect(others.length).toBeGreaterThan(0);
		for (const type of others) expect(engine.credentials.getCredentialsProperties(type).some((p) => p.name === 'apiVersionHeader')).toBe(false);
	});

	test.each([
		['a value set in the credential is sent', CUSTOM, CUSTOM],
		['an empty field sends the default', '', DEFAULT],
	])('password credential: %s', async (_name, configured, sent) => {
		const seen = recordVersions('/api/v1/projects');
		const engine = new Engine();
		const ref = engine.addCredential('wordappPasswordApi', { username: `v-${configured || 'empty'}`, password: 'pw', apiVersionHeader: configured });
		expect(await call(engine, 'wordappPasswordApi', ref.id)).toEqual({ projects: [] });
		expect(seen).toEqual([sent]);
	});

	test('authorization-code credential: the node transport sends the credential value', async () => {
		const seen = recordVersions('/api/v1/projects');
		const engine = new Engine();
		const ref = engine.addCredential('wordappOAuth2Api', { apiVersionHeader: CUSTOM, oauthTokenData: { access_token: 'wa-access-1', refresh_token: 'wa-refresh-1', token_type: 'bearer' } });
		expect(await call(engine, 'wordappOAuth2Api', ref.id)).toEqual({ projects: [] });
		expect(seen).toEqual([CUSTOM]);
	});

	test('the credential test sends the credential value', async () => {
		const seen = recordVersions('/oauth/token/info');
		const engine = new Engine();
		const ref = engine.addCredential('wordappPasswordApi', { username: 'v-test', password: 'pw', apiVersionHeader: ` ${CUSTOM} ` });
		expect(await runCredentialTest(engine, 'wordappPasswordApi', ref.id)).toMatchObject({ status: 'OK' });
		expect(seen).toEqual([CUSTOM]);
	});
});
