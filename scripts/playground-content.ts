// What `npm start` puts into the fresh n8n (and what test/browser checks through the editor): one OAuth2
// credential per vendor with the sandbox app filled in, and sample workflows named for what they do, each
// a Manual Trigger and one real operation of ours.
import { randomUUID } from 'node:crypto';

import type { CredentialRef, N8nClient, Workflow, WorkflowSpec } from '../test/e2e/lib/n8n-client';
import { oauth2ClientData, VENDORS, type VendorCase } from '../test/e2e/vendors';
import { vendors } from '../shared/vendors';
import type { VendorId } from '../shared/types';

export const TRIGGER_NODE = 'When clicking ‘Execute workflow’';

/** One sample workflow: a Manual Trigger and one node of ours running a catalogue operation. */
export interface SampleSpec {
	vendor: VendorId;
	/** Workflow name on the home page: says what running it does. */
	name: string;
	/** Name of our node on the canvas. */
	node: string;
	resource: string;
	operation: string;
	inputs: Record<string, unknown>;
	/** A list the user runs as is; a form (a create) waits for the user to pick from its live dropdowns. */
	kind: 'list' | 'form';
}

/**
 * The samples. Inputs are the node's own parameter names (shared/operations/<id>.ts, as the n8n node
 * builder names them); the WebWork Tracker project form leaves its Workspace dropdown empty on purpose:
 * opening it loads the workspaces live from the vendor.
 */
export const SAMPLES: SampleSpec[] = [
	{ vendor: 'weekdone', name: 'List Weekdone items', node: 'List items', resource: 'item', operation: 'getAll', inputs: { returnAll: false, limit: 10 }, kind: 'list' },
	{ vendor: 'worksection', name: 'List Worksection projects', node: 'List projects', resource: 'project', operation: 'getAll', inputs: { returnAll: false, limit: 10 }, kind: 'list' },
	{ vendor: 'worktual', name: 'List Worktual contacts', node: 'List contacts', resource: 'contact', operation: 'getAll', inputs: { returnAll: false, limit: 10 }, kind: 'list' },
	{ vendor: 'webwork-tracker', name: 'List WebWork Tracker workspaces', node: 'List workspaces', resource: 'workspace', operation: 'getAll', inputs: { returnAll: false, limit: 10 }, kind: 'list' },
	{ vendor: 'wordapp', name: 'Show Wordapp token info', node: 'Get token info', resource: 'token', operation: 'getInfo', inputs: {}, kind: 'list' },
	{
		vendor: 'webwork-tracker',
		name: 'Create a WebWork Tracker project (pick a workspace first)',
		node: 'Create project',
		resource: 'project',
		operation: 'create',
		inputs: { name: 'Project from the playground' },
		kind: 'form',
	},
];

export interface PreparedVendor {
	vendor: VendorCase;
	displayName: string;
	credential: CredentialRef;
}

export interface PreparedSample {
	spec: SampleSpec;
	workflow: Workflow;
}

export interface Playground {
	vendors: PreparedVendor[];
	samples: PreparedSample[];
}

/** "Worksection (sandbox)": the name the credential has in the editor. */
export function credentialName(id: VendorId): string {
	return `${vendors[id].displayName} (sandbox)`;
}

function sampleWorkflow(spec: SampleSpec, nodeType: string, credential: CredentialRef): WorkflowSpec {
	return {
		name: spec.name,
		nodes: [
			{ id: randomUUID(), name: TRIGGER_NODE, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: randomUUID(),
				name: spec.node,
				type: nodeType,
				typeVersion: 1,
				position: [240, 0],
				parameters: { authentication: credential.type, resource: spec.resource, operation: spec.operation, ...spec.inputs },
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: spec.node, type: 'main', index: 0 }]] } },
	};
}

/**
 * Creates the credentials (client id and secret of the sandbox app; the redirect URL prefilled where the
 * vendor needs it in the credential, Weekdone and Worktual) and the sample workflows. Throws on the first
 * failure: a playground with a missing piece would only confuse.
 */
export async function preparePlayground(client: N8nClient, log: (line: string) => void): Promise<Playground> {
	const nodeTypes = new Set(await client.nodeTypeNames());
	const prepared: PreparedVendor[] = [];
	for (const vendor of VENDORS) {
		const id = vendor.id as VendorId;
		if (!vendors[id]) throw new Error(`test/e2e/vendors.ts lists "${vendor.id}", which shared/vendors does not define`);
		if (!nodeTypes.has(vendor.nodeType)) throw new Error(`n8n did not load ${vendor.nodeType}: see the n8n log`);
		const credential = await client.createCredential(credentialName(id), vendor.oauth2.credentialType, oauth2ClientData(vendor, client.oauthCallbackUrl));
		prepared.push({ vendor, displayName: vendors[id].displayName, credential });
		log(`credential "${credential.name}" ready: open it and press Connect`);
	}
	const samples: PreparedSample[] = [];
	for (const spec of SAMPLES) {
		const owner = prepared.find((p) => p.vendor.id === spec.vendor);
		if (!owner) throw new Error(`sample "${spec.name}" names vendor ${spec.vendor}, which has no credential`);
		const workflow = await client.createWorkflow(sampleWorkflow(spec, owner.vendor.nodeType, owner.credential));
		samples.push({ spec, workflow });
		log(`workflow "${spec.name}" ready`);
	}
	return { vendors: prepared, samples };
}
