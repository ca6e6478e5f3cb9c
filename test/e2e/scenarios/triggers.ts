import { randomUUID } from 'node:crypto';

import { activate, deactivate, executionsOf, waitForNewExecution } from '../lib/activation';
import { jsonBody } from '../lib/http-session';
import type { CredentialRef, N8nClient, Workflow, WorkflowSpec } from '../lib/n8n-client';
import { waitFor } from '../lib/wait';
import { WEBWORK_PAT, webwork, worksectionAdmin } from '../lib/vendor-api';
import { ACTION, operation, singleActionWorkflow, TRIGGER as MANUAL } from '../lib/workflow';
import type { Json } from '../vendors';
import type { SuiteContext } from './context';

const TRIGGER = 'Trigger';
const WEBWORK_WORKSPACE = 1001;
const WORKSECTION_TRIGGER = 'n8n-nodes-worktools.worksectionTrigger';
/** The former webhook-only type: hidden from the node panel, kept so saved workflows still activate. */
const WORKSECTION_WEBHOOK_TRIGGER = 'n8n-nodes-worktools.worksectionWebhookTrigger';
const isWorksectionPoll = (e: SandboxLogEntry) => e.query?.action === 'get_events';

/** A workflow holding only one trigger node of ours (webhook triggers get a webhookId, as the editor gives them). */
function triggerWorkflow(name: string, type: string, parameters: Record<string, unknown>, credential: CredentialRef, webhookId?: string): WorkflowSpec {
	const node = {
		id: randomUUID(),
		name: TRIGGER,
		type,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: { authentication: credential.type, ...parameters },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		...(webhookId ? { webhookId } : {}),
	};
	return { name, nodes: [node], connections: {} };
}

function requireCredential(credential: CredentialRef | undefined): CredentialRef {
	if (!credential) throw new Error('not run: the OAuth2 credential did not pass its checks');
	return credential;
}

/** Runs the trigger node once in manual mode (n8n calls poll() once) and returns what it emitted. */
async function pollOnce(client: N8nClient, workflow: Workflow): Promise<Json[]> {
	const result = await client.run(workflow, TRIGGER);
	if (result.status !== 'success') throw new Error(`execution ${result.id} ${result.status}: ${result.error}`);
	return result.items(TRIGGER);
}

export type Credentials = Record<string, CredentialRef | undefined>;

