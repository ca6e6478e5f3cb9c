import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { worksectionOperations } from '../../shared/operations/worksection';
import { worksection } from '../../shared/vendors/worksection';
import { receiveWebhook, vendorCredentials, vendorLoadOptions, webhookMethods, webhookTriggerProperties } from '../common';

const spec = { vendor: worksection, catalogue: worksectionOperations };

/**
 * The former Worksection webhook trigger, kept so workflows saved with it still load and activate. Hidden from
 * the node panel (n8n's editor leaves out types whose description says `hidden`): new workflows use the
 * Worksection Trigger with Delivery "Webhook", which registers, verifies and removes webhooks the same way.
 */
export class WorksectionWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Worksection Webhook Trigger',
		name: 'worksectionWebhookTrigger',
		icon: { light: 'file:../../credentials/icons/worksection.svg', dark: 'file:../../credentials/icons/worksection.dark.svg' },
		group: ['trigger'],
		version: 1,
		hidden: true,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when Worksection sends a webhook for task, comment or project changes (replaced by the Worksection Trigger)',
		defaults: { name: 'Worksection Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(worksection),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: webhookTriggerProperties(spec),
	};

	methods = { loadOptions: vendorLoadOptions(spec) };

	webhookMethods = webhookMethods(spec);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this, spec);
	}
}
