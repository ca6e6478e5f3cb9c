import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { worksectionOperations } from '../../shared/operations/worksection';
import { worksection } from '../../shared/vendors';
import { pollingTriggerProperties, pollVendor, vendorCredentials, vendorLoadOptions } from '../common';

const spec = { vendor: worksection, catalogue: worksectionOperations };

/** Polling trigger over the catalogue's polling events (shared/operations/worksection.ts). */
export class WorksectionTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Worksection Trigger',
		name: 'worksectionTrigger',
		icon: { light: 'file:../../credentials/icons/worksection.svg', dark: 'file:../../credentials/icons/worksection.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Manage Worksection projects, tasks, comments and costs, and start workflows on new activity-log events',
		defaults: { name: 'Worksection Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(worksection),
		properties: pollingTriggerProperties(spec),
	};

	methods = { loadOptions: vendorLoadOptions(spec) };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollVendor.call(this, spec);
	}
}
