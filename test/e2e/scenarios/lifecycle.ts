import { randomUUID } from 'node:crypto';

import { activate, deactivate, executionsOf, waitForNewExecution } from '../lib/activation';
import type { CredentialRef, ExecutionResult, Workflow, WorkflowSpec } from '../lib/n8n-client';
import { worksectionAdmin } from '../lib/vendor-api';
import { waitFor } from '../lib/wait';
import { ACTION, TRIGGER as MANUAL } from '../lib/workflow';
import { worksectionAccountUrl } from '../sandbox-overwrites';
import type { Json, VendorCase } from '../vendors';
import type { SuiteContext } from './context';

/**
 * Token lifecycle in the contexts n8n refreshes in outside a manual run, and n8n's own HTTP Request node:
 * - Worksection refreshes at /oauth2/refresh from a polling trigger of an active workflow (nothing else runs),
 *   a dropdown (loadOptions) and webhook activation/deactivation, each after an access-token expiry;
 * - every OAuth2 credential in the HTTP Request node ("Predefined Credential Type"), including a refresh.
 */

interface LogEntry {
	method: string;
	path: string;
	query?: Record<string, string>;
	status: number;
}

const POLL_TRIGGER = 'Poll Trigger';
const WORKSECTION_REFRESH = /\/oauth2\/refresh$/;
const WORKSECTION_TOKEN = /\/oauth2\/token$/;

/** The vendor's token-endpoint requests since `from` log entries. */
async function tokenRequestsSince(ctx: SuiteContext, vendor: string, from: number): Promise<LogEntry[]> {
	return ((await ctx.sandbox.log(vendor)) as LogEntry[]).slice(from).filter((e) => /oauth|token|refresh/.test(e.path) && e.method === 'POST');
}

const logLength = async (ctx: SuiteContext, vendor: string) => (await ctx.sandbox.log(vendor)).length;

/** Exactly one accepted refresh, at /oauth2/refresh, and no request at /oauth2/token. */
async function expectOneWorksectionRefresh(ctx: SuiteContext, from: number): Promise<void> {
	const calls = await tokenRequestsSince(ctx, 'worksection', from);
	const refreshes = calls.filter((e) => WORKSECTION_REFRESH.test(e.path));
	const wrong = calls.filter((e) => WORKSECTION_TOKEN.test(e.path));
	const describe = calls.map((e) => `${e.method} ${e.path} → ${e.status}`).join('; ') || 'none';
	if (wrong.length > 0) throw new Error(`a refresh went to /oauth2/token: ${describe}`);
	if (refreshes.length !== 1 || refreshes[0].status !== 200) throw new Error(`expected one accepted POST /oauth2/refresh, got: ${describe}`);
}

function requireCredential(credential: CredentialRef | undefined): CredentialRef {
	if (!credential) throw new Error('not run: the OAuth2 credential did not pass its checks');
	return credential;
}

/** A 6-field cron firing once a minute, `lead` seconds or more from now (n8n refuses sub-minute polls). */
function cronSoon(leadSeconds: number): string {
	const second = (new Date().getUTCSeconds() + leadSeconds) % 60;
	return `${second} * * * * *`;
}

