import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

/**
 * The `additionalData` n8n's CLI hands every node context (WorkflowExecuteAdditionalData.getBase), reduced to
 * what n8n-core's contexts read: the credential store, the instance URLs of a default local n8n, and no
 * sub-workflows. One builder for the harness engine, the node runner and the benchmark.
 */
export function harnessAdditionalData(
	credentialsHelper: ICredentialsHelper,
	executionId: string | undefined,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	return {
		credentialsHelper,
		executionId,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		currentNodeExecutionIndex: 0,
		executeWorkflow: async () => {
			throw new Error('the test harness runs no sub-workflows');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}
