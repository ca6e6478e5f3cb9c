/**
 * The one Worksection Trigger (nodes/WorksectionTrigger): Delivery "Polling" reads the activity log on a
 * schedule, Delivery "Webhook" registers a webhook; each mode leaves the other's machinery idle. The webhook
 * description is evaluated with n8n-workflow's own expression code, as n8n's WebhookService does when it decides
 * which webhooks a node has; poll(), the hooks and webhook() run in n8n-core's real contexts (node-runner.ts).
 * The old, hidden Worksection Webhook Trigger type gets the same webhook checks as the merged node's webhook mode.
 */
import '../harness/env';

import crypto from 'crypto';

import nock from 'nock';
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { WorksectionTrigger } from '../../../nodes/WorksectionTrigger/WorksectionTrigger.node';
import { WorksectionWebhookTrigger } from '../../../nodes/WorksectionWebhookTrigger/WorksectionWebhookTrigger.node';
import { worksectionOperations } from '../../../shared/operations/worksection';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import { oneNodeWorkflow } from '../harness/one-node-workflow';
import { activate, expectRefusedDelivery } from './helpers/webhook';
import { jsonOf, NodeRunner } from './node-runner';

const TOKEN = 'ws-access';
const CREDENTIAL = 'worksectionOAuth2Api';
const ACCOUNT = 'https://acme.worksection.com';
const ok = (extra: object = {}) => ({ status: 'ok', ...extra });
const oauth = <T extends NodeRunner>(runner: T) => runner.useOAuth2(CREDENTIAL, { access_token: TOKEN, refresh_token: 'ws-refresh', account_url: ACCOUNT });
const event = (action: string, type: string, id: number, date: string) => ({ action, object: { type, id, page: `/${type}/${id}/` }, date_added: date });
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

/** A strict mock of the activity log: one get_events call (period 1d, as every poll asks) per answer, in order. */
function eventLog(...answers: object[][]) {
	const mock = strictVendorMock('worksection');
	for (const data of answers) mock.expectApiCall({ method: 'GET', path: '', token: TOKEN, query: { action: 'get_events', period: '1d' }, reply: ok({ data }) });
	return mock;
}

/** A node of `nodeType` in a Workflow, which fills the parameter defaults from the description as n8n does. */
function workflowWith(nodeType: INodeType, parameters: INodeParameters) {
	return oneNodeWorkflow(nodeType, { id: 'n1', name: 'Trigger', webhookId: 'hook-1', parameters: { authentication: CREDENTIAL, ...parameters } }, { id: 'wf-1' });
}

/**
 * The default webhook's fields as n8n's WebhookService.getNodeWebhooks evaluates them for this node
 * (github.com/n8n-io/n8n packages/cli/src/webhooks/webhook.service.ts: `getSimpleParameterValue(node, field,
 * 'internal', {})`; a method that evaluates to '' yields no webhook), and whether n8n polls the node at all.
 */
function whatN8nSees(nodeType: INodeType, parameters: INodeParameters) {
	const { workflow, node } = workflowWith(nodeType, parameters);
	const [hook] = nodeType.description.webhooks ?? [];
	const evaluate = (field: 'httpMethod' | 'ndvHideUrl') => workflow.expression.getSimpleParameterValue(node, hook[field] as string, 'internal', {}, undefined, undefined);
	return {
		methods: String(evaluate('httpMethod')).split(',').filter((m) => m.trim() !== ''),
		urlHidden: evaluate('ndvHideUrl'),
		polled: workflow.getPollNodes().map((n) => n.name),
	};
}

