/**
 * Searches from the catalogue's reads: get-by-id operations and search lists. Zapier uses the first result
 * and reads an empty array as "nothing found" (which lets a Zap go on, or create instead), so a vendor 404
 * is an empty result, not a failure. Any other vendor error surfaces with the vendor's message.
 */
import type { Bundle, Search, ZObject } from 'zapier-platform-core';

import { buildOperationRequest, extractRecords, forEachPage, type OperationRequest } from '../../shared/operations/request';
import type { VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { inputFieldsOf, userFields } from './input-fields';
import { valuesOf } from './inputs';
import { actionLabel, describes, userFacing } from './labels';
import type { PlannedSearch } from './plan';
import { catalogueSample, recordSample, resourceFields } from './samples';
import { errorStatus, inputError, sendOperationRequest } from './send';

type Row = Record<string, unknown>;

/** Results a search returns at most: Zapier uses the first, later steps may loop over a few. */
export const SEARCH_LIMIT = 25;

function isPlaceholder(record: Row): boolean {
	return Object.keys(record).length === 1 && record.success === true;
}

export function catalogueSearch(vendor: VendorDefinition, catalogue: VendorOperations, planned: PlannedSearch): Search {
	const { operation, resource } = planned;
	const visible = userFields(operation.fields);
	const perform = async (z: ZObject, bundle: Bundle): Promise<Row[]> => {
		let request: OperationRequest;
		try {
			request = buildOperationRequest(catalogue, operation, valuesOf(visible, bundle.inputData));
		} catch (error) {
			throw inputError(z, vendor, error);
		}
		const fetch = (r: OperationRequest) => sendOperationRequest(z, bundle, vendor, r);
		const records: Row[] = [];
		try {
			if (operation.kind === 'list') await forEachPage(catalogue, operation, request, fetch, SEARCH_LIMIT, (page) => records.push(...page));
			else records.push(...extractRecords(operation.result, await fetch(request)));
		} catch (error) {
			if (errorStatus(error) === 404) return [];
			throw error;
		}
		// an empty answer to a get is "not found", not a record
		return records.filter((r) => !isPlaceholder(r)).slice(0, SEARCH_LIMIT);
	};
	return {
		key: planned.key,
		noun: resource.name,
		display: { label: actionLabel(operation, 'search', resource), description: describes(userFacing(operation.description) || operation.action, 'search') },
		operation: { perform, inputFields: inputFieldsOf(catalogue, visible), sample: catalogueSample(catalogue, resource, operation) ?? recordSample(resourceFields(resource, [])) },
	};
}
