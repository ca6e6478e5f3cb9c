import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { worktualOperations } from '../../shared/operations/worktual';
import { worktual } from '../../shared/vendors';
import { authenticationProperty, catalogueProperties, executeVendorNode, vendorCredentials } from '../common';

const spec = { vendor: worktual, catalogue: worktualOperations };

/** Worktual: its parameters, dropdowns and execute() come from the operation catalogue (shared/operations/worktual.ts). */
export class Worktual implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Worktual',
		name: 'worktual',
		icon: { light: 'file:../../credentials/icons/worktual.svg', dark: 'file:../../credentials/icons/worktual.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'List, get, create and update Worktual CCaaS contacts',
		defaults: { name: 'Worktual' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(worktual),
		properties: [authenticationProperty(worktual), ...catalogueProperties(worktual, worktualOperations)],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendorNode.call(this, spec);
	}
}
