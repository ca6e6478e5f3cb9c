/**
 * What the OAuth2 credentials tell the user (n8n `notice` properties) and the Worktual array-token lift that
 * lets n8n's own signing (the HTTP Request node) find the token.
 */
import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { httpRequestNodeNotice, idleExpiryNotice, liftArrayTokenPreAuthentication, oAuth2Properties } from '../../../credentials/common';
import { WorktualOAuth2Api } from '../../../credentials/WorktualOAuth2Api.credentials';
import { vendors } from '../../../shared/vendors';

const notices = (id: keyof typeof vendors) =>
	Object.fromEntries(oAuth2Properties(vendors[id]).filter((p) => p.type === 'notice').map((p) => [p.name, p.displayName]));

describe('idle expiry: only where the vendor documents a refresh-token lifetime', () => {
	test.each([
		['webwork-tracker', 30],
		['worksection', 30],
	] as const)('%s: %i days, how to avoid it', (id, days) => {
		const text = notices(id).idleExpiryNotice;
		expect(text).toContain(`expire after ${days} days without use`);
		expect(text).toContain('reconnect it');
		expect(text).toMatch(/Schedule Trigger/);
	});

	test.each(['weekdone', 'worktual', 'wordapp'] as const)('%s: no lifetime documented, no notice', (id) => {
		expect(idleExpiryNotice(vendors[id])).toBeUndefined();
		expect(notices(id)).not.toHaveProperty('idleExpiryNotice');
	});
});

describe("n8n's HTTP Request node: what the credential cannot do there", () => {
	test('Weekdone (?token=): cannot be used, points to Custom API Call', () => {
		expect(httpRequestNodeNotice(vendors.weekdone)).toMatch(/cannot use this credential.*"token" query parameter.*Custom API Call/);
	});

	test('Wordapp: add X-Api-Version under Send Headers, or Custom API Call', () => {
		expect(httpRequestNodeNotice(vendors.wordapp)).toMatch(/X-Api-Version: application\/vnd\.wordapp-v1\+json yourself under Send Headers.*Custom API Call/);
	});

	test('Worktual: Bearer instead of the documented raw token; Worksection: the account address', () => {
		expect(httpRequestNodeNotice(vendors.worktual)).toMatch(/"Bearer <token>".*Custom API Call/);
		expect(httpRequestNodeNotice(vendors.worksection)).toContain('+ /api/oauth2');
	});

	test('WebWork Tracker: standard Bearer, nothing to say', () => {
		expect(httpRequestNodeNotice(vendors['webwork-tracker'])).toBeUndefined();
	});

	test('Worksection says to Disconnect before reconnecting a live grant (its token URL switches on it)', () => {
		expect(notices('worksection').reconnectNotice).toMatch(/click Disconnect first/);
		expect(notices('webwork-tracker')).not.toHaveProperty('reconnectNotice');
	});
});

describe('Worktual: the array token stored as {"0": …} is lifted for n8n signing', () => {
	const lift = new WorktualOAuth2Api().preAuthentication as NonNullable<ICredentialType['preAuthentication']>;
	const run = async (data: ICredentialDataDecryptedObject) => await lift.call({ helpers: {} } as never, data);

	test('lifts access_token to the top level and keeps the stored entry', async () => {
		const out = await run({ oauthTokenData: { 0: { access_token: 'OAUTH2.abc' } } } as never);
		expect(out).toEqual({ oauthTokenData: { 0: { access_token: 'OAUTH2.abc' }, access_token: 'OAUTH2.abc' } });
	});

	test('leaves a plain object, a missing or an empty token alone', async () => {
		expect(await run({ oauthTokenData: { access_token: 'plain' } } as never)).toEqual({});
		expect(await run({} as never)).toEqual({});
		expect(await run({ oauthTokenData: { 0: { access_token: '' } } } as never)).toEqual({});
		expect(await run({ oauthTokenData: { 0: 'x' } } as never)).toEqual({});
	});

	test('a vendor answering objects gets no lift', async () => {
		const weekdoneLift = liftArrayTokenPreAuthentication(vendors.weekdone);
		expect(await weekdoneLift({ oauthTokenData: { 0: { access_token: 'x' } } } as never)).toEqual({});
	});
});
