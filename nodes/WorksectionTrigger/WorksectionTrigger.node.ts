import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { worksectionOperations } from '../../shared/operations/worksection';
import { worksection } from '../../shared/vendors/worksection';
import { receiveWebhook, vendorCredentials, vendorLoadOptions, webhookMethods } from '../common';
import { deliveryTriggerProperties, deliveryWebhooks, pollByDelivery } from '../common/trigger-delivery';

const spec = { vendor: worksection, catalogue: worksectionOperations };

/**
 * The Worksection trigger: events found by polling the activity log (shared/operations/worksection.ts `polling`)
 * or delivered by a webhook it registers on activation and removes on deactivation (`webhook`), as `delivery`
 * says (nodes/common/trigger-delivery.ts). The former Worksection Webhook Trigger type stays loadable, hidden.
 */
export class WorksectionTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Worksection Trigger',
		name: 'worksectionTrigger',
		icon: { light: 'file:../../credentials/icons/worksection.svg', dark: 'file:../../credentials/icons/worksection.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["delivery"] === "webhook" ? $parameter["events"].join(", ") : $parameter["event"] }}',
		description: 'Manage Worksection projects, tasks, comments and costs, and start workflows on task, comment and project events, polled or sent by webhook',
		defaults: { name: 'Worksection Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(worksection),
		webhooks: deliveryWebhooks(),
		properties: deliveryTriggerProperties(spec),
	};

	methods = { loadOptions: vendorLoadOptions(spec) };

	webhookMethods = webhookMethods(spec);

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollByDelivery.call(this, spec);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this, spec);
	}
}