function pollWorkflow(credential: CredentialRef, cron: string): WorkflowSpec {
	return {
		name: 'e2e worksection poll across an expiry',
		nodes: [
			{
				id: randomUUID(),
				name: POLL_TRIGGER,
				type: 'n8n-nodes-worktools.worksectionTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					authentication: credential.type,
					event: 'newEvent',
					kinds: ['post_project'],
					pollTimes: { item: [{ mode: 'custom', cronExpression: cron }] },
				},
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
	};
}

/** Worksection's token lifecycle where no workflow execution is running. */
export async function worksectionRefreshScenario(ctx: SuiteContext, worksection: CredentialRef | undefined): Promise<void> {
	const { client, sandbox } = ctx;
	await ctx.report.group(async (check) => {
		await check('worksection: an active workflow whose only trigger is the polling trigger keeps firing across an access-token expiry (refresh at /oauth2/refresh)', async () => {
			const credential = requireCredential(worksection);
			// The first poll after activation remembers the backlog; the cron poll after it must emit what is new.
			const workflow = await client.createWorkflow(pollWorkflow(credential, cronSoon(30)));
			let active = false;
			try {
				const beforeActivation = await logLength(ctx, 'worksection');
				await activate(client, workflow);
				active = true;
				await waitFor(
					'the first poll after activation',
					async () => ((await sandbox.log('worksection')) as LogEntry[]).slice(beforeActivation).find((e) => e.query?.action === 'get_events' && e.status === 200),
					70_000,
					500,
				);
				const seen = new Set((await executionsOf(client, workflow)).map((e) => e.id));
				await sandbox.expire('worksection');
				const from = await logLength(ctx, 'worksection');
				const title = `e2e project after expiry ${Date.now()}`;
				await worksectionAdmin(sandbox.url, 'post_project', { title });
				const result = await waitForNewExecution(client, workflow, seen, 75_000);
				if (result.status !== 'success') throw new Error(`the poll's execution ${result.id} ${result.status}: ${result.error}`);
				const names = result.items(POLL_TRIGGER).map((i) => (i as { new?: { name?: string } }).new?.name);
				if (!names.includes(title)) throw new Error(`the poll after the expiry emitted ${JSON.stringify(names)}, not "${title}"`);
				await expectOneWorksectionRefresh(ctx, from);
			} finally {
				if (active) await deactivate(client, workflow).catch(() => undefined);
			}
		});
	});
	await ctx.report.group(async (check) => {
		await check('worksection: a dropdown (loadOptions: projects) loads after an access-token expiry (refresh at /oauth2/refresh)', async () => {
			const credential = requireCredential(worksection);
			await sandbox.expire('worksection');
			const from = await logLength(ctx, 'worksection');
			const options = await client.call<{ name: string; value: unknown }[]>('POST', '/rest/dynamic-node-parameters/options', {
				nodeTypeAndVersion: { name: 'n8n-nodes-worktools.worksection', version: 1 },
				methodName: 'projects',
				path: 'parameters.projectId',
				currentNodeParameters: { authentication: credential.type, resource: 'task', operation: 'getAll' },
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			});
			if (!Array.isArray(options) || options.length === 0) throw new Error(`the dropdown loaded no options: ${JSON.stringify(options).slice(0, 300)}`);
			await expectOneWorksectionRefresh(ctx, from);
		});
	});
	await ctx.report.group(async (check) => {
		await check('worksection: webhook activation and deactivation each refresh an expired token at /oauth2/refresh', async () => {
			const credential = requireCredential(worksection);
			const webhookId = randomUUID();
			const workflow = await client.createWorkflow({
				name: 'e2e worksection webhook after expiry',
				nodes: [
					{
						id: randomUUID(),
						name: 'Webhook Trigger',
						type: 'n8n-nodes-worktools.worksectionTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: { authentication: credential.type, delivery: 'webhook', events: ['post_project'] },
						credentials: { [credential.type]: { id: credential.id, name: credential.name } },
						webhookId,
					},
				],
				connections: {},
			});
			// The request with the expired token gets a 401; n8n refreshes and sends it again.
			const answered = async (from: number, action: string): Promise<LogEntry> =>
				waitFor(
					`an accepted ${action} request`,
					async () => ((await sandbox.log('worksection')) as LogEntry[]).slice(from).find((e) => e.query?.action === action && e.status === 200),
					10_000,
					200,
				);
			let active = false;
			try {
				await sandbox.expire('worksection');
				let from = await logLength(ctx, 'worksection');
				await activate(client, workflow);
				active = true;
				await answered(from, 'add_webhook');
				await expectOneWorksectionRefresh(ctx, from);
				await sandbox.expire('worksection');
				from = await logLength(ctx, 'worksection');
				await deactivate(client, workflow);
				active = false;
				await answered(from, 'delete_webhook');
				await expectOneWorksectionRefresh(ctx, from);
			} finally {
				if (active) await deactivate(client, workflow).catch(() => undefined);
			}
		});
	});
}

/** What an n8n user types into the HTTP Request node to call the vendor's API with our credential. */
interface HttpRequestCall {
	url: (sandboxUrl: string) => string;
	query?: Record<string, string>;
	/** Headers the vendor wants that the credential cannot add there (the credential's notice names them). */
	headers?: Record<string, string>;
	check: (items: Json[]) => string | undefined;
}

/** undefined: n8n's HTTP Request node cannot apply the vendor's token placement (the credential says so). */
const HTTP_REQUEST_CALLS: Record<string, HttpRequestCall | undefined> = {
	// ?token= only: the HTTP Request node sends a Bearer header, which Weekdone's API does not read.
	weekdone: undefined,
	worksection: {
		url: (sb) => `${worksectionAccountUrl(sb)}/api/oauth2`,
		query: { action: 'get_projects' },
		check: (items) => (items[0]?.status === 'ok' ? undefined : `expected status "ok", got ${JSON.stringify(items[0]).slice(0, 200)}`),
	},
	worktual: {
		url: (sb) => `${sb}/worktual/services/ccaas/v1/contacts`,
		query: { limit: '1' },
		check: (items) => (items.length > 0 ? undefined : 'no output'),
	},
	'webwork-tracker': {
		url: (sb) => `${sb}/webwork-tracker/api/v2/workspaces`,
		check: (items) => (items.length > 0 ? undefined : 'no output'),
	},
	wordapp: {
		url: (sb) => `${sb}/wordapp/oauth/token/info`,
		headers: { 'X-Api-Version': 'application/vnd.wordapp-v1+json' },
		check: (items) => (items[0] && 'scope' in items[0] ? undefined : `expected token info, got ${JSON.stringify(items[0]).slice(0, 200)}`),
	},
};

function httpRequestWorkflow(vendor: string, credential: CredentialRef, url: string, call: Partial<HttpRequestCall>): WorkflowSpec {
	const pairs = (record: Record<string, string> | undefined) => ({ parameters: Object.entries(record ?? {}).map(([name, value]) => ({ name, value })) });
	return {
		name: `e2e ${vendor} HTTP Request node`,
		nodes: [
			{ id: randomUUID(), name: MANUAL, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: randomUUID(),
				name: ACTION,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					method: 'GET',
					url,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: credential.type,
					sendQuery: call.query !== undefined,
					queryParameters: pairs(call.query),
					sendHeaders: call.headers !== undefined,
					headerParameters: pairs(call.headers),
					options: {},
				},
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
		],
		connections: { [MANUAL]: { main: [[{ node: ACTION, type: 'main', index: 0 }]] } },
	};
}

/** The notice texts of a credential type as n8n serves them to the editor. */
async function credentialNotices(ctx: SuiteContext, type: string): Promise<string[]> {
	const types = await ctx.client.credentialTypes();
	const found = types.find((t) => t.name === type);
	return (found?.properties ?? []).filter((p) => p.type === 'notice').map((p) => p.displayName);
}

/**
 * n8n's HTTP Request node with the vendor's OAuth2 credential: a call, then an expiry and a call that n8n
 * refreshes for (refreshing vendors). Where the node cannot apply the vendor's rule, the credential's notice
 * must say so and point to Custom API Call, and the call must indeed be refused by the vendor.
 */
export async function httpRequestNodeScenario(ctx: SuiteContext, vendor: VendorCase, credential: CredentialRef | undefined): Promise<void> {
	const { client, sandbox } = ctx;
	const call = HTTP_REQUEST_CALLS[vendor.id];
	const type = vendor.oauth2.credentialType;
	await ctx.report.group(async (check) => {
		if (!call) {
			await check(`${vendor.id} ${type} in n8n's HTTP Request node: refused by the vendor, and the credential's notice points to Custom API Call`, async () => {
				const used = requireCredential(credential);
				const notices = await credentialNotices(ctx, type);
				if (!notices.some((n) => n.includes('HTTP Request node') && n.includes('Custom API Call'))) {
					throw new Error(`no notice about the HTTP Request node: ${JSON.stringify(notices)}`);
				}
				const workflow = await client.createWorkflow(httpRequestWorkflow(vendor.id, used, `${sandbox.url}/weekdone/api/1/company`, {}));
				const result = await client.run(workflow, MANUAL);
				if (result.status === 'success') throw new Error('the HTTP Request node succeeded, so the notice is wrong');
			});
			return;
		}
		const workflowOf = (used: CredentialRef) => client.createWorkflow(httpRequestWorkflow(vendor.id, used, call.url(sandbox.url), call));
		let workflow: Workflow | undefined;
		const runChecked = async (): Promise<ExecutionResult> => {
			if (!workflow) throw new Error('no workflow');
			const result = await client.run(workflow, MANUAL);
			if (result.status !== 'success') throw new Error(`execution ${result.id} ${result.status}: ${result.error}`);
			const problem = call.check(result.items(ACTION));
			if (problem) throw new Error(problem);
			return result;
		};
		await check(`${vendor.id} ${type} in n8n's HTTP Request node (Predefined Credential Type): the call is signed and answered`, async () => {
			workflow = await workflowOf(requireCredential(credential));
			await runChecked();
		});
		if (vendor.oauth2.refreshes) {
			await check(`${vendor.id} ${type} in n8n's HTTP Request node: an expired token is refreshed once`, async () => {
				await sandbox.expire(vendor.id);
				const before = await sandbox.stats(vendor.id);
				await runChecked();
				const after = await sandbox.stats(vendor.id);
				if (after.refreshes - before.refreshes !== 1 || after.tokenRejected !== before.tokenRejected) {
					throw new Error(`expected 1 refresh and no rejection, the sandbox saw ${after.refreshes - before.refreshes} and ${after.tokenRejected - before.tokenRejected}`);
				}
			});
		}
	});
}
