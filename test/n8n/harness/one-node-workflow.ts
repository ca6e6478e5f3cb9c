import type { IDataObject, INode, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

/**
 * A Workflow holding one node of `nodeType`, built by n8n-workflow's own Workflow constructor, which fills the
 * node's parameter defaults from its description as the editor and the CLI do. `node` gives the node's id, name
 * and parameters (and credentials, webhookId, onError, typeVersion or type where a caller needs them); by
 * default it is version 1 of our package's type. One builder for the harness engine, the node runner, the
 * node tests and the benchmark.
 */
export function oneNodeWorkflow(
	nodeType: INodeType,
	node: Pick<INode, 'id' | 'name' | 'parameters'> & Partial<INode>,
	workflow: { id: string; name?: string; active?: boolean; staticData?: IDataObject },
): { workflow: Workflow; node: INode } {
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const definition: INode = { type: `n8n-nodes-worktools.${nodeType.description.name}`, typeVersion: 1, position: [0, 0], ...node };
	const built = new Workflow({ active: false, ...workflow, nodes: [definition], connections: {}, nodeTypes });
	return { workflow: built, node: built.getNode(definition.name) as INode };
}
