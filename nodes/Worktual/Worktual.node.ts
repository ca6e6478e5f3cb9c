import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { worktualOperations } from '../../shared/operations/worktual';
import { worktual } from '../../shared/vendors/worktual';
import { authenticationProperty, catalogueProperties, executeVendorNode, vendorCredentials, vendorListSearch } from '../common';

const spec = { vendor: worktual, catalogue: worktualOperations };

/** Worktual: its parameters, dropdowns and execute() come from the operation catalogue (shared/operations/worktual.ts). */
export class Worktual implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Worktual',
		name: 'worktual',
		icon: { light: 'file:../../credentials/icons/worktual.svg', dark: 'file:../../credentials/icons/worktual.dark.svg' },
		group: ['transform'],
		// 2: record IDs as resource locators, Simplify, the AI tool's Output (nodes/common/description.ts LOCATOR_VERSION)
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'List, get, create and update Worktual CCaaS contacts',
		defaults: { name: 'Worktual' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(worktual),
		properties: [authenticationProperty(worktual), ...catalogueProperties(worktual, worktualOperations)],
	};

	methods = { listSearch: vendorListSearch(spec) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendorNode.call(this, spec);
	}
}
