/**
 * Wordapp password credential, 20 runs at once after an expiry, in n8n-core's real
 * httpRequestWithAuthentication (401 → preAuthentication → persist → retry once), against a stand-in that
 * does what Wordapp's doc says: each new token "invalidates the previous token", and so does a refresh
 * (https://help.wordapp.com/output/wordapp-api/). n8n holds no lock around preAuthentication, so only the
 * credential's own single-flight renewal (credentials/common/renewals.ts) keeps the runs from revoking each
 * other; the same race without it is run too and must fail, or this test proves nothing.
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestHelper } from 'n8n-workflow';

import { alternativeOf, n8nHttpClient, renewPasswordToken } from '../../../credentials/common';
import { RenewalMemo } from '../../../credentials/common/renewals';
import { vendorApiRequest } from '../../../nodes/transport/GenericFunctions';
import { vendors } from '../../../shared/vendors';
import { Engine } from '../harness/engine';

const TYPE = 'wordappPasswordApi';
const vendor = vendors.wordapp;
const ORIGIN = 'https://app.wordapp.com';
const RUNS = 20;

/** Wordapp as its doc describes it: one valid access token and one valid refresh token at a time. */
class StandInWordapp {
	tokenRequests = 0;
	private issued = 0;
	private access = 'wa-access-0';
	private refresh = 'wa-refresh-0';

	constructor(private readonly username: string) {
		nock(ORIGIN)
			.persist()
			.post('/oauth/token')
			.delay(25)
			.reply((_uri, body) => {
				this.tokenRequests++;
				const form = new URLSearchParams(typeof body === 'string' ? body : '');
				const grant = form.get('grant_type');
				const valid =
					(grant === 'refresh_token' && form.get('refresh_token') === this.refresh) ||
					(grant === 'password' && form.get('username') === this.username && form.get('password') === 'pw');
				if (!valid) return [400, { error: 'invalid_grant' }];
				this.issued++;
				this.access = `wa-access-${this.issued}`;
				this.refresh = `wa-refresh-${this.issued}`;
				return [200, { access_token: this.access, token_type: 'bearer', expires_in: 7200, refresh_token: this.refresh, scope: 'public', created_at: 1 }];
			});
		const current = () => this.access;
		nock(ORIGIN)
			.persist()
			.get('/api/v1/projects')
			.delay(5)
			.reply(function (this: nock.ReplyFnContext) {
				return this.req.headers.authorization === `Bearer ${current()}` ? [200, { projects: [] }] : [401, { error: 'invalid_token' }];
			});
	}

	/** The access token expires (2 hours later); the refresh token stays valid. */
	expire(): void {
		this.access = 'expired';
	}
}

async function race(engine: Engine, credentialId: string): Promise<PromiseSettledResult<unknown>[]> {
	return await Promise.allSettled(
		Array.from({ length: RUNS }, async (_, i) =>
			await engine.execute(
				TYPE,
				credentialId,
				async function (this: IExecuteFunctions) {
					return await vendorApiRequest.call(this, vendor, TYPE, { method: 'GET', path: '/projects' });
				},
				String(2000 + i),
			),
		),
	);
}

afterEach(() => nock.cleanAll());

