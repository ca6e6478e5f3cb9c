import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { weekdoneOperations } from '../../shared/operations/weekdone';
import { weekdone } from '../../shared/vendors/weekdone';
import { pollingTriggerProperties, pollVendor, vendorCredentials, vendorLoadOptions } from '../common';

const spec = { vendor: weekdone, catalogue: weekdoneOperations };

/** Polling trigger over the catalogue's polling events (shared/operations/weekdone.ts). */
export class WeekdoneTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Weekdone Trigger',
		name: 'weekdoneTrigger',
		icon: { light: 'file:../../credentials/icons/weekdone.svg', dark: 'file:../../credentials/icons/weekdone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Manage Weekdone items, objectives and key results, and start workflows when an item or objective is added',
		defaults: { name: 'Weekdone Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(weekdone),
		properties: pollingTriggerProperties(spec),
	};

	methods = { loadOptions: vendorLoadOptions(spec) };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollVendor.call(this, spec);
	}
}
