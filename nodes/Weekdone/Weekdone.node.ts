import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { weekdoneOperations } from '../../shared/operations/weekdone';
import { weekdone } from '../../shared/vendors/weekdone';
import { authenticationProperty, catalogueProperties, executeVendorNode, vendorCredentials, vendorListSearch, vendorLoadOptions } from '../common';

const spec = { vendor: weekdone, catalogue: weekdoneOperations };

/** Weekdone: its parameters, dropdowns and execute() come from the operation catalogue (shared/operations/weekdone.ts). */
export class Weekdone implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Weekdone',
		name: 'weekdone',
		icon: { light: 'file:../../credentials/icons/weekdone.svg', dark: 'file:../../credentials/icons/weekdone.dark.svg' },
		group: ['transform'],
		// 2: record IDs as resource locators, Simplify, the AI tool's Output (nodes/common/description.ts LOCATOR_VERSION)
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Weekdone items, objectives and key results',
		defaults: { name: 'Weekdone' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(weekdone),
		properties: [authenticationProperty(weekdone), ...catalogueProperties(weekdone, weekdoneOperations)],
	};

	methods = { loadOptions: vendorLoadOptions(spec), listSearch: vendorListSearch(spec) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendorNode.call(this, spec);
	}
}
