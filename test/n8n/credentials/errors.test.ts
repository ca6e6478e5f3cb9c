/**
 * Errors reach the user as NodeApiError with the vendor's own message and the HTTP status, and never carry
 * a secret: not in the message, the description, or anything serialised with the error (its cause included).
 */
import nock from 'nock';
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toNodeApiError } from '../../../nodes/transport/errors';
import { vendorApiRequest, type VendorRequest } from '../../../nodes/transport/GenericFunctions';
import { vendors } from '../../../shared/vendors';
import type { VendorDefinition } from '../../../shared/types';
import { Engine } from '../harness/engine';
import { N8N_CALLBACK_URL } from '../harness/oauth-flow';
import { MOCK_CLIENT, strictVendorMock } from '../../mocks/vendor-mocks';

const node: INode = { id: 'n', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

function run(engine: Engine, vendor: VendorDefinition, type: string, id: string, request: VendorRequest) {
	return engine.execute(type, id, async function (this: IExecuteFunctions) {
		return await vendorApiRequest.call(this, vendor, type, request);
	});
}

/** Everything a user or a log could see of the error. */
function everything(error: unknown): string {
	const e = error as NodeApiError;
	const seen = new WeakSet<object>();
	const json = JSON.stringify(error, (_k, v: unknown) => {
		if (v && typeof v === 'object') {
			if (seen.has(v)) return undefined;
			seen.add(v);
		}
		return v;
	});
	return [e.message, e.description, json, JSON.stringify(e.context), String(e.cause && JSON.stringify(e.cause))].join('\n');
}

const SECRETS = ['AT-SECRET-1', 'RT-SECRET-1', MOCK_CLIENT.clientSecret];

function expectNoSecrets(error: unknown) {
	const text = everything(error);
	for (const secret of SECRETS) expect(text).not.toContain(secret);
}

test('a 500 whose body echoes the token: vendor message kept, token masked, no request config attached', async () => {
	const engine = new Engine();
	const ref = engine.addCredential('webworkTrackerOAuth2Api', { ...MOCK_CLIENT, oauthTokenData: { access_token: 'AT-SECRET-1', refresh_token: 'RT-SECRET-1' } });
	const mock = strictVendorMock('webwork-tracker').expectApiCall({
		method: 'GET',
		path: '/workspaces',
		token: 'AT-SECRET-1',
		status: 500,
		reply: { success: false, message: 'boom; token=AT-SECRET-1 was rejected' },
	});
	const error = await run(engine, vendors['webwork-tracker'], 'webworkTrackerOAuth2Api', ref.id, { method: 'GET', path: '/workspaces' }).catch((e: unknown) => e);
	mock.done();
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error).toMatchObject({ httpCode: '500', message: 'WebWork Tracker (HTTP 500): server error: boom; token=[redacted] was rejected' });
	expectNoSecrets(error);
});

test('a token in the query string (Weekdone) never shows, even in a transport failure naming the URL', async () => {
	const engine = new Engine();
	const ref = engine.addCredential('weekdoneOAuth2Api', {
		...MOCK_CLIENT,
		redirectUri: N8N_CALLBACK_URL,
		oauthTokenData: { access_token: 'AT-SECRET-1', refresh_token: 'RT-SECRET-1' },
	});
	// no interceptor: nock refuses the connection and names the URL, query included
	const error = await run(engine, vendors.weekdone, 'weekdoneOAuth2Api', ref.id, { method: 'GET', path: '/company' }).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(NodeApiError);
	expect((error as Error).message).toMatch(/^Weekdone: /);
	expectNoSecrets(error);
});

test('a refused refresh (invalid_grant): n8n\'s "needs to be reconnected", as a NodeApiError', async () => {
	const engine = new Engine();
	const ref = engine.addCredential('wordappOAuth2Api', { ...MOCK_CLIENT, oauthTokenData: { access_token: 'AT-SECRET-1', refresh_token: 'RT-SECRET-1' } });
	const mock = strictVendorMock('wordapp')
		.expectApiCall({ method: 'GET', path: '/me', token: 'AT-SECRET-1', status: 401, reply: { error: 'invalid_token' } })
		.expectRefresh({ refreshToken: 'RT-SECRET-1', status: 400, reply: { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' } });
	const error = await run(engine, vendors.wordapp, 'wordappOAuth2Api', ref.id, { method: 'GET', path: '/me' }).catch((e: unknown) => e);
	mock.done();
	expect(error).toBeInstanceOf(NodeApiError);
	expect((error as Error).message).toMatch(/^Wordapp: The credential .* needs to be reconnected\.$/);
	expectNoSecrets(error);
	expect(engine.credentials.persisted).toEqual([]);
});

test('404 and 429 keep the vendor message and status', async () => {
	const engine = new Engine();
	const ref = engine.addCredential('wordappOAuth2Api', { ...MOCK_CLIENT, oauthTokenData: { access_token: 'AT-SECRET-1' } });
	const mock = strictVendorMock('wordapp')
		.expectApiCall({ method: 'GET', path: '/projects/9', token: 'AT-SECRET-1', status: 404, reply: { error: 'not_found', error_description: 'Project 9 does not exist' } })
		.expectApiCall({ method: 'GET', path: '/projects', token: 'AT-SECRET-1', status: 429, reply: { message: 'Slow down' } });
	await expect(run(engine, vendors.wordapp, 'wordappOAuth2Api', ref.id, { method: 'GET', path: '/projects/9' })).rejects.toMatchObject({
		httpCode: '404',
		message: 'Wordapp (HTTP 404): Project 9 does not exist',
	});
	await expect(run(engine, vendors.wordapp, 'wordappOAuth2Api', ref.id, { method: 'GET', path: '/projects' })).rejects.toMatchObject({
		httpCode: '429',
		message: 'Wordapp (HTTP 429): rate limited (too many requests): Slow down',
	});
	mock.done();
});

describe('toNodeApiError on its own', () => {
	test('axios-like error: status and vendor message from the response, config (headers, URL) dropped', () => {
		const raw = Object.assign(new Error('Request failed with status code 403'), {
			config: { headers: { Authorization: 'Bearer AT-SECRET-1' }, url: 'https://x/y?token=AT-SECRET-1', data: `client_secret=${MOCK_CLIENT.clientSecret}` },
			response: { status: 403, data: { message: 'Forbidden for this workspace' } },
		});
		const error = toNodeApiError(node, vendors['webwork-tracker'], raw);
		expect(error).toMatchObject({ httpCode: '403', message: 'WebWork Tracker (HTTP 403): Forbidden for this workspace' });
		expect(error.description).toBe('WebWork Tracker answered: Forbidden for this workspace.');
		expectNoSecrets(error);
	});

	test('an already converted error passes through unchanged', () => {
		const first = toNodeApiError(node, vendors.worktual, { message: 'x', httpCode: 400 });
		expect(toNodeApiError(node, vendors.worktual, first)).toBe(first);
	});

	test('nested error objects and plain strings', () => {
		expect(toNodeApiError(node, vendors.wordapp, { response: { status: 422, data: { error: { message: 'Title is required' } } } }).message).toBe(
			'Wordapp (HTTP 422): Title is required',
		);
		expect(toNodeApiError(node, vendors.wordapp, 'socket hang up').message).toBe('Wordapp: socket hang up');
	});

	test('nock sanity: no interceptor left behind', () => {
		expect(nock.pendingMocks()).toEqual([]);
	});
});
