/**
 * Hidden triggers behind dynamic dropdowns (`dynamic: 'dropdown_<source>.id.name'`), one per catalogue
 * dropdown source. Paged sources set `canPaginate`: Zapier then asks for page 0, 1, … (bundle.meta.page) as
 * the user scrolls, and each call reads exactly that vendor page. Inputs a source depends on (WebWork's
 * workspace) come from the action being edited, which Zapier passes in bundle.inputData.
 */
import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';

import { dropdownLabel, dropdownValue } from '../../shared/operations/dropdowns';
import { buildSourceRequest, extractRecords, pageQuery } from '../../shared/operations/request';
import type { DropdownSource, VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { dropdownKey, titleOf } from './labels';
import { sendOperationRequest } from './send';

/** What a dropdown field reads: `id` is sent, `name` shown (DROPDOWN_VALUE / DROPDOWN_LABEL in input-fields.ts). */
interface Choice {
	id: string | number;
	name: string;
}

function choicesFrom(source: DropdownSource, body: unknown): Choice[] {
	const choices: Choice[] = [];
	for (const record of extractRecords({ shape: 'list', path: source.path }, body)) {
		const value = dropdownValue(source, record);
		if (value !== undefined) choices.push({ id: value, name: dropdownLabel(source, record) || String(value) });
	}
	return choices;
}

export function dropdownTrigger(vendor: VendorDefinition, catalogue: VendorOperations, name: string, source: DropdownSource): Trigger {
	const paged = source.paginated === true && catalogue.pagination !== undefined;
	const perform = async (z: ZObject, bundle: Bundle): Promise<Array<{ id: string }>> => {
		const page = Number(bundle.meta?.page ?? 0) || 0;
		const request = buildSourceRequest(catalogue, source.request, source.dependsOn, bundle.inputData ?? {});
		if (!request) return []; // waits for the input it depends on (the workspace)
		if (!paged && page > 0) return []; // everything came with page 0
		if (paged && catalogue.pagination) {
			const { pagination } = catalogue;
			request.qs = { ...request.qs, ...pageQuery(pagination, pagination.firstPage + page, pagination.maxPageSize) };
		}
		const choices = choicesFrom(source, await sendOperationRequest(z, bundle, vendor, request));
		// A whole list is sorted for the user; a paged one keeps the vendor's order so pages do not interleave.
		if (!paged) choices.sort((a, b) => a.name.localeCompare(b.name));
		const fixed = page === 0 ? (source.prepend ?? []).map((o) => ({ id: o.value, name: o.name })) : [];
		return [...fixed, ...choices] as Array<{ id: string }>; // typings want string ids; numbers work alike
	};
	const noun = titleOf(name.replace(/([a-z])([A-Z])/g, '$1 $2'));
	return {
		key: dropdownKey(name),
		noun,
		display: { label: `${noun} List`, description: `Lists ${vendor.displayName} ${noun.toLowerCase()} for dropdowns.`, hidden: true },
		operation: { type: 'polling', perform, ...(paged ? { canPaginate: true } : {}), sample: { id: 1001, name: 'Sample' } },
	};
}
