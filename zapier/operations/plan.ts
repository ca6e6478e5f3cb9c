/**
 * Which Zapier operation each catalogue operation becomes. One rule set for every vendor, so a sixth
 * catalogue is mapped without code here; the operations test asserts that nothing is left unmapped.
 *
 * - create, update and action kinds → a create (returns the vendor's object);
 * - get kinds and list operations named `search` → a search;
 * - list operations → a polling trigger: the catalogue's polling events where they exist, else a derived
 *   "New <noun>" trigger deduplicated on the record's `id`;
 * - everything else is excluded with the reason given here (and surfaced in the test and report).
 */
import type { OperationDefinition, PollingEvent, ResourceDefinition, VendorOperations } from '../../shared/operations/types';
import { derivedTriggerKey, listNoun, operationKey, sentence } from './labels';

interface PlannedBase {
	key: string;
	resource: ResourceDefinition;
	operation: OperationDefinition;
}

export type PlannedCreate = PlannedBase & { type: 'create' };
export type PlannedSearch = PlannedBase & { type: 'search' };
export type PlannedTrigger = PlannedBase & {
	type: 'trigger';
	/** The catalogue's event, or one derived from the list (identity `id`). */
	event: PollingEvent;
	derived: boolean;
	noun: string;
};
export type PlannedOperation = PlannedCreate | PlannedSearch | PlannedTrigger;

export interface Exclusion {
	resource: string;
	operation: string;
	reason: string;
}

export interface ZapierPlan {
	operations: PlannedOperation[];
	excluded: Exclusion[];
}

export const EXCLUSION_REASONS = {
	revokeToken:
		'revokes the connection\'s own access token: Zapier has no disconnect hook, and a step that revokes its connection breaks every later run of every Zap using it',
	delete: 'destructive: Zapier\'s publishing requirements ask integrations to avoid delete actions; API Request still reaches the endpoint',
	fixedDay:
		'lists one given day: a trigger\'s inputs are set once, so it would poll the same day forever; Find or API Request cover one-off reads',
	noSearchInput:
		'reads one fixed record and takes no input: a Zapier search needs something to search by (integration check D009); the connection label names the account, and API Request reads it',
} as const;

/** Inputs a user can set (not hidden, fixed ones). */
function hasUserInput(operation: OperationDefinition): boolean {
	return operation.fields.some((f) => !f.hidden);
}

function eventsByOperation(catalogue: VendorOperations): Map<string, PollingEvent[]> {
	const map = new Map<string, PollingEvent[]>();
	for (const event of catalogue.polling ?? []) {
		const ref = `${event.resource}/${event.operation}`;
		map.set(ref, [...(map.get(ref) ?? []), event]);
	}
	return map;
}

/** A list whose required inputs pin it to one day cannot watch for anything new. */
function needsFixedDay(operation: OperationDefinition): boolean {
	return operation.fields.some((f) => f.required && !f.hidden && f.type === 'date');
}

function derivedEvent(resource: ResourceDefinition, operation: OperationDefinition, key: string, noun: string): PollingEvent {
	return {
		value: key,
		name: `New ${noun}`,
		description: sentence(`Fires for each new ${noun.toLowerCase()}`),
		resource: resource.value,
		operation: operation.value,
		identity: ['id'],
	};
}

function planList(events: Map<string, PollingEvent[]>, resource: ResourceDefinition, operation: OperationDefinition): PlannedOperation[] | Exclusion {
	if (operation.value === 'search') {
		if (!hasUserInput(operation)) return { resource: resource.value, operation: operation.value, reason: EXCLUSION_REASONS.noSearchInput };
		return [{ type: 'search', key: operationKey(resource, operation), resource, operation }];
	}
	const own = events.get(`${resource.value}/${operation.value}`);
	if (own) {
		return own.map((event) => ({ type: 'trigger' as const, key: event.value, resource, operation, event, derived: false, noun: event.name.replace(/^New\s+/i, '') }));
	}
	if (needsFixedDay(operation)) return { resource: resource.value, operation: operation.value, reason: EXCLUSION_REASONS.fixedDay };
	const key = derivedTriggerKey(resource, operation);
	const noun = listNoun(resource, operation);
	return [{ type: 'trigger', key, resource, operation, event: derivedEvent(resource, operation, key, noun), derived: true, noun }];
}

function planOne(events: Map<string, PollingEvent[]>, resource: ResourceDefinition, operation: OperationDefinition): PlannedOperation[] | Exclusion {
	if (operation.special === 'revokeToken') return { resource: resource.value, operation: operation.value, reason: EXCLUSION_REASONS.revokeToken };
	switch (operation.kind) {
		case 'create':
		case 'update':
		case 'action':
			return [{ type: 'create', key: operationKey(resource, operation), resource, operation }];
		case 'get':
			if (!hasUserInput(operation)) return { resource: resource.value, operation: operation.value, reason: EXCLUSION_REASONS.noSearchInput };
			return [{ type: 'search', key: operationKey(resource, operation), resource, operation }];
		case 'delete':
			return { resource: resource.value, operation: operation.value, reason: EXCLUSION_REASONS.delete };
		case 'list':
			return planList(events, resource, operation);
	}
}

/** The Zapier plan of a catalogue; throws when two operations would share a key. */
export function planCatalogue(catalogue: VendorOperations): ZapierPlan {
	const events = eventsByOperation(catalogue);
	const plan: ZapierPlan = { operations: [], excluded: [] };
	for (const resource of catalogue.resources) {
		for (const operation of resource.operations) {
			const planned = planOne(events, resource, operation);
			if (Array.isArray(planned)) plan.operations.push(...planned);
			else plan.excluded.push(planned);
		}
	}
	const seen = new Set<string>();
	for (const { key, type } of plan.operations) {
		const scoped = `${type}:${key}`;
		if (seen.has(scoped)) throw new Error(`${catalogue.vendor}: two catalogue operations map to the Zapier ${type} "${key}"`);
		seen.add(scoped);
	}
	return plan;
}

/** The sentence a derived or catalogue trigger starts with (Zapier style: "Triggers when …"). */
export function triggerDescription(planned: PlannedTrigger, vendorName: string): string {
	const lead = `Triggers when a new ${planned.noun.toLowerCase()} is added in ${vendorName}.`;
	return planned.derived ? lead : `${lead} ${sentence(planned.event.description)}`;
}

/** Key of the REST hook trigger built from the catalogue's webhook registration. */
export const HOOK_TRIGGER_KEY = 'newWebhookEvent';

export const HOOK_EXCLUSION =
	'the vendor wants each delivery answered with a body of its own, but Zapier\'s hook URL always answers with Zapier\'s, so every delivery would count as failed; the polling trigger is offered instead';

/**
 * Whether the catalogue's webhook registration becomes a REST hook trigger. A vendor whose delivery
 * contract names a response body cannot be served by Zapier's catch URL (Worksection wants `{"status":"OK"}`
 * and disables a webhook after 10 failed deliveries, https://worksection.com/en/faq/webhooks.html).
 */
export function planWebhook(catalogue: VendorOperations): { key: string } | { excluded: string } | undefined {
	if (!catalogue.webhook) return undefined;
	if (catalogue.webhook.response !== undefined) return { excluded: HOOK_EXCLUSION };
	return { key: HOOK_TRIGGER_KEY };
}
