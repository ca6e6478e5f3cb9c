import type { Create, Search, Trigger } from 'zapier-platform-core';

import type { VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { apiRequestCreate } from './api-request';
import { connectionCheckTrigger } from './connection-check';
import { catalogueCreate } from './creates';
import { dropdownTrigger } from './dropdown-triggers';
import { hookTrigger } from './hook-trigger';
import { planCatalogue, planWebhook } from './plan';
import { pollingTrigger } from './polling-triggers';
import { lookupSearch, planLookups, searchOrCreatesOf, type SearchOrCreate } from './lookups';
import { outputFieldsOf } from './samples';
import { catalogueSearch } from './searches';
import { withAnswerErrors } from './send';

export interface ZapierOperations {
	triggers: Record<string, Trigger>;
	creates: Record<string, Create>;
	searches: Record<string, Search>;
	/** "Find or Create" pairs over the catalogue's lookups. */
	searchOrCreates?: Record<string, SearchOrCreate>;
}

/** Keyed by `key`; a repeated key would silently drop an operation, so it is an error. */
function byKey<T extends { key: string }>(vendor: VendorDefinition, items: T[]): Record<string, T> {
	const out: Record<string, T> = {};
	for (const item of items) {
		if (item.key in out) throw new Error(`${vendor.displayName}: two Zapier operations share the key "${item.key}"`);
		out[item.key] = item;
	}
	return out;
}

/** Everything generated from one catalogue (exported for tests that feed a modified catalogue). */
export function catalogueOperations(vendor: VendorDefinition, catalogue: VendorOperations): ZapierOperations {
	const plan = planCatalogue(catalogue);
	const triggers: Trigger[] = [];
	const creates: Create[] = [];
	const searches: Search[] = [];
	for (const planned of plan.operations) {
		if (planned.type === 'create') creates.push(catalogueCreate(vendor, catalogue, planned));
		else if (planned.type === 'search') searches.push(catalogueSearch(vendor, catalogue, planned));
		else triggers.push(pollingTrigger(vendor, catalogue, planned));
	}
	const hook = planWebhook(catalogue);
	if (hook && 'key' in hook && catalogue.webhook) triggers.push(hookTrigger(vendor, catalogue, catalogue.webhook, hook.key));
	for (const [name, source] of Object.entries(catalogue.dropdowns)) triggers.push(dropdownTrigger(vendor, catalogue, name, source));
	const lookups = planLookups(catalogue);
	for (const lookup of lookups) searches.push(lookupSearch(vendor, catalogue, lookup));
	// every catalogue operation reads records from the vendor's answer (shared extractRecords)
	const answering = <T extends { operation: object }>(ops: T[]) => ops.map((op) => withAnswerErrors(vendor, op));
	const created = byKey(vendor, answering(creates));
	return { triggers: byKey(vendor, answering(triggers)), creates: created, searches: byKey(vendor, answering(searches)), searchOrCreates: searchOrCreatesOf(catalogue, lookups, created) };
}

type WithSample = { operation: { sample?: Record<string, unknown>; outputFields?: unknown[] } };

/** Output fields from the operation's sample, unless it declares its own: every field a Zap builder maps has a label. */
function withOutputFields<T extends WithSample>(op: T): T {
	const { sample, outputFields } = op.operation;
	if (!sample || outputFields) return op;
	return { ...op, operation: { ...op.operation, outputFields: outputFieldsOf(sample) } };
}

function labelled<T extends WithSample>(group: Record<string, T>): Record<string, T> {
	return Object.fromEntries(Object.entries(group).map(([key, op]) => [key, withOutputFields(op)]));
}

/**
 * Every trigger, create and search of a vendor's app: the catalogue's (shared/operations) plus the two
 * generic ones, the hidden connection check and the API Request create.
 */
export function buildOperations(vendor: VendorDefinition, catalogue: VendorOperations): ZapierOperations {
	const generated = catalogueOperations(vendor, catalogue);
	return {
		triggers: labelled(byKey(vendor, [connectionCheckTrigger(vendor), ...Object.values(generated.triggers)])),
		creates: labelled(byKey(vendor, [apiRequestCreate(vendor), ...Object.values(generated.creates)])),
		searches: labelled(generated.searches),
		searchOrCreates: generated.searchOrCreates ?? {},
	};
}
