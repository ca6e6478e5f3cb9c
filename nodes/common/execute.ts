import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	buildOperationRequest,
	fieldName,
	findOperation,
	type OperationRequest,
	type Scalar,
} from '../../shared/operations/request';
import type { OperationDefinition, VendorOperations } from '../../shared/operations/types';
import { credentialTypeOf, isLocatorValue, type VendorNodeSpec } from './node-spec';
import { collectionOf, CUSTOM_API_CALL, isDestructive, isTopLevel, recordSourceOf, simplifiedFieldsOf } from './description';
import { toNodeApiError } from '../transport/errors';
import { withCredentialResolvedOnce } from '../transport/connection';
import { vendorApiRequest, vendorApiRequestAllItems } from '../transport/GenericFunctions';
import { connectionSecrets, scrubError } from '../transport/redaction';
import { revokeWithConnection } from '../transport/revoke';

type Row = Record<string, unknown>;

/**
 * What the user typed for an operation, keyed by input name: top-level inputs plus the collection's. A record
 * ID is read with n8n's extractValue: a version-2 resource locator gives its ID (a URL reduced to the ID by
 * the mode's pattern), and a version-1 plain string, or an expression giving one, passes through unchanged.
 */
function inputValues(this: IExecuteFunctions, catalogue: VendorOperations, operation: OperationDefinition, itemIndex: number): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const field of operation.fields) {
		if (field.hidden || !isTopLevel(field)) continue;
		const name = fieldName(field);
		values[name] = recordSourceOf(catalogue, field)
			? this.getNodeParameter(name, itemIndex, field.default ?? '', { extractValue: true })
			: this.getNodeParameter(name, itemIndex, field.default ?? '');
	}
	if (operation.fields.some((f) => !f.hidden && !isTopLevel(f))) {
		const collection = collectionOf(operation).name;
		for (const [name, value] of Object.entries(this.getNodeParameter(collection, itemIndex, {}) as IDataObject)) {
			values[name] = isLocatorValue(value) ? this.getNodeParameter(`${collection}.${name}`, itemIndex, '', { extractValue: true }) : value;
		}
	}
	return values;
}

/** The named top-level fields of each record, in the order named (absent ones left out). */
function pickFields(names: string[]): (rows: Row[]) => Row[] {
	return (rows) => rows.map((row) => Object.fromEntries(names.filter((name) => name in row).map((name) => [name, row[name]])));
}

/**
 * What a get or list returns, version 2 on: in the editor, Simplify keeps the resource's main fields; as an AI
 * tool, Output is Simplified (the same), Raw, or Selected Fields. Version 1 shows neither, so its records stay raw.
 */
function outputShape(this: IExecuteFunctions, catalogue: VendorOperations, resource: string, operation: OperationDefinition, itemIndex: number): (rows: Row[]) => Row[] {
	const raw = (rows: Row[]) => rows;
	const definition = catalogue.resources.find((r) => r.value === resource);
	if (!definition || (operation.kind !== 'get' && operation.kind !== 'list')) return raw;
	const simplified = simplifiedFieldsOf(catalogue, definition, operation);
	if (isToolRun.call(this)) {
		const output = this.getNodeParameter('output', itemIndex, 'raw') as string;
		if (output === 'fields') {
			const names = String(this.getNodeParameter('outputFields', itemIndex, ''))
				.split(',')
				.map((name) => name.trim())
				.filter((name) => name !== '');
			if (names.length === 0) throw new NodeOperationError(this.getNode(), 'Fields: name at least one field to return, separated by commas', { itemIndex });
			return pickFields(names);
		}
		return output === 'simple' && simplified ? pickFields(simplified) : raw;
	}
	return simplified && this.getNodeParameter('simplify', itemIndex, false) === true ? pickFields(simplified) : raw;
}

function parseJsonParameter(this: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object') return value as IDataObject;
	try {
		return JSON.parse(String(value)) as IDataObject;
	} catch {
		throw new NodeOperationError(this.getNode(), 'Body must be valid JSON', { itemIndex });
	}
}

/** Custom API Call: any method and path on the vendor's API base, with the credential applied by the transport. */
function customRequest(this: IExecuteFunctions, itemIndex: number): OperationRequest {
	const method = this.getNodeParameter('method', itemIndex) as OperationRequest['method'];
	const path = this.getNodeParameter('path', itemIndex, '') as string;
	const pairs = (this.getNodeParameter('queryParameters.parameters', itemIndex, []) as Array<{ name: string; value: string }>) ?? [];
	const qs: Record<string, Scalar> = {};
	for (const { name, value } of pairs) if (name) qs[name] = value;
	const request: OperationRequest = { method, path, qs, bodyFormat: 'json' };
	if (method !== 'GET') {
		const body = parseJsonParameter.call(this, this.getNodeParameter('body', itemIndex, '{}'), itemIndex);
		if (body && Object.keys(body).length > 0) request.body = body;
	}
	return request;
}

