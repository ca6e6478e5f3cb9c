import type { ExecutionResult, N8nClient, Workflow } from './n8n-client';
import { waitFor } from './wait';

/**
 * Workflow activation and the executions it produces, through n8n 2.x's editor REST API:
 * POST /rest/workflows/:id/activate needs the current versionId (2.x publishes a version on activation),
 * POST /rest/workflows/:id/deactivate takes none. Activation runs the trigger's webhook create().
 */
export async function activate(client: N8nClient, workflow: Workflow): Promise<void> {
	const current = await client.call<{ versionId?: string }>('GET', `/rest/workflows/${workflow.id}`);
	if (!current.versionId) throw new Error(`workflow ${workflow.id} has no versionId to activate`);
	const result = await client.call<{ active?: boolean; activeVersionId?: string | null }>('POST', `/rest/workflows/${workflow.id}/activate`, { versionId: current.versionId });
	if (result.active === false) throw new Error(`workflow ${workflow.id} is still inactive after activation: ${JSON.stringify(result).slice(0, 300)}`);
}

export async function deactivate(client: N8nClient, workflow: Workflow): Promise<void> {
	await client.call('POST', `/rest/workflows/${workflow.id}/deactivate`, {});
}

interface ExecutionSummary {
	id: string;
	status: string;
	mode?: string;
}

/** The workflow's executions, newest first. */
export async function executionsOf(client: N8nClient, workflow: Workflow): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
	const page = await client.call<{ results: ExecutionSummary[] }>('GET', `/rest/executions?filter=${filter}`);
	return [...page.results].map((e) => ({ ...e, id: String(e.id) })).sort((a, b) => Number(b.id) - Number(a.id));
}

/** Waits until the workflow has an execution not in `seen` that finished, and returns it. */
export async function waitForNewExecution(client: N8nClient, workflow: Workflow, seen: Set<string>, timeoutMs = 20_000): Promise<ExecutionResult> {
	const fresh = await waitFor(
		`an execution of workflow ${workflow.id}`,
		async () => (await executionsOf(client, workflow)).find((e) => !seen.has(e.id)),
		timeoutMs,
		250,
	);
	return client.waitForExecution(fresh.id, timeoutMs);
}