/** Polling triggers: a record created after the workflow exists is what a manual poll emits. */
export async function pollingTriggerScenario(ctx: SuiteContext, credentials: Credentials): Promise<void> {
	const { client } = ctx;
	await ctx.report.group(async (check) => {
		await check('weekdone trigger: polls and emits a newly created item (newItem, manual run)', async () => {
			const credential = requireCredential(credentials.weekdone);
			const trigger = await client.createWorkflow(triggerWorkflow('e2e weekdone poll', 'n8n-nodes-worktools.weekdoneTrigger', { event: 'newItem' }, credential));
			const description = `e2e polled item ${Date.now()}`;
			const create = operation('item', 'create', { description, typeId: 1 });
			const writer = await client.createWorkflow(
				singleActionWorkflow('e2e weekdone item for the poll', { type: 'n8n-nodes-worktools.weekdone', parameters: create.parameters(credential.type), credential }),
			);
			const created = await client.run(writer, MANUAL);
			if (created.status !== 'success') throw new Error(`creating the item failed: ${created.error}`);
			const id = created.items(ACTION)[0]?.id;
			const items = await pollOnce(client, trigger);
			if (items.length === 0) throw new Error('the trigger emitted nothing');
			if (items[0].id !== id || items[0].description !== description) {
				throw new Error(`expected the new item ${String(id)} "${description}", got ${JSON.stringify(items[0]).slice(0, 300)}`);
			}
		});
	});
	await ctx.report.group(async (check) => {
		await check('worksection trigger: polls and emits a project created through the admin API (newEvent, manual run)', async () => {
			const credential = requireCredential(credentials.worksection);
			const trigger = await client.createWorkflow(
				triggerWorkflow('e2e worksection poll', WORKSECTION_TRIGGER, { event: 'newEvent', kinds: ['post_project'] }, credential),
			);
			const title = `e2e polled project ${Date.now()}`;
			const created = await worksectionAdmin(ctx.sandbox.url, 'post_project', { title });
			const id = (created.data as Json | undefined)?.id;
			const items = await pollOnce(client, trigger);
			const first = items[0] as { action?: string; object?: { type?: string; id?: unknown }; new?: Json } | undefined;
			if (!first) throw new Error('the trigger emitted nothing');
			if (first.action !== 'post' || first.object?.type !== 'project' || String(first.object?.id) !== String(id)) {
				throw new Error(`expected post_project of project ${String(id)}, got ${JSON.stringify(first).slice(0, 300)}`);
			}
		});
		await check('worksection trigger, Delivery: Polling (as saved before Delivery existed): activation polls the activity log and registers no webhook', async () => {
			const credential = requireCredential(credentials.worksection);
			// The editor gives the node a webhookId (its type describes a webhook); n8n must still register none.
			const webhookId = randomUUID();
			const workflow = await client.createWorkflow(
				triggerWorkflow('e2e worksection poll, activated', WORKSECTION_TRIGGER, { event: 'newEvent', kinds: ['post_project'] }, credential, webhookId),
			);
			const log = async () => (await ctx.sandbox.log('worksection')) as SandboxLogEntry[];
			const from = (await log()).length;
			await activate(client, workflow);
			try {
				// n8n polls once on activation to check the trigger works.
				await waitFor('the activation poll (get_events) at the worksection sandbox', async () => (await log()).slice(from).find(isWorksectionPoll), 10_000, 200);
				const webhookCalls = (await log()).slice(from).filter((e) => ['add_webhook', 'get_webhooks'].includes(e.query?.action ?? ''));
				if (webhookCalls.length > 0) throw new Error(`a polling node made webhook calls: ${JSON.stringify(webhookCalls)}`);
				const registered = ((await worksectionAdmin(ctx.sandbox.url, 'get_webhooks')).data as { url: string }[]).filter((h) => h.url.includes(webhookId));
				if (registered.length > 0) throw new Error(`a webhook is registered for the polling node: ${JSON.stringify(registered)}`);
			} finally {
				await deactivate(client, workflow);
			}
		});
		await check('worksection: n8n serves one Worksection trigger for the node panel; the former webhook trigger type is loaded but hidden', async () => {
			const res = await client.http.request('GET', `${client.baseUrl}/types/nodes.json`);
			if (res.status !== 200) throw new Error(`GET /types/nodes.json: HTTP ${res.status}`);
			const types = jsonBody<{ name: string; hidden?: boolean; polling?: boolean; webhooks?: unknown[] }[]>(res);
			const merged = types.find((t) => t.name === WORKSECTION_TRIGGER);
			const former = types.find((t) => t.name === WORKSECTION_WEBHOOK_TRIGGER);
			if (!merged || merged.hidden || !merged.polling || (merged.webhooks ?? []).length !== 1) {
				throw new Error(`worksectionTrigger should be a visible polling node with one webhook: ${JSON.stringify(merged && { hidden: merged.hidden, polling: merged.polling, webhooks: merged.webhooks })}`);
			}
			if (!former || former.hidden !== true) throw new Error(`worksectionWebhookTrigger should be loaded and hidden: ${JSON.stringify(former && { hidden: former.hidden })}`);
		});
	});
}

interface SandboxLogEntry {
	method: string;
	path: string;
	query?: Record<string, string>;
	status: number;
}

interface WebhookCase {
	vendor: 'worksection' | 'webwork-tracker';
	/** Shown in the check names (credential variant). */
	label: string;
	credential: (ctx: SuiteContext, credentials: Credentials) => Promise<CredentialRef>;
	nodeType: string;
	/** The node's registration / removal request in the sandbox log. */
	isCreate: (e: SandboxLogEntry) => boolean;
	isDelete: (e: SandboxLogEntry) => boolean;
	parameters: Record<string, unknown>;
	/** The vendor's registered webhook URLs (through its own API with the test secrets). */
	registered: (sandboxUrl: string) => Promise<string[]>;
	/** Causes the event outside n8n; returns a marker the delivered item must contain. */
	cause: (sandboxUrl: string) => Promise<string>;
	/** The marker from the emitted item, or undefined. */
	marker: (item: Json) => string | undefined;
	/** Requests the node must not make while active (the merged trigger's activity-log poll in webhook mode). */
	idle?: (e: SandboxLogEntry) => boolean;
}

