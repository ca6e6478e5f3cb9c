import { randomUUID } from 'node:crypto';

import type { CredentialRef, WorkflowSpec } from './n8n-client';

export const TRIGGER = 'Manual Trigger';
export const ACTION = 'Action';

export interface ActionNode {
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	credential: CredentialRef;
}

/** Manual Trigger → one node of ours with the given credential: the smallest workflow a user would build. */
export function singleActionWorkflow(name: string, action: ActionNode): WorkflowSpec {
	return {
		name,
		nodes: [
			{ id: randomUUID(), name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: randomUUID(),
				name: ACTION,
				type: action.type,
				typeVersion: action.typeVersion ?? 1,
				position: [220, 0],
				parameters: action.parameters,
				credentials: { [action.credential.type]: { id: action.credential.id, name: action.credential.name } },
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: ACTION, type: 'main', index: 0 }]] } },
	};
}

/** The parameters of one node action, for whichever credential type the workflow uses. */
export interface NodeAction {
	/** Short description for scenario names ("GET /company", "item getAll"). */
	label: string;
	parameters: (authentication: string) => Record<string, unknown>;
}

export interface ApiCall {
	method: string;
	path: string;
	query?: Record<string, string>;
	body?: unknown;
}

/** Parameters of the Custom API Call resource every node of ours has. */
export function customApiCallParameters(authentication: string, call: ApiCall): Record<string, unknown> {
	return {
		authentication,
		resource: 'customApiCall',
		operation: 'request',
		method: call.method,
		path: call.path,
		queryParameters: { parameters: Object.entries(call.query ?? {}).map(([name, value]) => ({ name, value })) },
		...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
	};
}

/** A Custom API Call action. */
export function customCall(call: ApiCall): NodeAction {
	const query = new URLSearchParams(call.query ?? {}).toString();
	return {
		label: `${call.method} ${call.path || '/'}${query ? `?${query}` : ''}`,
		parameters: (authentication) => customApiCallParameters(authentication, call),
	};
}

/** A catalogue operation (resource + operation + its inputs, named as the node names them). */
export function operation(resource: string, op: string, inputs: Record<string, unknown> = {}): NodeAction {
	return {
		label: `${resource} ${op}`,
		parameters: (authentication) => ({ authentication, resource, operation: op, ...inputs }),
	};
}
