import '../harness/env';

import { ExecuteContext, HookContext, LoadOptionsContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, type Workflow } from 'n8n-workflow';

import { harnessAdditionalData } from '../harness/additional-data';
import { HarnessCredentialsHelper } from '../harness/credentials-helper';
import { oneNodeWorkflow } from '../harness/one-node-workflow';
import { MOCK_CLIENT } from '../../mocks/vendor-mocks';

/**
 * Runs one of our nodes inside n8n-core 2.41's real contexts (ExecuteContext, PollContext, LoadOptionsContext,
 * HookContext, WebhookContext), with the other engineer's credentials helper (test/n8n/harness) as the store.
 * So parameter defaults (Workflow fills them from the description), getNodeParameter, continueOnFail, OAuth2
 * signing, token refresh and the credential's own authenticate() are n8n's code, not a fake.
 */
export class NodeRunner {
	readonly credentials = new HarnessCredentialsHelper();
	/** Workflow static data, kept across polls and hook calls like an active workflow keeps it. */
	readonly staticData: IDataObject = {};
	private credentialRef: { type: string; id: string } | undefined;

	/** `typeVersion`: the node version a saved workflow holds (1 unless a test says otherwise). */
	constructor(
		private readonly nodeType: INodeType,
		private readonly typeVersion = 1,
	) {}

	/** Stores a credential and makes it the one the node uses (`authentication` is set to its type). */
	useCredential(type: string, data: ICredentialDataDecryptedObject): this {
		const id = `${type}-1`;
		this.credentials.add({ id, name: `${type} account`, type, data });
		this.credentialRef = { type, id };
		return this;
	}

	/** An OAuth2 credential of the vendor, connected, holding `tokenData`. */
	useOAuth2(type: string, tokenData: IDataObject, extra: IDataObject = {}): this {
		return this.useCredential(type, { ...MOCK_CLIENT, ...extra, oauthTokenData: { token_type: 'Bearer', ...tokenData } });
	}

	private workflow(parameters: INodeParameters, opts: { continueOnFail?: boolean } = {}): { workflow: Workflow; node: INode } {
		if (!this.credentialRef) throw new Error('call useCredential first');
		const { type, id } = this.credentialRef;
		return oneNodeWorkflow(
			this.nodeType,
			{
				id: 'node-under-test',
				name: 'Node',
				typeVersion: this.typeVersion,
				webhookId: 'hook-1',
				parameters: { authentication: type, ...parameters },
				credentials: { [type]: { id, name: `${type} account` } },
				...(opts.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
			{ id: 'wf-1', name: 'test', active: true, staticData: this.staticData },
		);
	}

	/** additionalData of an execution (`executionId`) or of a context n8n builds without one (undefined). */
	private additionalData(executionId: string | undefined, extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		return harnessAdditionalData(this.credentials, executionId, extra);
	}

	/** The node's execute() over `items` (one empty item by default). */
	async execute(parameters: INodeParameters, opts: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {}): Promise<INodeExecutionData[]> {
		const items = opts.items ?? [{ json: {} }];
		const { workflow, node } = this.workflow(parameters, opts);
		const context = new ExecuteContext(
			workflow,
			node,
			this.additionalData('1001'),
			'manual',
			createRunExecutionData(),
			0,
			items,
			{ main: [items] },
			{ node, data: { main: [items] }, source: null },
			[],
		);
		const output = await (this.nodeType.execute as (this: ExecuteContext) => Promise<INodeExecutionData[][]>).call(context);
		return output[0];
	}

	/** One poll of an active workflow (mode `trigger`), or the editor's "fetch test event" (mode `manual`). */
	async poll(parameters: INodeParameters, mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[] | null> {
		const { workflow, node } = this.workflow(parameters);
		const context = new PollContext(workflow, node, this.additionalData(undefined), mode, 'activate');
		const output = await (this.nodeType.poll as (this: PollContext) => Promise<INodeExecutionData[][] | null>).call(context);
		return output ? output[0] : null;
	}

	async loadOptions(method: string, parameters: INodeParameters): Promise<INodePropertyOptions[]> {
		const { workflow, node } = this.workflow(parameters);
		const context = new LoadOptionsContext(workflow, node, this.additionalData(undefined, { currentNodeParameters: node.parameters } as Partial<IWorkflowExecuteAdditionalData>), 'parameters.x');
		const fn = this.nodeType.methods?.loadOptions?.[method];
		if (!fn) throw new Error(`no loadOptions method ${method}`);
		return await fn.call(context);
	}

	/** A resource locator's From List: the node's `methods.listSearch[method]` with what the user typed. */
	async listSearch(method: string, parameters: INodeParameters, filter?: string): Promise<INodeListSearchResult> {
		const { workflow, node } = this.workflow(parameters);
		const context = new LoadOptionsContext(workflow, node, this.additionalData(undefined, { currentNodeParameters: node.parameters } as Partial<IWorkflowExecuteAdditionalData>), 'parameters.x');
		const fn = this.nodeType.methods?.listSearch?.[method];
		if (!fn) throw new Error(`no listSearch method ${method}`);
		return await fn.call(context, filter);
	}

	/** checkExists / create / delete of the node's default webhook, as activation and deactivation call them. */
	async hook(method: 'checkExists' | 'create' | 'delete', parameters: INodeParameters): Promise<boolean> {
		const { workflow, node } = this.workflow(parameters);
		const context = new HookContext(workflow, node, this.additionalData(undefined), 'trigger', 'activate', this.webhookData());
		const fn = this.nodeType.webhookMethods?.default?.[method];
		if (!fn) throw new Error(`no webhook method ${method}`);
		return await fn.call(context);
	}

	/** The URL n8n registers for the node's default webhook. */
	webhookUrl(): string {
		return 'http://localhost:5678/webhook/hook-1/webhook';
	}

	/** A delivery: the node's webhook() with these headers and body; `response` holds what was sent directly. */
	async deliver(parameters: INodeParameters, delivery: { headers: Record<string, string>; body: unknown }) {
		const { workflow, node } = this.workflow(parameters);
		const response: { status?: number; body?: unknown } = {};
		const res = {
			status(code: number) {
				response.status = code;
				return res;
			},
			json(body: unknown) {
				response.body = body;
				return res;
			},
			send(body: unknown) {
				response.body = body;
				return res;
			},
			end() {
				return res;
			},
		};
		const req = { headers: lowerCased(delivery.headers), body: delivery.body, query: {}, params: {}, method: 'POST' };
		const context = new WebhookContext(
			workflow,
			node,
			this.additionalData('1001', { httpRequest: req, httpResponse: res } as unknown as Partial<IWorkflowExecuteAdditionalData>),
			'webhook',
			this.webhookData(),
			[],
			null,
		);
		const result = await (this.nodeType.webhook as (this: WebhookContext) => Promise<IWebhookResponseData>).call(context);
		return { result, response };
	}

	private webhookData(): IWebhookData {
		return {
			httpMethod: 'POST',
			node: 'Node',
			path: 'hook-1/webhook',
			webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived' },
			workflowId: 'wf-1',
			workflowExecuteAdditionalData: this.additionalData('1001'),
		} as unknown as IWebhookData;
	}
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The json of each output item, for comparing result shapes. */
export function jsonOf(items: INodeExecutionData[] | null): IDataObject[] {
	return (items ?? []).map((i) => i.json);
}
