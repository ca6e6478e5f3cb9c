import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { worksectionOperations } from '../../shared/operations/worksection';
import { worksection } from '../../shared/vendors/worksection';
import { authenticationProperty, catalogueProperties, executeVendorNode, vendorCredentials, vendorListSearch, vendorLoadOptions } from '../common';

const spec = { vendor: worksection, catalogue: worksectionOperations };

/** Worksection: its parameters, dropdowns and execute() come from the operation catalogue (shared/operations/worksection.ts). */
export class Worksection implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Worksection',
		name: 'worksection',
		icon: { light: 'file:../../credentials/icons/worksection.svg', dark: 'file:../../credentials/icons/worksection.dark.svg' },
		group: ['transform'],
		// 2: record IDs as resource locators, Simplify, the AI tool's Output (nodes/common/description.ts LOCATOR_VERSION)
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Worksection projects, tasks, comments and costs',
		defaults: { name: 'Worksection' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(worksection),
		properties: [authenticationProperty(worksection), ...catalogueProperties(worksection, worksectionOperations)],
	};

	methods = { loadOptions: vendorLoadOptions(spec), listSearch: vendorListSearch(spec) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendorNode.call(this, spec);
	}
}
