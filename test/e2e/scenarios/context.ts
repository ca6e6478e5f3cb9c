import type { N8nClient } from '../lib/n8n-client';
import type { Report } from '../lib/report';
import type { SandboxServer } from '../lib/sandbox-server';

/** What every scenario gets: a logged-in n8n client, the sandbox, and the report to write checks to. */
export interface SuiteContext {
	client: N8nClient;
	sandbox: SandboxServer;
	report: Report;
	/** Node and credential types n8n loaded, to fail with "not loaded" instead of an obscure run error. */
	nodeTypes: Set<string>;
	credentialTypes: Set<string>;
}

export function requireTypes(ctx: SuiteContext, nodeType: string, credentialType: string): void {
	if (!ctx.credentialTypes.has(credentialType)) throw new Error(`credential type ${credentialType} is not loaded by n8n`);
	if (!ctx.nodeTypes.has(nodeType)) throw new Error(`node type ${nodeType} is not loaded by n8n`);
}
