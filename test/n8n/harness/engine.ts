import './env';

import { ExecuteContext, LoadOptionsContext, PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeType,
	IPollFunctions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { harnessAdditionalData } from './additional-data';
import { HarnessCredentialsHelper } from './credentials-helper';
import { oneNodeWorkflow } from './one-node-workflow';

export const NODE_TYPE = 'n8n-nodes-worktools.harness';

/**
 * Runs code inside n8n-core's real node contexts (ExecuteContext for workflow executions, PollContext and
 * LoadOptionsContext for the places that have no execution id), so `this.helpers.httpRequestWithAuthentication`,
 * `refreshOAuth2Token`, OAuth2 signing, the 401 → refresh → persist → retry path, preAuthentication and
 * `authenticate` are n8n-core 2.41.1's own code. Only the CLI's credential store is replaced (credentials-helper.ts).
 */
export class Engine {
	readonly credentials = new HarnessCredentialsHelper();

	private nodeTypeFor(): INodeType {
		return {
			description: {
				displayName: 'Harness',
				name: 'harness',
				group: ['transform'],
				version: 1,
				description: 'test node',
				defaults: { name: 'Harness' },
				inputs: ['main'],
				outputs: ['main'],
				credentials: this.credentials.types.names().map((name) => ({ name, required: false })),
				properties: [],
			},
		} as unknown as INodeType;
	}

	/** A connected credential in the store; returns the node credentials reference. */
	addCredential(type: string, data: ICredentialDataDecryptedObject, id = `${type}-1`): { id: string; name: string } {
		this.credentials.add({ id, name: `${type} account`, type, data });
		return { id, name: `${type} account` };
	}

	private setup(credentialType: string, credentialId: string, executionId: string | undefined) {
		const nodeType = this.nodeTypeFor();
		const { workflow, node } = oneNodeWorkflow(
			nodeType,
			{ id: 'harness-node', name: 'Harness', type: NODE_TYPE, parameters: {}, credentials: { [credentialType]: { id: credentialId, name: `${credentialType} account` } } },
			{ id: 'wf-1', name: 'harness' },
		);
		const additionalData = harnessAdditionalData(this.credentials, executionId);
		return { workflow, node, additionalData };
	}

	/** Inside a workflow execution (n8n gives credentials an `$executionId`). */
	async execute<T>(credentialType: string, credentialId: string, fn: (this: IExecuteFunctions) => Promise<T>, executionId = '1001'): Promise<T> {
		const { workflow, node, additionalData } = this.setup(credentialType, credentialId, executionId);
		const runExecutionData = createRunExecutionData();
		const context = new ExecuteContext(
			workflow,
			node,
			additionalData,
			'manual',
			runExecutionData,
			0,
			[{ json: {} }],
			{ main: [[{ json: {} }]] },
			{ node, data: { main: [[{ json: {} }]] }, source: null },
			[],
		);
		return await fn.call(context);
	}

	/** A poll of an active workflow: n8n builds it without an execution id ("__UNKNOWN__" in expressions). */
	async poll<T>(credentialType: string, credentialId: string, fn: (this: IPollFunctions) => Promise<T>): Promise<T> {
		const { workflow, node, additionalData } = this.setup(credentialType, credentialId, undefined);
		const context = new PollContext(workflow, node, additionalData, 'trigger', 'activate');
		return await fn.call(context);
	}

	/** An editor dropdown (loadOptions): also no execution id. */
	async loadOptions<T>(credentialType: string, credentialId: string, fn: (this: ILoadOptionsFunctions) => Promise<T>): Promise<T> {
		const { workflow, node, additionalData } = this.setup(credentialType, credentialId, undefined);
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.x');
		return await fn.call(context);
	}

	/** additionalData as n8n builds it (executionId undefined outside executions). */
	additionalData(executionId: string | undefined): IWorkflowExecuteAdditionalData {
		return this.setup('oAuth2Api', 'none', executionId).additionalData;
	}

	/** The credential as n8n resolves it for the OAuth /auth and /callback handlers (mode internal, no execution). */
	async resolvedForOAuthFlow(credentialId: string): Promise<ICredentialDataDecryptedObject> {
		const stored = this.credentials.store.get(credentialId);
		if (!stored) throw new Error(`no credential ${credentialId}`);
		const { additionalData } = this.setup(stored.type, credentialId, undefined);
		return await this.credentials.applyDefaultsAndOverwrites(additionalData, { ...stored.data }, stored.type, 'internal');
	}
}
