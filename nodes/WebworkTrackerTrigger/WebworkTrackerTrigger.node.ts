import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { webworkTrackerOperations } from '../../shared/operations/webwork-tracker';
import { webworkTracker } from '../../shared/vendors/webwork-tracker';
import { receiveWebhook, vendorCredentials, vendorLoadOptions, webhookMethods, webhookTriggerProperties } from '../common';

const spec = { vendor: webworkTracker, catalogue: webworkTrackerOperations };

/** Webhook trigger: registers with the vendor on activation, removes on deactivation (shared/operations/webwork-tracker.ts `webhook`). */
export class WebworkTrackerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WebWork Tracker Trigger',
		name: 'webworkTrackerTrigger',
		icon: { light: 'file:../../credentials/icons/webwork-tracker.svg', dark: 'file:../../credentials/icons/webwork-tracker.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Manage WebWork Tracker workspaces, projects, tasks and time, and start workflows on tracker, member or project events',
		defaults: { name: 'WebWork Tracker Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: vendorCredentials(webworkTracker),
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
