import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { dropdownLabel, dropdownValue } from '../../shared/operations/dropdowns';
import { buildSourceRequest, extractRecords, forEachPage, type OperationRequest } from '../../shared/operations/request';
import type { DropdownSource, OperationDefinition } from '../../shared/operations/types';
import { vendorApiRequest } from '../transport/GenericFunctions';
import { credentialTypeOf, type VendorNodeSpec } from './node-spec';
import { withCredentialResolvedOnce } from './connection';

type LoadOptionsMethod = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

function dropdownMethod(spec: VendorNodeSpec, source: DropdownSource): LoadOptionsMethod {
	return async function (this: ILoadOptionsFunctions) {
		const inputs: Record<string, unknown> = {};
		for (const input of Object.values(source.dependsOn ?? {})) inputs[input] = this.getCurrentNodeParameter(input);
		const request = buildSourceRequest(spec.catalogue, source.request, source.dependsOn, inputs);
		if (!request) return []; // waits for the input it depends on (e.g. the workspace)
		const credentialType = credentialTypeOf.call(this, spec);
		// Every page of the list shares one credential resolution (see connection.ts).
		const connection = withCredentialResolvedOnce(this, credentialType);
		const send = (r: OperationRequest) => vendorApiRequest.call(connection, spec.vendor, credentialType, r);
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
		if (source.paginated) await forEachPage(spec.catalogue, asList, request, send, undefined, collect);
		else collect(extractRecords(asList.result, await send(request)));
		options.sort((a, b) => a.name.localeCompare(b.name));
		return [...(source.prepend ?? []).map((o) => ({ name: o.name, value: o.value })), ...options];
	};
}

/** `methods.loadOptions` for a node: one method per catalogue dropdown, named by its key. */
export function vendorLoadOptions(spec: VendorNodeSpec): Record<string, LoadOptionsMethod> {
	const methods: Record<string, LoadOptionsMethod> = {};
	for (const [key, source] of Object.entries(spec.catalogue.dropdowns)) methods[key] = dropdownMethod(spec, source);
	return methods;
}
