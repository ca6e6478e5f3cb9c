/**
 * REST hook triggers generated from the catalogue's webhook registration: subscribe with Zapier's target
 * URL, verify deliveries with the registration's secret, unsubscribe. WebWork against its strict mock; the
 * Basic-auth variant (Worksection's verification) through a copy of its catalogue without the response
 * contract that keeps it off Zapier.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';

import { worksectionOperations } from '../../shared/operations/worksection';
import { vendors } from '../../shared/vendors';
import { catalogueOperations } from '../../zapier/operations';
import { HOOK_TRIGGER_KEY } from '../../zapier/operations/plan';
import { strictVendorMock } from '../mocks/vendor-mocks';
import { failure, harness, resetEnv } from './harness';
import { ACCOUNT_URL, connection, inputsOf, operations } from './operations-helpers';

beforeEach(resetEnv);

const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc/';
type Operation = { perform: unknown; performSubscribe: unknown; performUnsubscribe: unknown };

describe('WebWork Tracker: New Webhook Event', () => {
	const { h, run, token } = operations('webwork-tracker');
	const hook = h.app.triggers[HOOK_TRIGGER_KEY].operation as unknown as Operation;
	const subscribeData = { id: '31', secret: 'hook-secret-1', carry: { workspace_id: 12 } };

	test('is a hook trigger with the events and the workspace as inputs', () => {
		expect(h.app.triggers[HOOK_TRIGGER_KEY].operation).toMatchObject({ type: 'hook' });
		const inputs = inputsOf(h.app.triggers[HOOK_TRIGGER_KEY]);
		expect(inputs.events).toMatchObject({ required: true, list: true });
		expect(inputs.workspaceId).toMatchObject({ required: true, dynamic: 'dropdown_workspaces.id.name' });
	});

	test('subscribing registers the target URL and keeps the id, the secret and the workspace for later', async () => {
		const mock = strictVendorMock('webwork-tracker').expectApiCall({
			method: 'POST',
			path: '/webhooks',
			token,
			body: { url: TARGET, events: ['project.created', 'member.invited'], workspace_id: 12 },
			reply: { success: true, data: { id: 31, url: TARGET, events: ['project.created', 'member.invited'], token: 'hook-secret-1' } },
		});
		const result = await run(hook.performSubscribe, { targetUrl: TARGET, inputData: { events: ['project.created', 'member.invited'], workspaceId: '12' } });
		mock.done();
		expect(result).toEqual(subscribeData);
	});

	test('an answer without a token is refused and the half-made webhook removed', async () => {
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'POST', path: '/webhooks', token, body: { url: TARGET, events: ['project.created'], workspace_id: 12 }, reply: { success: true, data: { id: 32 } } })
			.expectApiCall({ method: 'DELETE', path: '/webhooks/32', token, query: { workspace_id: '12' }, reply: { success: true } });
		const error = await failure(run(hook.performSubscribe, { targetUrl: TARGET, inputData: { events: 'project.created', workspaceId: '12' } }));
		mock.done();
		expect(error.message).toContain('no webhook token');
	});

	test('a delivery carrying the token gives its event, with an id', async () => {
		const delivery = { event: 'project.created', workspace_id: 12, data: { id: 7, name: 'Apollo' }, timestamp: '2024-03-05T10:00:00Z' };
		const result = (await run(hook.perform, { subscribeData, cleanedRequest: delivery, rawRequest: { headers: { 'Http-X-Webhook-Token': 'hook-secret-1' } } })) as Array<Record<string, unknown>>;
		expect(result).toHaveLength(1);
		expect(result[0]).toMatchObject(delivery);
		expect(typeof result[0].id).toBe('string');
		// the same delivery twice has the same id
		const again = (await run(hook.perform, { subscribeData, cleanedRequest: delivery, rawRequest: { headers: { 'x-webhook-token': 'hook-secret-1' } } })) as Array<Record<string, unknown>>;
		expect(again[0].id).toBe(result[0].id);
	});

	test('a delivery without the right token is halted, not passed on', async () => {
		for (const headers of [{}, { 'Http-X-Webhook-Token': 'guess' }]) {
			const error = await failure(run(hook.perform, { subscribeData, cleanedRequest: { event: 'project.created' }, rawRequest: { headers } }));
			expect(error.name).toBe('HaltedError');
		}
	});

	test('unsubscribing deletes the webhook in its workspace; one already gone is fine', async () => {
		const mock = strictVendorMock('webwork-tracker')
			.expectApiCall({ method: 'DELETE', path: '/webhooks/31', token, query: { workspace_id: '12' }, reply: { success: true, data: null } })
			.expectApiCall({ method: 'DELETE', path: '/webhooks/31', token, query: { workspace_id: '12' }, status: 404, reply: { success: false, message: 'Webhook not found.' } });
		expect(await run(hook.performUnsubscribe, { subscribeData })).toEqual({ id: '31', deleted: true });
		expect(await run(hook.performUnsubscribe, { subscribeData })).toEqual({ id: '31', deleted: true });
		mock.done();
	});
});

describe('Basic-auth verification (Worksection\'s kind), through a catalogue copy without a response contract', () => {
	const { response: _response, ...webhook } = worksectionOperations.webhook ?? ({} as NonNullable<typeof worksectionOperations.webhook>);
	const generated = catalogueOperations(vendors.worksection, { ...worksectionOperations, webhook });
	const hook = generated.triggers[HOOK_TRIGGER_KEY].operation as unknown as {
		perform: (z: ZObject, b: Bundle) => Promise<unknown>;
		performSubscribe: (z: ZObject, b: Bundle) => Promise<Record<string, string>>;
	};
	const h = harness('worksection');
	const run = <T>(fn: (z: ZObject, b: Bundle) => Promise<T>, bundle: Record<string, unknown>) =>
		h.run(async (z: ZObject, b: Bundle) => fn(z, b), { authData: connection('worksection', 't'), ...bundle }) as Promise<T>;

	test('subscribe sends user and a random password with the action; only they verify a delivery', async () => {
		let query: Record<string, string> = {};
		nock(ACCOUNT_URL)
			.post('/api/oauth2')
			.query((q) => {
				query = q as Record<string, string>;
				return true;
			})
			.reply(200, { status: 'ok', id: 77 });
		const subscription = await run(hook.performSubscribe, { targetUrl: TARGET, inputData: { events: ['post_task', 'close_task'], projects: '5, 6' } });
		expect(query).toMatchObject({ action: 'add_webhook', url: TARGET, events: 'post_task,close_task', projects: '5,6', http_user: 'zapier' });
		expect(query.http_pass).toMatch(/^[0-9a-f]{48}$/);
		expect(subscription).toEqual({ id: '77', user: 'zapier', secret: query.http_pass, carry: {} });

		const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
		const events = [{ action: 'post', object: { type: 'task', id: '1' } }, { action: 'close', object: { type: 'task', id: '1' } }];
		const delivered = (await run(hook.perform, { subscribeData: subscription, cleanedRequest: events, rawRequest: { headers: { 'Http-Authorization': basic('zapier', query.http_pass) } } })) as unknown[];
		expect(delivered).toHaveLength(2); // Worksection delivers an array of events
		const forged = await failure(run(hook.perform, { subscribeData: subscription, cleanedRequest: events, rawRequest: { headers: { Authorization: basic('zapier', 'nope') } } }));
		expect(forged.name).toBe('HaltedError');
	});
});
