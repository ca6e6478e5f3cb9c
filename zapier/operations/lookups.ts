/**
 * Searches by name, title or e-mail (the catalogue's `lookups`) and the "Find or Create" pairs built on them.
 * A Zap builder knows a project by its name, not its ID; Zapier uses the first result, and an empty one lets
 * a search-or-create create instead.
 */
import type { Bundle, PlainInputField, Search, ZObject } from 'zapier-platform-core';

import { readPath } from '../../shared/oauth/api';
import { buildOperationRequest, forEachPage, type OperationRequest } from '../../shared/operations/request';
import type { LookupSpec, OperationDefinition, ResourceDefinition, VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { inputFieldsOf, userFields } from './input-fields';
import { valuesOf } from './inputs';
import { operationKey } from './labels';
import { catalogueSample, recordSample, resourceFields } from './samples';
import { inputError, sendOperationRequest } from './send';

type Row = Record<string, unknown>;

/** Records a lookup reads at most when the server cannot narrow the list (a few pages). */
export const LOOKUP_SCAN_LIMIT = 500;
/** Results returned at most: Zapier uses the first. */
export const LOOKUP_RESULTS = 10;

export interface PlannedLookup {
	spec: LookupSpec;
	resource: ResourceDefinition;
	list: OperationDefinition;
	key: string;
}

export interface SearchOrCreate {
	key: string;
	display: { label: string; description: string };
	search: string;
	create: string;
}

function pascal(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The catalogue's lookups with their resource and list; a lookup naming what the catalogue lacks is an error. */
export function planLookups(catalogue: VendorOperations): PlannedLookup[] {
	return (catalogue.lookups ?? []).map((spec) => {
		const resource = catalogue.resources.find((r) => r.value === spec.resource);
		const list = resource?.operations.find((o) => o.value === spec.list && o.kind === 'list');
		if (!resource || !list) throw new Error(`${catalogue.vendor}: lookup on ${spec.resource}/${spec.list}, which is not a list of the catalogue`);
		return { spec, resource, list, key: `${resource.value.replace(/[^a-zA-Z0-9]+/g, '_')}_findBy${pascal(spec.by.input)}` };
	});
}

function sameText(a: unknown, b: string): boolean {
	return (typeof a === 'string' || typeof a === 'number') && String(a).trim().toLowerCase() === b.trim().toLowerCase();
}

export function lookupSearch(vendor: VendorDefinition, catalogue: VendorOperations, planned: PlannedLookup): Search {
	const { spec, resource, list } = planned;
	// the list's required inputs (WebWork's workspace) are asked too; its filters are not (the name is the filter)
	const listInputs = userFields(list.fields).filter((f) => f.required && !(spec.query && f.key in spec.query));
	const byField: PlainInputField = { key: spec.by.input, label: spec.by.label, required: true, helpText: spec.by.description };
	const perform = async (z: ZObject, bundle: Bundle): Promise<Row[]> => {
		const wanted = String(bundle.inputData?.[spec.by.input] ?? '').trim();
		if (wanted === '') throw inputError(z, vendor, new Error(`${spec.by.label} is required`));
		let request: OperationRequest;
		try {
			request = buildOperationRequest(catalogue, { ...list, fields: listInputs }, valuesOf(listInputs, bundle.inputData));
		} catch (error) {
			throw inputError(z, vendor, error);
		}
		for (const [key, template] of Object.entries(spec.query ?? {})) request.qs[key] = template.replace('{value}', wanted.replace(/"/g, '\\"'));
		const found: Row[] = [];
		const fetch = (r: OperationRequest) => sendOperationRequest(z, bundle, vendor, r);
		await forEachPage(catalogue, list, request, fetch, LOOKUP_SCAN_LIMIT, (page) => found.push(...page.filter((r) => sameText(readPath(r, spec.by.path), wanted))));
		return found.slice(0, LOOKUP_RESULTS);
	};
	const noun = resource.name;
	return {
		key: planned.key,
		noun,
		display: { label: `Find ${noun}`, description: `Finds a ${noun.toLowerCase()} by its ${spec.by.label.toLowerCase()}.` },
		operation: {
			perform,
			inputFields: [byField, ...inputFieldsOf(catalogue, listInputs)],
			sample: catalogueSample(catalogue, resource, list) ?? recordSample(resourceFields(resource, [])),
		},
	};
}

/** "Find or Create <Noun>" for each lookup that names a create the app offers. */
export function searchOrCreatesOf(catalogue: VendorOperations, lookups: PlannedLookup[], creates: Record<string, unknown>): Record<string, SearchOrCreate> {
	const out: Record<string, SearchOrCreate> = {};
	for (const { spec, resource, key } of lookups) {
		if (!spec.create) continue;
		const createOperation = resource.operations.find((o) => o.value === spec.create);
		const create = createOperation ? operationKey(resource, createOperation) : undefined;
		if (!create || !(create in creates)) throw new Error(`${catalogue.vendor}: lookup ${key} falls back to ${spec.resource}/${spec.create}, which the app does not offer`);
		// Zapier: a search-or-create's key is its search's key
		out[key] = { key, display: { label: `Find or Create ${resource.name}`, description: `Finds a ${resource.name.toLowerCase()} by its ${spec.by.label.toLowerCase()}, or creates one.` }, search: key, create };
	}
	return out;
}