describe('Wordapp password credential: renewals after an expiry are single-flight', () => {
	test(`${RUNS} concurrent runs after an expiry: exactly 1 token request (the refresh token), all succeed, the new token stored`, async () => {
		// the memo is process-wide and keyed by connection: each test is its own Wordapp user
		const wordapp = new StandInWordapp('ann');
		const engine = new Engine();
		const ref = engine.addCredential(TYPE, { username: 'ann', password: 'pw', accessToken: 'wa-access-0', refreshToken: 'wa-refresh-0' });
		wordapp.expire();
		const results = await race(engine, ref.id);
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		expect(wordapp.tokenRequests).toBe(1);
		expect(engine.credentials.stored(ref.id)).toMatchObject({ accessToken: 'wa-access-1', refreshToken: 'wa-refresh-1' });
		// the next run uses the stored token without a token request
		expect((await race(engine, ref.id)).every((r) => r.status === 'fulfilled')).toBe(true);
		expect(wordapp.tokenRequests).toBe(1);
	});

	test('a second expiry renews again, once: the memo follows the new token instead of replaying the old renewal', async () => {
		const wordapp = new StandInWordapp('bob');
		const engine = new Engine();
		const ref = engine.addCredential(TYPE, { username: 'bob', password: 'pw', accessToken: 'wa-access-0', refreshToken: 'wa-refresh-0' }, 'second-expiry');
		wordapp.expire();
		expect((await race(engine, ref.id)).every((r) => r.status === 'fulfilled')).toBe(true);
		wordapp.expire();
		expect((await race(engine, ref.id)).every((r) => r.status === 'fulfilled')).toBe(true);
		expect(wordapp.tokenRequests).toBe(2);
		expect(engine.credentials.stored(ref.id)).toMatchObject({ accessToken: 'wa-access-2' });
	});

	test('without the single-flight memo the same race renews many times and runs fail (what n8n alone does)', async () => {
		const wordapp = new StandInWordapp('cyd');
		const engine = new Engine();
		const type = engine.credentials.types.getByName(TYPE);
		const alt = alternativeOf(vendor, 'password', TYPE);
		type.preAuthentication = async function (this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
			return await renewPasswordToken(n8nHttpClient(this.helpers), vendor, alt, credentials);
		};
		const ref = engine.addCredential(TYPE, { username: 'cyd', password: 'pw', accessToken: 'wa-access-0', refreshToken: 'wa-refresh-0' }, 'no-memo');
		wordapp.expire();
		const results = await race(engine, ref.id);
		expect(wordapp.tokenRequests).toBeGreaterThan(1);
		expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThan(0);
	});
});

test('a credential with another password (a wrong one, say) never reuses a renewal made with the right one', async () => {
	const wordapp = new StandInWordapp('dee');
	const engine = new Engine();
	const good = engine.addCredential(TYPE, { username: 'dee', password: 'pw' }, 'dee-good');
	const wrong = engine.addCredential(TYPE, { username: 'dee', password: 'not-the-password' }, 'dee-wrong');
	expect((await race(engine, good.id)).every((r) => r.status === 'fulfilled')).toBe(true);
	expect(wordapp.tokenRequests).toBe(1);
	const results = await race(engine, wrong.id);
	expect(results.every((r) => r.status === 'rejected')).toBe(true);
	// its own password grant, refused (a failed renewal is not kept, so a run arriving after the refusal may try again)
	expect(wordapp.tokenRequests).toBeGreaterThanOrEqual(2);
});

describe('RenewalMemo', () => {
	const keyOf = (token: string) => RenewalMemo.key('conn', token);

	test('keys are digests (HMAC under a per-process key): no token text in them', () => {
		expect(keyOf('wa-access-secret')).toMatch(/^[0-9a-f]{64}$/);
		expect(keyOf('wa-access-secret')).not.toContain('secret');
		expect(RenewalMemo.key('a', 'b')).not.toBe(RenewalMemo.key('ab', ''));
	});

	test('callers replacing the same token share one renewal; a late caller gets the newest token in the chain', async () => {
		const memo = new RenewalMemo<string>(8);
		let calls = 0;
		const renew = async () => `T${++calls}`;
		const shared = await Promise.all([memo.renew(keyOf('T0'), renew, keyOf), memo.renew(keyOf('T0'), renew, keyOf)]);
		expect(shared).toEqual(['T1', 'T1']);
		expect(await memo.renew(keyOf('T1'), renew, keyOf)).toBe('T2');
		expect(await memo.renew(keyOf('T0'), renew, keyOf)).toBe('T2'); // late: follows T0 → T1 → T2
		expect(calls).toBe(2);
	});

	test('a failed renewal is forgotten, so the next caller tries again', async () => {
		const memo = new RenewalMemo<string>(8);
		await expect(memo.renew(keyOf('T0'), async () => await Promise.reject(new Error('refused')), keyOf)).rejects.toThrow('refused');
		expect(await memo.renew(keyOf('T0'), async () => 'T1', keyOf)).toBe('T1');
	});

	test('bounded: the oldest tokens are evicted first', async () => {
		const memo = new RenewalMemo<string>(3);
		for (let i = 0; i < 10; i++) await memo.renew(RenewalMemo.key('conn', `old-${i}`), async () => `new-${i}`, (t) => RenewalMemo.key('other', t));
		expect(memo.size).toBe(3);
		let renewed = false;
		await memo.renew(RenewalMemo.key('conn', 'old-0'), async () => ((renewed = true), 'again'), keyOf);
		expect(renewed).toBe(true);
	});
});
