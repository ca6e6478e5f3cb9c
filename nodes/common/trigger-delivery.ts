import type { INodeExecutionData, INodeProperties, IPollFunctions, IWebhookDescription } from 'n8n-workflow';

import type { VendorNodeSpec } from './node-spec';
import { pollingEventOf, pollingTriggerProperties, pollVendor } from './polling';
import { webhookTriggerProperties } from './webhook';

/**
 * One trigger node for a vendor that both delivers events by webhook and lets them be polled (Worksection):
 * the `delivery` parameter picks the way. n8n has no per-node switch between the two, so the node type has
 * `poll` and `webhooks` at once and each side stands down in the other mode:
 * - webhooks: n8n registers a node's webhooks from its description's `webhooks`, evaluating `httpMethod` per
 *   node and skipping an empty method (github.com/n8n-io/n8n packages/cli/src/webhooks/webhook.service.ts,
 *   getNodeWebhooks); in polling mode the method is empty, so nothing is registered at the vendor nor listened
 *   to, test or live, and the editor hides the URL box (`ndvHideUrl` is evaluated per node too).
 * - polling: n8n schedules poll() for every node whose type has a `poll` method (github.com/n8n-io/n8n
 *   packages/workflow/src/workflow.ts getPollNodes, packages/core/src/execution-engine/active-workflow-triggers.ts);
 *   in webhook mode poll() answers null without a request, so no execution starts.
 * The default is polling: workflows saved before webhooks joined this node store no `delivery` and keep polling.
 */
export const DELIVERY = 'delivery';
export type Delivery = 'polling' | 'webhook';
const POLLING: Delivery = 'polling';
const WEBHOOK: Delivery = 'webhook';

/** Expression n8n evaluates per node; true in webhook mode. `$parameter` holds the defaults as well. */
const inWebhookMode = `$parameter["${DELIVERY}"] === "${WEBHOOK}"`;

/** The default webhook, live only in webhook mode (its URL box is hidden in polling mode). */
export function deliveryWebhooks(): IWebhookDescription[] {
	return [
		{
			name: 'default',
			httpMethod: `={{ ${inWebhookMode} ? "POST" : "" }}`,
			responseMode: 'onReceived',
			path: 'webhook',
			ndvHideUrl: `={{ !(${inWebhookMode}) }}`,
		},
	];
}

function shownIn(delivery: Delivery, property: INodeProperties): INodeProperties {
	const show = { ...(property.displayOptions?.show ?? {}), [DELIVERY]: [delivery] };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

const notAuthentication = (p: INodeProperties) => p.name !== 'authentication';

/** Authentication, the delivery choice, then the polling trigger's and the webhook trigger's own fields. */
export function deliveryTriggerProperties(spec: VendorNodeSpec): INodeProperties[] {
	const polling = pollingTriggerProperties(spec);
	const webhook = webhookTriggerProperties(spec).filter(notAuthentication);
	const authentication = polling.filter((p) => !notAuthentication(p));
	const name = spec.vendor.displayName;
	return [
		...authentication,
		{
			displayName: 'Delivery',
			name: DELIVERY,
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Polling', value: POLLING, description: `Checks ${name} for new events at the Poll Times` },
				{ name: 'Webhook', value: WEBHOOK, description: `${name} sends each event to n8n as it happens` },
			],
			default: POLLING,
			description: 'How events reach n8n',
		},
		{
			displayName: `${name} sends the events to this workflow's webhook; Poll Times are not used`,
			name: 'webhookDeliveryNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { [DELIVERY]: [WEBHOOK] } },
		},
		...polling.filter(notAuthentication).map((p) => shownIn(POLLING, p)),
		...webhook.map((p) => shownIn(WEBHOOK, p)),
	];
}

/**
 * poll() of the merged trigger. Polling mode: the polling trigger's poll. Webhook mode: nothing on a schedule;
 * a manual run (n8n runs poll() for a test delivery as well) shows the newest records of the chosen events
 * from the polling event the catalogue names as what deliveries carry (`webhook.sampleFrom`).
 */
export async function pollByDelivery(this: IPollFunctions, spec: VendorNodeSpec): Promise<INodeExecutionData[][] | null> {
	if ((this.getNodeParameter(DELIVERY, POLLING) as Delivery) !== WEBHOOK) return await pollVendor.call(this, spec);
	const sampleFrom = spec.catalogue.webhook?.sampleFrom;
	if (this.getMode() !== 'manual' || !sampleFrom) return null;
	const events = this.getNodeParameter('events', []) as string[];
	return await pollVendor.call(this, spec, { event: pollingEventOf(spec, sampleFrom), kinds: events });
}