function webworkCase(label: string, credential: WebhookCase['credential']): WebhookCase {
	return {
		vendor: 'webwork-tracker',
		label,
		credential,
		isCreate: (e) => e.method === 'POST' && e.path.endsWith('/webhooks'),
		isDelete: (e) => e.method === 'DELETE' && e.path.includes('/webhooks/'),
		nodeType: 'n8n-nodes-worktools.webworkTrackerTrigger',
		parameters: { events: ['project.created'], workspaceId: WEBWORK_WORKSPACE },
		registered: async (sb) =>
			((await webwork(sb, 'GET', '/webhooks', { query: { workspace_id: String(WEBWORK_WORKSPACE) } })).data as { url: string }[]).map((h) => h.url),
		cause: async (sb) => {
			const name = `e2e webhook project ${Date.now()}`;
			await webwork(sb, 'POST', '/projects', { body: { workspace_id: WEBWORK_WORKSPACE, name } });
			return name;
		},
		marker: (item) => {
			const event = item as { event?: string; data?: { name?: string } };
			return event.event === 'project.created' ? event.data?.name : undefined;
		},
	};
}

function worksectionCase(label: string, nodeType: string, parameters: Record<string, unknown>, idle?: WebhookCase['idle']): WebhookCase {
	return {
		vendor: 'worksection',
		label,
		credential: async (_ctx, credentials) => requireCredential(credentials.worksection),
		isCreate: (e) => e.query?.action === 'add_webhook',
		isDelete: (e) => e.query?.action === 'delete_webhook',
		nodeType,
		parameters,
		registered: async (sb) => ((await worksectionAdmin(sb, 'get_webhooks')).data as { url: string }[]).map((h) => h.url),
		cause: async (sb) => {
			const title = `e2e webhook project ${Date.now()}`;
			await worksectionAdmin(sb, 'post_project', { title });
			return title;
		},
		marker: (item) => {
			const event = item as { action?: string; object?: { type?: string }; new?: { name?: string } };
			return event.action === 'post' && event.object?.type === 'project' ? event.new?.name : undefined;
		},
		idle,
	};
}

const WEBHOOK_CASES: WebhookCase[] = [
	worksectionCase('worksection trigger, Delivery: Webhook (OAuth2)', WORKSECTION_TRIGGER, { delivery: 'webhook', events: ['post_project'] }, isWorksectionPoll),
	worksectionCase('worksection webhook trigger of a saved workflow (former type, hidden)', WORKSECTION_WEBHOOK_TRIGGER, { events: ['post_project'] }),
	webworkCase('webwork-tracker webhook trigger (OAuth2, default scopes)', async (_ctx, credentials) => requireCredential(credentials['webwork-tracker'])),
	webworkCase('webwork-tracker webhook trigger (personal access token)', async (ctx) =>
		ctx.client.createCredential('e2e webwork webhook PAT', 'webworkTrackerPersonalAccessTokenApi', { accessToken: WEBWORK_PAT }),
	),
];

/**
 * Webhook triggers in an active workflow: activation registers the n8n URL with the vendor, an event made
 * outside n8n is delivered and starts an execution carrying it, deactivation removes the registration.
 */
