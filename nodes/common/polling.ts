import type { IDataObject, INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';

import {
	buildOperationRequest,
	fieldName,
	findOperation,
	kindOf,
	newestOf,
	selectNew,
	type PollState,
} from '../../shared/operations';
import type { OperationDefinition, OperationField, PollingEvent } from '../../shared/operations/types';
import { vendorApiRequestAllItems } from '../transport/GenericFunctions';
import { credentialTypeOf, type VendorNodeSpec } from './node-spec';
import { authenticationProperty, fieldProperty, isTopLevel, n8nOptions, n8nText } from './description';

type Row = Record<string, unknown>;

function eventsOf(spec: VendorNodeSpec): PollingEvent[] {
	const events = spec.catalogue.polling ?? [];
	if (events.length === 0) throw new Error(`${spec.vendor.displayName} has no polling events in its catalogue`);
	return events;
}

function listOperation(spec: VendorNodeSpec, event: PollingEvent): OperationDefinition {
	const operation = findOperation(spec.catalogue, event.resource, event.operation);
	if (!operation || operation.kind !== 'list') throw new Error(`${event.value}: ${event.resource}/${event.operation} is not a list operation`);
	return operation;
}

/** The list's inputs the user may set; those the event fixes itself (Worksection `period`) are left out. */
function userFields(spec: VendorNodeSpec, event: PollingEvent): OperationField[] {
	return listOperation(spec, event).fields.filter((f) => !f.hidden && !(event.query && f.key in event.query));
}

/** Authentication, the event selector, per event its kind filter and the list's own filters. */
export function pollingTriggerProperties(spec: VendorNodeSpec): INodeProperties[] {
	const events = eventsOf(spec);
	const first = events[0].value;
	const props: INodeProperties[] = [
		authenticationProperty(spec.vendor),
		{
			displayName: 'Trigger On',
			name: 'event',
			type: 'options',
			noDataExpression: true,
			required: true,
			options: events.map((e) => ({ name: e.name, value: e.value, description: n8nText(e.description) })).sort((a, b) => a.name.localeCompare(b.name)),
			default: first,
		},
	];
	for (const event of events) {
		const show = { event: [event.value] };
		const fields = userFields(spec, event);
		if (event.kindFilter) {
			props.push({
				displayName: 'Event Types',
				name: 'kinds',
				type: 'multiOptions',
				displayOptions: { show },
				options: n8nOptions(event.kindFilter.options).sort((a, b) => a.name.localeCompare(b.name)),
				default: [],
				description: 'Only these kinds of events fire; none selected means all',
			});
		}
		props.push(...fields.filter(isTopLevel).map((f) => ({ ...fieldProperty(spec.catalogue, f), displayOptions: { show } })));
		const optional = fields.filter((f) => !isTopLevel(f));
		if (optional.length > 0) {
			props.push({
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show },
				options: optional.map((f) => fieldProperty(spec.catalogue, f)).sort((a, b) => a.displayName.localeCompare(b.displayName)),
			});
		}
	}
	return props;
}

/** What a poll looks for: a catalogue polling event and the kinds that fire (none: every kind). */
export interface PollChoice {
	event: PollingEvent;
	kinds: string[];
}

/** The polling event by its value; a trigger offering webhooks too samples deliveries with it (`webhook.sampleFrom`). */
export function pollingEventOf(spec: VendorNodeSpec, value: string): PollingEvent {
	const event = eventsOf(spec).find((e) => e.value === value);
	if (!event) throw new Error(`Unknown event ${value}`);
	return event;
}

function chosenInParameters(this: IPollFunctions, spec: VendorNodeSpec): PollChoice {
	const event = pollingEventOf(spec, this.getNodeParameter('event') as string);
	return { event, kinds: event.kindFilter ? (this.getNodeParameter('kinds', []) as string[]) : [] };
}

/**
 * poll() of a generated polling trigger: reads the event's list, keeps in the node's static data only what
 * tells new from seen (see shared/operations/polling.ts), and emits the new records. The first poll after
 * activation remembers the backlog instead of emitting it; a manual run returns the newest record.
 */
export async function pollVendor(this: IPollFunctions, spec: VendorNodeSpec, choice?: PollChoice): Promise<INodeExecutionData[][] | null> {
	const { event, kinds } = choice ?? chosenInParameters.call(this, spec);
	const operation = listOperation(spec, event);
	const fields = userFields(spec, event);
	const values: Record<string, unknown> = { ...(this.getNodeParameter('filters', {}) as IDataObject) };
	for (const field of fields.filter(isTopLevel)) values[fieldName(field)] = this.getNodeParameter(fieldName(field), field.default ?? '');
	const request = buildOperationRequest(spec.catalogue, { ...operation, fields }, values);
	request.qs = { ...request.qs, ...(event.query ?? {}) };

	const credentialType = credentialTypeOf.call(this, spec);
	const records: Row[] = [];
	await vendorApiRequestAllItems.call(this, spec.vendor, spec.catalogue, credentialType, operation, request, undefined, (page) => records.push(...page));

	const wanted = (r: Row) => kinds.length === 0 || kinds.includes(kindOf(event, r) ?? '');

	if (this.getMode() === 'manual') {
		const newest = newestOf(event, records.filter(wanted));
		return newest ? [this.helpers.returnJsonArray([newest as IDataObject])] : null;
	}
	const staticData = this.getWorkflowStaticData('node');
	const { fresh, next } = selectNew(event, records, staticData[event.value] as PollState | undefined);
	staticData[event.value] = next as unknown as IDataObject;
	const emitted = fresh.filter(wanted);
	return emitted.length > 0 ? [this.helpers.returnJsonArray(emitted as IDataObject[])] : null;
}
