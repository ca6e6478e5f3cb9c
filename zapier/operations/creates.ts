/**
 * Creates from the catalogue's write operations (create, update, complete, assign, comment, cost, …). A
 * create returns the object the vendor answered with, so later steps can map its fields; only a vendor that
 * answers nothing gets an acknowledgement naming what was changed.
 */
import type { Bundle, Create, ZObject } from 'zapier-platform-core';

import { readPath } from '../../shared/oauth/api';
import { buildOperationRequest, extractRecords, fieldName, type OperationRequest } from '../../shared/operations/request';
import type { OperationDefinition, VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { inputFieldsOf, userFields } from './input-fields';
import { valuesOf } from './inputs';
import { actionLabel, describes, userFacing } from './labels';
import type { PlannedCreate } from './plan';
import { catalogueSample, recordSample, resourceFields } from './samples';
import { inputError, sendOperationRequest } from './send';

type Row = Record<string, unknown>;

function isEmptyAnswer(body: unknown): boolean {
	return body === undefined || body === null || body === '' || (typeof body === 'object' && Object.keys(body as object).length === 0);
}

/** What was acted on, by the vendor's names: the addressing inputs (path) and the required ones. */
function acknowledgement(operation: OperationDefinition, values: Row): Row {
	const ack: Row = {};
	for (const field of operation.fields) {
		const value = values[fieldName(field)];
		if ((field.in === 'path' || field.required) && value !== undefined) ack[field.key] = value;
	}
	return { ...ack, success: true };
}

/** The object a create returns. */
export function createdObject(operation: OperationDefinition, body: unknown, values: Row): Row {
	if (isEmptyAnswer(body)) return acknowledgement(operation, values);
	if (operation.result.shape === 'success') {
		return body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...acknowledgement(operation, values), ...(body as Row) } : acknowledgement(operation, values);
	}
	// No record where the catalogue expects one (Worksection complete_task answers `{status:"ok"}` alone):
	// the answer, plus what was acted on.
	const path = operation.result.path;
	if (path && readPath(body, path) === undefined && typeof body === 'object' && !Array.isArray(body)) return { ...acknowledgement(operation, values), ...(body as Row) };
	const [record] = extractRecords(operation.result, body);
	// extractRecords says { success: true } for a record the answer does not hold (WebWork `data: null`)
	const nothing = !record || (Object.keys(record).length === 1 && record.success === true);
	return nothing ? acknowledgement(operation, values) : record;
}

export function catalogueCreate(vendor: VendorDefinition, catalogue: VendorOperations, planned: PlannedCreate): Create {
	const { operation, resource } = planned;
	const visible = userFields(operation.fields);
	const perform = async (z: ZObject, bundle: Bundle): Promise<Row> => {
		const values = valuesOf(visible, bundle.inputData);
		let request: OperationRequest;
		try {
			request = buildOperationRequest(catalogue, operation, values);
		} catch (error) {
			throw inputError(z, vendor, error);
		}
		return createdObject(operation, await sendOperationRequest(z, bundle, vendor, request), values);
	};
	// A new comment or cost looks like its inputs; a changed task looks like the resource's records.
	const sampleFields = operation.kind === 'create' ? operation.fields : resourceFields(resource, operation.fields);
	return {
		key: planned.key,
		noun: resource.name,
		display: { label: actionLabel(operation, 'create'), description: describes(userFacing(operation.description) || operation.action, 'create') },
		operation: { perform, inputFields: inputFieldsOf(catalogue, visible), sample: catalogueSample(catalogue, resource, operation) ?? recordSample(sampleFields) },
	};
}
