import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { wordappOperations } from '../../shared/operations/wordapp';
import { wordapp } from '../../shared/vendors/wordapp';
import { authenticationProperty, catalogueProperties, executeVendorNode, vendorCredentials } from '../common';

const spec = { vendor: wordapp, catalogue: wordappOperations };

/** Wordapp: its parameters, dropdowns and execute() come from the operation catalogue (shared/operations/wordapp.ts). */
export class Wordapp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wordapp',
		name: 'wordapp',
		icon: { light: 'file:../../credentials/icons/wordapp.svg', dark: 'file:../../credentials/icons/wordapp.dark.svg' },
		group: ['transform'],
		// 2: record IDs as resource locators, Simplify, the AI tool's Output (nodes/common/description.ts LOCATOR_VERSION)
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Inspect or revoke a Wordapp connection, or call any Wordapp API',
		defaults: { name: 'Wordapp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(wordapp),
		properties: [authenticationProperty(wordapp), ...catalogueProperties(wordapp, wordappOperations)],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendorNode.call(this, spec);
	}
}
