import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { weekdoneOperations } from '../../shared/operations/weekdone';
import { weekdone } from '../../shared/vendors';
import { authenticationProperty, catalogueProperties, executeVendorNode, vendorCredentials, vendorLoadOptions } from '../common';

const spec = { vendor: weekdone, catalogue: weekdoneOperations };

/** Weekdone: its parameters, dropdowns and execute() come from the operation catalogue (shared/operations/weekdone.ts). */
export class Weekdone implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Weekdone',
		name: 'weekdone',
		icon: { light: 'file:../../credentials/icons/weekdone.svg', dark: 'file:../../credentials/icons/weekdone.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Weekdone items, objectives and key results',
		defaults: { name: 'Weekdone' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(weekdone),
		properties: [authenticationProperty(weekdone), ...catalogueProperties(weekdone, weekdoneOperations)],
	};

	methods = { loadOptions: vendorLoadOptions(spec) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendorNode.call(this, spec);
	}
}