describe('Worksection Trigger: one node, Delivery chooses polling or webhook', () => {
	const trigger = new WorksectionTrigger();

	test('the node panel offers one Worksection trigger: the webhook trigger type is hidden, both load', () => {
		expect(trigger.description.hidden).toBeUndefined();
		expect(new WorksectionWebhookTrigger().description.hidden).toBe(true);
		expect(trigger.description.name).toBe('worksectionTrigger');
		expect(trigger.description.polling).toBe(true);
	});

	test.each([
		['a workflow saved before Delivery existed (no delivery stored)', { event: 'newEvent', kinds: ['post_task'] }, [], true],
		['Delivery: Polling', { delivery: 'polling', event: 'newEvent' }, [], true],
		['Delivery: Webhook', { delivery: 'webhook', events: ['post_task'] }, ['POST'], false],
	])('%s: webhooks n8n registers and whether the URL box shows', (_name, parameters, methods, urlHidden) => {
		const seen = whatN8nSees(trigger, parameters as INodeParameters);
		expect(seen.methods).toEqual(methods);
		expect(seen.urlHidden).toBe(urlHidden);
		// n8n schedules poll() for every node whose type has one (packages/workflow/src/workflow.ts getPollNodes);
		// in webhook mode that poll is the no-op tested below.
		expect(seen.polled).toEqual(['Trigger']);
	});

	test('the old webhook trigger type still gives n8n its POST webhook', () => {
		expect(whatN8nSees(new WorksectionWebhookTrigger(), { events: ['post_task'] }).methods).toEqual(['POST']);
	});

	test('each mode shows its own fields: Trigger On and Event Types for polling, Trigger On and Project IDs for webhook', () => {
		const shown = (parameters: INodeParameters) => Object.keys(workflowWith(trigger, parameters).node.parameters).sort();
		expect(shown({})).toEqual(['authentication', 'delivery', 'event', 'kinds', 'filters'].sort());
		expect(shown({ delivery: 'webhook' })).toEqual(['authentication', 'delivery', 'events', 'options', 'webhookDeliveryNotice'].sort());
	});

	test('the webhook events are the polling Event Types (the kinds a delivery sample is filtered by)', () => {
		const polled = worksectionOperations.polling?.find((e) => e.value === worksectionOperations.webhook?.sampleFrom);
		expect(polled?.kindFilter?.options.map((o) => o.value).sort()).toEqual(worksectionOperations.webhook?.events.map((o) => o.value).sort());
	});
});

describe('Worksection Trigger, Delivery: Polling (get_events)', () => {
	test.each([
		['Delivery: Polling', { delivery: 'polling' }],
		['a workflow saved before Delivery existed (no delivery stored) polls as before', {}],
	])('%s: emits events newer than the last poll, of the chosen kinds only', async (_name, delivery) => {
		const runner = oauth(new NodeRunner(new WorksectionTrigger()));
		const params = { ...delivery, event: 'newEvent', kinds: ['post_task', 'post_comment'] };
		const e1 = event('post', 'task', 50, '2024-03-04 10:00');
		const e2 = event('update', 'task', 50, '2024-03-04 10:05');
		const e3 = event('post', 'comment', 700, '2024-03-04 10:07');
		const e4 = event('close', 'task', 50, '2024-03-04 10:07');
		const e5 = event('post', 'task', 51, '2024-03-04 10:09');
		const mock = eventLog([e2, e1], [e4, e3, e2, e1], [e5, e4, e3, e2, e1]);
		expect(await runner.poll(params)).toBeNull();
		expect(jsonOf(await runner.poll(params))).toEqual([e3]); // e4, as new as e3, is a close_task: not chosen
		expect(jsonOf(await runner.poll(params))).toEqual([e5]);
		mock.done();
	});

	test('polling mode never registers a webhook: create is not reached because n8n sees none (above); poll reads the log', async () => {
		const runner = oauth(new NodeRunner(new WorksectionTrigger()));
		const newest = event('post', 'project', 9, '2024-03-04 11:00');
		const mock = eventLog([newest]);
		expect(jsonOf(await runner.poll({ delivery: 'polling', event: 'newEvent', kinds: ['post_project'] }, 'manual'))).toEqual([newest]);
		mock.done();
	});
});

const PASS = Buffer.alloc(24, 9);
const WEBHOOK_EVENTS = { events: ['post_task', 'post_comment'], options: { projects: '5, 6' } };

/** `nodeType` activated with `params`: add_webhook answered with webhook 31, the Basic auth password is PASS. */
async function activated(nodeType: INodeType, params: INodeParameters) {
	jest.spyOn(crypto, 'randomBytes').mockImplementation((() => PASS) as never);
	const runner = oauth(new NodeRunner(nodeType));
	const registration = strictVendorMock('worksection').expectApiCall({
		method: 'POST',
		path: '',
		token: TOKEN,
		query: { action: 'add_webhook', url: runner.webhookUrl(), events: 'post_task,post_comment', projects: '5,6', http_user: 'n8n', http_pass: PASS.toString('hex') },
		reply: ok({ id: 31 }),
	});
	return await activate(runner, params, registration);
}