export async function webhookTriggerScenario(ctx: SuiteContext, credentials: Credentials): Promise<void> {
	const { client, sandbox } = ctx;
	/** The node's next request of the given kind after `from` log entries, once it has been answered. */
	const nodeRequest = async (c: WebhookCase, from: number, match: (e: SandboxLogEntry) => boolean, what: string): Promise<SandboxLogEntry> =>
		waitFor(`the ${what} request at the ${c.vendor} sandbox`, async () => ((await sandbox.log(c.vendor)) as SandboxLogEntry[]).slice(from).find(match), 10_000, 200);
	const logLength = async (c: WebhookCase) => (await sandbox.log(c.vendor)).length;

	for (const c of WEBHOOK_CASES) {
		let workflow: Workflow | undefined;
		let active = false;
		let activatedFrom = 0;
		const webhookId = randomUUID();
		const ours = (urls: string[]) => urls.filter((u) => u.includes(`/webhook/${webhookId}/`));
		await ctx.report.group(async (check) => {
			await check(`${c.label}: activation registers the n8n webhook with the vendor`, async () => {
				const credential = await c.credential(ctx, credentials);
				if (!ctx.nodeTypes.has(c.nodeType)) throw new Error(`node type ${c.nodeType} is not loaded by n8n`);
				workflow = await client.createWorkflow(triggerWorkflow(`e2e ${c.label}`, c.nodeType, c.parameters, credential, webhookId));
				const from = await logLength(c);
				await activate(client, workflow);
				active = true;
				// n8n 2.x may answer the activation before the trigger's create() has run: wait for its request.
				const created = await nodeRequest(c, from, c.isCreate, 'webhook registration');
				if (created.status >= 300) throw new Error(`the node's registration ${created.method} ${created.path} answered HTTP ${created.status}`);
				activatedFrom = from;
				const urls = await c.registered(sandbox.url);
				if (ours(urls).length !== 1) throw new Error(`expected one registration for webhook ${webhookId}, the vendor has: ${JSON.stringify(urls)}`);
				if (!ours(urls)[0].startsWith(`${client.baseUrl}/`)) throw new Error(`registered URL ${ours(urls)[0]} is not on n8n (${client.baseUrl})`);
			});
			await check(`${c.label}: an event made outside n8n starts an execution with the event`, async () => {
				if (!workflow) throw new Error('no workflow');
				const seen = new Set((await executionsOf(client, workflow)).map((e) => e.id));
				const before = await sandbox.stats(c.vendor);
				const marker = await c.cause(sandbox.url);
				const result = await waitForNewExecution(client, workflow, seen);
				if (result.status !== 'success') throw new Error(`execution ${result.id} ${result.status}: ${result.error}`);
				const items = result.items(TRIGGER);
				if (!items.some((i) => c.marker(i) === marker)) throw new Error(`execution ${result.id} lacks the event for "${marker}": ${JSON.stringify(items).slice(0, 300)}`);
				const after = await sandbox.stats(c.vendor);
				if (after.webhooksDelivered - before.webhooksDelivered < 1) throw new Error(`the sandbox counted no successful delivery (failed: ${after.webhooksFailed - before.webhooksFailed})`);
			});
			const idle = c.idle;
			if (idle) {
				await check(`${c.label}: the poll n8n runs at activation (and each minute) asks the vendor nothing in webhook mode`, async () => {
					if (!workflow) throw new Error('no workflow');
					const polled = ((await sandbox.log(c.vendor)) as SandboxLogEntry[]).slice(activatedFrom).filter(idle);
					if (polled.length > 0) throw new Error(`the node polled while in webhook mode: ${JSON.stringify(polled[0])}`);
				});
			}
			await check(`${c.label}: deactivation deletes the webhook at the vendor`, async () => {
				if (!workflow) throw new Error('no workflow');
				const from = await logLength(c);
				await deactivate(client, workflow);
				active = false;
				const removed = await nodeRequest(c, from, c.isDelete, 'webhook removal');
				const left = ours(await c.registered(sandbox.url));
				if (removed.status >= 300 || left.length > 0) {
					throw new Error(
						`the node's removal ${removed.method} ${removed.path} answered HTTP ${removed.status}; ${left.length > 0 ? `still registered: ${JSON.stringify(left)}` : 'nothing left registered'}`,
					);
				}
			});
		});
		// A failed check must not leave an active workflow behind (it would keep a registration at the vendor).
		if (active && workflow) await deactivate(client, workflow).catch(() => undefined);
	}
}
