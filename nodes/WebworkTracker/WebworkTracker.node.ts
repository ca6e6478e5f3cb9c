import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { webworkTrackerOperations } from '../../shared/operations/webwork-tracker';
import { webworkTracker } from '../../shared/vendors/webwork-tracker';
import { authenticationProperty, catalogueProperties, executeVendorNode, vendorCredentials, vendorListSearch, vendorLoadOptions } from '../common';

const spec = { vendor: webworkTracker, catalogue: webworkTrackerOperations };

/** WebWork Tracker: its parameters, dropdowns and execute() come from the operation catalogue (shared/operations/webwork-tracker.ts). */
export class WebworkTracker implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WebWork Tracker',
		name: 'webworkTracker',
		icon: { light: 'file:../../credentials/icons/webwork-tracker.svg', dark: 'file:../../credentials/icons/webwork-tracker.dark.svg' },
		group: ['transform'],
		// 2: record IDs as resource locators, Simplify, the AI tool's Output (nodes/common/description.ts LOCATOR_VERSION)
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage WebWork Tracker workspaces, projects, tasks and time',
		defaults: { name: 'WebWork Tracker' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(webworkTracker),
		properties: [authenticationProperty(webworkTracker), ...catalogueProperties(webworkTracker, webworkTrackerOperations)],
	};

	methods = { loadOptions: vendorLoadOptions(spec), listSearch: vendorListSearch(spec) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeVendorNode.call(this, spec);
	}
}