// The merged trigger in webhook mode and the old, hidden webhook trigger type (kept so saved workflows still
// run) must behave alike: same registration, same delivery check, same clean-up.
describe.each([
	['Worksection Trigger, Delivery: Webhook', () => new WorksectionTrigger(), { delivery: 'webhook', ...WEBHOOK_EVENTS }],
	['Worksection Webhook Trigger (the old type)', () => new WorksectionWebhookTrigger(), WEBHOOK_EVENTS],
] as Array<[string, () => INodeType, INodeParameters]>)('%s', (_name, nodeType, params) => {
	afterEach(() => jest.restoreAllMocks());

	test('activation registers add_webhook with the URL, the chosen events and Basic auth credentials', async () => {
		const runner = await activated(nodeType(), params);
		expect(runner.staticData).toEqual({ 'node:Node': { webhookId: '31', user: 'n8n', secret: PASS.toString('hex') } });
	});

	test('a delivery with the right Basic auth emits each event and answers {"status":"OK"}', async () => {
		const runner = await activated(nodeType(), params);
		const events = [event('post', 'task', 50, '2024-03-04 10:00'), event('post', 'comment', 700, '2024-03-04 10:07')];
		const { result } = await runner.deliver(params, { headers: { Authorization: basic('n8n', PASS.toString('hex')) }, body: events });
		expect(result.webhookResponse).toEqual({ status: 'OK' });
		expect(jsonOf(result.workflowData![0])).toEqual(events);
	});

	test('a delivery without the right Basic auth (none, a wrong password) is refused with 401 and starts nothing', async () => {
		const runner = await activated(nodeType(), params);
		const events = [event('post', 'task', 50, '2024-03-04 10:00')];
		await expectRefusedDelivery(runner, params, { headers: {}, body: events });
		await expectRefusedDelivery(runner, params, { headers: { Authorization: basic('n8n', 'guess') }, body: events });
	});

	test('checkExists: true for our webhook; a stale one for our URL is removed', async () => {
		const runner = await activated(nodeType(), params);
		const mine = strictVendorMock('worksection').expectApiCall({
			method: 'GET',
			path: '',
			token: TOKEN,
			query: { action: 'get_webhooks' },
			reply: ok({ data: [{ id: 31, url: runner.webhookUrl() }] }),
		});
		expect(await runner.hook('checkExists', params)).toBe(true);
		mine.done();
		nock.cleanAll();
		const stale = strictVendorMock('worksection')
			.expectApiCall({ method: 'GET', path: '', token: TOKEN, query: { action: 'get_webhooks' }, reply: ok({ data: [{ id: 3, url: runner.webhookUrl() }, { id: 4, url: 'https://elsewhere.example.com/hook' }] }) })
			.expectApiCall({ method: 'POST', path: '', token: TOKEN, query: { action: 'delete_webhook', id: '3' }, reply: ok() });
		runner.staticData['node:Node'] = {};
		expect(await runner.hook('checkExists', params)).toBe(false);
		stale.done();
	});

	test('deactivation deletes the webhook and forgets its secret', async () => {
		const runner = await activated(nodeType(), params);
		const mock = strictVendorMock('worksection').expectApiCall({ method: 'POST', path: '', token: TOKEN, query: { action: 'delete_webhook', id: '31' }, reply: ok() });
		expect(await runner.hook('delete', params)).toBe(true);
		mock.done();
		expect(runner.staticData['node:Node']).toEqual({});
	});
});

describe('Worksection Trigger, Delivery: Webhook: what its poll() does', () => {
	const params = { delivery: 'webhook', ...WEBHOOK_EVENTS };

	afterEach(() => jest.restoreAllMocks());

	test('the scheduled poll does nothing in webhook mode: no request, no execution', async () => {
		const runner = await activated(new WorksectionTrigger(), params);
		// Any request would meet no interceptor and fail the poll; the strict mock records it as well.
		const mock = strictVendorMock('worksection');
		expect(await runner.poll(params)).toBeNull();
		mock.done();
	});

	test('a manual run (n8n calls poll() for a test delivery too) shows the newest activity-log entry of the chosen events', async () => {
		const runner = oauth(new NodeRunner(new WorksectionTrigger()));
		const chosen = event('post', 'comment', 700, '2024-03-04 10:07');
		const other = event('post', 'project', 5, '2024-03-04 10:09'); // newer, but not a chosen event
		const mock = eventLog([other, chosen]);
		expect(jsonOf(await runner.poll(params, 'manual'))).toEqual([chosen]);
		mock.done();
	});
});