function asRows(body: unknown): Row[] {
	if (Array.isArray(body)) return body.map((r) => (r !== null && typeof r === 'object' ? (r as Row) : { value: r }));
	if (body !== null && typeof body === 'object') return [body as Row];
	if (body === undefined || body === null || body === '') return [{ success: true }];
	return [{ data: body }];
}

/** Run by an AI agent: n8n's `<name>Tool` node type, the tool variant of a `usableAsTool` node. */
function isToolRun(this: IExecuteFunctions): boolean {
	return this.getNode().type.endsWith('Tool');
}

/**
 * Run by an AI agent (n8n's `<name>Tool` node type), the node does nothing destructive: no delete or
 * revoke, no free-form write. In the editor these are not offered to the tool either (description.ts).
 */
function toolRefusal(this: IExecuteFunctions, what: string, itemIndex: number): void {
	if (!isToolRun.call(this)) return;
	throw new NodeOperationError(this.getNode(), `${what} is not available to an AI agent; use the node in a workflow instead`, { itemIndex });
}

async function runOperation(this: IExecuteFunctions, spec: VendorNodeSpec, credentialType: string, itemIndex: number, emit: (rows: Row[]) => void): Promise<void> {
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const operationValue = this.getNodeParameter('operation', itemIndex) as string;
	if (resource === CUSTOM_API_CALL) {
		const request = customRequest.call(this, itemIndex);
		if (request.method !== 'GET') toolRefusal.call(this, `a ${request.method} request`, itemIndex);
		// One credential resolution for the call and n8n's signing (see ../transport/connection.ts).
		emit(asRows(await vendorApiRequest.call(withCredentialResolvedOnce(this, credentialType), spec.vendor, credentialType, request)));
		return;
	}
	const operation = findOperation(spec.catalogue, resource, operationValue);
	if (!operation) throw new NodeOperationError(this.getNode(), `Unknown operation ${resource}/${operationValue}`, { itemIndex });
	if (isDestructive(operation)) toolRefusal.call(this, `${operation.name} (${resource})`, itemIndex);

	if (operation.special === 'revokeToken') {
		await revokeWithConnection.call(this, spec.vendor, credentialType);
		emit([{ success: true }]);
		return;
	}

	let request: OperationRequest;
	try {
		request = buildOperationRequest(spec.catalogue, operation, inputValues.call(this, spec.catalogue, operation, itemIndex));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	const shape = outputShape.call(this, spec.catalogue, resource, operation, itemIndex);
	const emitShaped = (rows: Row[]) => emit(shape(rows));

	if (operation.kind === 'list') {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		await vendorApiRequestAllItems.call(this, spec.vendor, spec.catalogue, credentialType, operation, request, limit, emitShaped);
		return;
	}
	// n8n's convention for a delete that answers nothing: `{ deleted: true }`.
	const deleted = operation.value === 'delete' && operation.result.shape === 'success';
	await vendorApiRequestAllItems.call(this, spec.vendor, spec.catalogue, credentialType, { ...operation, paginated: false }, request, undefined, deleted ? () => emit([{ deleted: true }]) : emitShaped);
}

/**
 * execute() of every generated vendor node: one operation per input item, outputs paired to their item,
 * vendor errors as NodeApiError, and with Continue On Fail an error output for that item only.
 */
export async function executeVendorNode(this: IExecuteFunctions, spec: VendorNodeSpec): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const credentialType = credentialTypeOf.call(this, spec, itemIndex);
			await runOperation.call(this, spec, credentialType, itemIndex, (rows) => {
				for (const row of rows) returnData.push({ json: row as IDataObject, pairedItem: { item: itemIndex } });
			});
		} catch (error) {
			// Whatever threw, the connection's own secret values never reach the output or the error shown.
			const secrets = connectionSecrets(await this.getCredentials(credentialTypeOf.call(this, spec, itemIndex)).catch(() => undefined));
			const failure = scrubError(
				error instanceof NodeApiError || error instanceof NodeOperationError ? error : toNodeApiError(this.getNode(), spec.vendor, error, secrets),
				secrets,
			);
			if (this.continueOnFail()) {
				returnData.push({ json: { error: failure.message, ...(failure.description ? { description: failure.description } : {}) } as JsonObject, pairedItem: { item: itemIndex } });
				continue;
			}
			if (failure instanceof NodeOperationError && failure.context.itemIndex === undefined) failure.context.itemIndex = itemIndex;
			if (failure instanceof NodeApiError && failure.context.itemIndex === undefined) failure.context.itemIndex = itemIndex;
			throw failure;
		}
	}
	return [returnData];
}
