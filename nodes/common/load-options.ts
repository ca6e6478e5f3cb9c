import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { dropdownLabel, dropdownValue } from '../../shared/operations/dropdowns';
import { buildSourceRequest } from '../../shared/operations/request';
import type { DropdownSource, OperationDefinition } from '../../shared/operations/types';
import { vendorApiRequestAllItems } from '../transport/GenericFunctions';
import { credentialTypeOf, isLocatorValue, type VendorNodeSpec } from './node-spec';

type LoadOptionsMethod = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;
type ListSearchMethod = (this: ILoadOptionsFunctions, filter?: string) => Promise<INodeListSearchResult>;

/** An input the list depends on (the workspace), read by value whether it is a plain field or a resource locator. */
function currentInput(context: ILoadOptionsFunctions, input: string): unknown {
	const value = context.getCurrentNodeParameter(input);
	if (isLocatorValue(value)) return context.getCurrentNodeParameter(input, { extractValue: true });
	return value;
}

/** The choices of one catalogue dropdown, read live from the vendor, sorted by name; [] until an input it needs is set. */
async function loadChoices(context: ILoadOptionsFunctions, spec: VendorNodeSpec, source: DropdownSource): Promise<INodePropertyOptions[]> {
	const inputs: Record<string, unknown> = {};
	for (const input of Object.values(source.dependsOn ?? {})) inputs[input] = currentInput(context, input);
	const request = buildSourceRequest(spec.catalogue, source.request, source.dependsOn, inputs);
	if (!request) return []; // waits for the input it depends on (e.g. the workspace)
	const credentialType = credentialTypeOf.call(context, spec);
	const options: INodePropertyOptions[] = [];
	const collect = (records: Array<Record<string, unknown>>) => {
		for (const record of records) {
			const value = dropdownValue(source, record);
			if (value !== undefined) options.push({ name: dropdownLabel(source, record) || String(value), value });
		}
	};
	// A dropdown reuses the list machinery: one fake list operation over the source.
	const asList: OperationDefinition = {
		value: 'dropdown',
		name: 'Dropdown',
		action: 'dropdown',
		description: 'Options of a dropdown',
		kind: 'list',
		request: source.request,
		fields: [],
		result: { shape: 'list', path: source.path },
		paginated: source.paginated,
		source: source.source,
	};
	await vendorApiRequestAllItems.call(context, spec.vendor, spec.catalogue, credentialType, asList, request, undefined, collect);
	options.sort((a, b) => a.name.localeCompare(b.name));
	return [...(source.prepend ?? []).map((o) => ({ name: o.name, value: o.value })), ...options];
}

function dropdownMethod(spec: VendorNodeSpec, source: DropdownSource): LoadOptionsMethod {
	return async function (this: ILoadOptionsFunctions) {
		return await loadChoices(this, spec, source);
	};
}

/**
 * A resource locator's From List: the same records as the dropdown, narrowed by what the user types (name or
 * ID, any case). The vendors' list endpoints take no name filter for these lists, so the filter runs here,
 * over the one read the dropdown makes anyway.
 */
function listSearchMethod(spec: VendorNodeSpec, source: DropdownSource): ListSearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string) {
		const wanted = (filter ?? '').trim().toLowerCase();
		const choices = await loadChoices(this, spec, source);
		const matching = wanted === '' ? choices : choices.filter((c) => c.name.toLowerCase().includes(wanted) || String(c.value).toLowerCase() === wanted);
		return { results: matching.map((c) => ({ name: c.name, value: c.value })) };
	};
}

/** `methods.loadOptions` for a node: one method per catalogue dropdown, named by its key. */
export function vendorLoadOptions(spec: VendorNodeSpec): Record<string, LoadOptionsMethod> {
	const methods: Record<string, LoadOptionsMethod> = {};
	for (const [key, source] of Object.entries(spec.catalogue.dropdowns)) methods[key] = dropdownMethod(spec, source);
	return methods;
}

/** `methods.listSearch` for a node: one method per dropdown of record IDs (the resource locators' From List), named by its key. */
export function vendorListSearch(spec: VendorNodeSpec): Record<string, ListSearchMethod> {
	const methods: Record<string, ListSearchMethod> = {};
	for (const [key, source] of Object.entries(spec.catalogue.dropdowns)) if (source.values !== 'plainValues') methods[key] = listSearchMethod(spec, source);
	return methods;
}
