/**
 * Platform-neutral use of the catalogue: turning input values into a request, reading records out of a
 * response, and paging. The n8n nodes and the Zapier app both call these; neither re-derives a vendor fact.
 */
import { readPath } from '../oauth/api';
import type {
	BodyFormat,
	HttpMethod,
	OperationDefinition,
	OperationField,
	PaginationSpec,
	RequestSpec,
	ResultSpec,
	VendorOperations,
	WireFormat,
} from './types';

export type Scalar = string | number | boolean;
export type WireValue = Scalar | Scalar[] | Record<string, unknown> | unknown[];

export interface OperationRequest {
	method: HttpMethod;
	path: string;
	qs: Record<string, Scalar>;
	body?: Record<string, unknown>;
	bodyFormat: BodyFormat;
	fromHostRoot?: boolean;
}

/** The input's own name: explicit, or the vendor key in camelCase (`team_id` → `teamId`). */
export function fieldName(field: Pick<OperationField, 'key' | 'name'>): string {
	return field.name ?? field.key.replace(/[_-]+([a-z0-9])/gi, (_m, c: string) => c.toUpperCase());
}

export function findOperation(catalogue: VendorOperations, resource: string, operation: string): OperationDefinition | undefined {
	return catalogue.resources.find((r) => r.value === resource)?.operations.find((o) => o.value === operation);
}

/** Unset means: not typed by the user. 0 and false are values. */
export function isUnset(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
	return String(value)
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

function ymdOf(value: unknown): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
	return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** Spells a value the way the vendor wants it. Dates keep the calendar day typed (no time-zone shift). */
export function formatValue(value: unknown, format: WireFormat | undefined): WireValue {
	switch (format) {
		case 'dateYmd':
			return ymdOf(value) ?? String(value);
		case 'dateDmy': {
			const ymd = ymdOf(value);
			if (!ymd) return String(value); // already DD.MM.YYYY, or let the vendor say what is wrong
			const [y, m, d] = ymd.split('-');
			return `${d}.${m}.${y}`;
		}
		case 'epochMs': {
			if (typeof value === 'number') return String(value);
			if (/^\d+$/.test(String(value))) return String(value);
			const ms = Date.parse(String(value));
			return Number.isNaN(ms) ? String(value) : String(ms);
		}
		case 'csv':
			return splitList(value).join(',');
		case 'zeroOne':
			return value === true || value === 'true' || value === 1 || value === '1' ? 1 : 0;
		case 'array':
			return splitList(value);
		default:
			if (Array.isArray(value)) return value as Scalar[];
			if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
			return value as Scalar;
	}
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/** JSON inputs arrive as text in most UIs. */
function parseJsonField(field: OperationField, value: unknown): unknown {
	if (field.type !== 'json' || typeof value !== 'string') return value;
	const parsed = tryJson(value);
	if (!parsed.ok) throw new Error(`${field.displayName} must be valid JSON`);
	return parsed.value;
}

/** Fills `{key}` placeholders; values are URL-encoded so an id can never change the path. */
export function fillPath(path: string, values: Record<string, unknown>): string {
	return path.replace(/\{([a-zA-Z0-9_]+)\}/g, (_m, key: string) => {
		const value = values[key];
		if (isUnset(value)) throw new Error(`The path parameter ${key} is empty`);
		return encodeURIComponent(String(value));
	});
}

function baseRequest(catalogue: VendorOperations, spec: RequestSpec): OperationRequest {
	const qs: Record<string, Scalar> = { ...(spec.query ?? {}) };
	if (spec.action) {
		if (!catalogue.actionParam) throw new Error(`An action is set but the ${catalogue.vendor} catalogue has no actionParam`);
		qs[catalogue.actionParam] = spec.action;
	}
	return { method: spec.method, path: spec.path, qs, bodyFormat: spec.bodyFormat ?? catalogue.bodyFormat, fromHostRoot: spec.fromHostRoot };
}

/**
 * The request for one operation. `values` maps input names (see `fieldName`) to what the user typed;
 * unset optional inputs are left out, an unset required input is an error.
 */
export function buildOperationRequest(
	catalogue: VendorOperations,
	operation: OperationDefinition,
	values: Record<string, unknown>,
): OperationRequest {
	const spec = operation.request;
	const variant = spec.actionWhenSet;
	const useVariant = variant ? !isUnset(values[fieldName(operation.fields.find((f) => f.key === variant.field) ?? { key: variant.field })]) : false;
	const request = baseRequest(catalogue, useVariant && variant ? { ...spec, action: variant.action } : spec);
	const pathValues: Record<string, unknown> = {};
	const body: Record<string, unknown> = {};
	for (const field of operation.fields) {
		const raw = field.hidden ? field.default : values[fieldName(field)];
		if (isUnset(raw)) {
			if (field.required) throw new Error(`${field.displayName} is required`);
			continue;
		}
		const wire = formatValue(parseJsonField(field, raw), field.format);
		if (field.in === 'path') pathValues[field.key] = wire;
		else if (field.in === 'query') request.qs[field.key] = Array.isArray(wire) ? wire.join(',') : (wire as Scalar);
		else body[field.key] = wire;
	}
	request.path = fillPath(request.path, pathValues);
	if (Object.keys(body).length > 0 || (['POST', 'PUT', 'PATCH'].includes(request.method) && operation.fields.some((f) => f.in === 'body'))) {
		request.body = body;
	}
	return request;
}

/** The request behind a dropdown, with the inputs it depends on. */
export function buildSourceRequest(
	catalogue: VendorOperations,
	spec: RequestSpec,
	dependsOn: Record<string, string> | undefined,
	values: Record<string, unknown>,
): OperationRequest | undefined {
	const request = baseRequest(catalogue, spec);
	for (const [key, input] of Object.entries(dependsOn ?? {})) {
		if (isUnset(values[input])) return undefined; // e.g. no workspace chosen yet
		request.qs[key] = values[input] as Scalar;
	}
	return request;
}

function asRecord(value: unknown): Record<string, unknown> {
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
	return { value };
}

/**
 * A list answer that holds no list where the catalogue says the records are (text, a number, an object whose
 * values are not records): a failure to report, not records to make up. The message says where and what was
 * found, never the value itself; each platform adds the vendor's name (nodes/transport/errors.ts, zapier/operations).
 */
export class UnexpectedAnswerError extends Error {
	constructor(
		readonly path: string | undefined,
		readonly found: string,
	) {
		super(`the answer holds ${found}${path ? ` at "${path}"` : ''} where a list of records was expected`);
		this.name = 'UnexpectedAnswerError';
	}
}

function describeNonList(value: unknown): string {
	if (typeof value === 'string') return 'text';
	if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value}`;
	return 'an object that is not a list of records';
}

const isRecord = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Records out of a response, as the operation's result spec says. */
export function extractRecords(result: ResultSpec, body: unknown): Array<Record<string, unknown>> {
	if (result.shape === 'success') return [{ success: true }];
	const found = result.path ? readPath(body, result.path) : body;
	if (result.shape === 'list') {
		if (found === undefined || found === null || found === '') return [];
		if (Array.isArray(found)) return found.map(asRecord);
		// A keyed object of records (some Worksection lists) is still a list; anything else is not.
		if (!isRecord(found) || !Object.values(found as object).every(isRecord)) throw new UnexpectedAnswerError(result.path, describeNonList(found));
		return Object.values(found as object).map(asRecord);
	}
	const record = found === undefined ? body : found;
	// A record endpoint that answers an array (Worktual's undocumented GET /contacts/{id}) yields its elements.
	if (Array.isArray(record)) return record.map(asRecord);
	if (record === undefined || record === null || record === '') return [{ success: true }];
	return [asRecord(record)];
}

/** Query parameters for one page. */
export function pageQuery(pagination: PaginationSpec, page: number, size: number): Record<string, number> {
	return { [pagination.pageParam]: page, [pagination.sizeParam]: Math.min(size, pagination.maxPageSize) };
}

/** Whether the page just read was the last. */
export function isLastPage(pagination: PaginationSpec, body: unknown, received: number, size: number, page: number): boolean {
	if (received === 0) return true;
	if (pagination.lastPagePath) {
		const last = readPath(body, pagination.lastPagePath);
		// Endpoint without paging meta: its single answer is everything.
		if (last === undefined || last === null || !Number.isFinite(Number(last))) return true;
		return page >= Number(last);
	}
	return received < size;
}

export interface PageFetcher {
	(request: OperationRequest): Promise<unknown>;
}

/**
 * Reads a list operation page by page, handing each page's records to `onPage` and keeping none:
 * memory stays one page deep. Stops at `limit` records (undefined = all).
 */
export async function forEachPage(
	catalogue: VendorOperations,
	operation: OperationDefinition,
	request: OperationRequest,
	fetch: PageFetcher,
	limit: number | undefined,
	onPage: (records: Array<Record<string, unknown>>) => void,
): Promise<void> {
	const pagination = operation.paginated ? catalogue.pagination : undefined;
	if (!pagination) {
		const body = await fetch(request);
		const records = extractRecords(operation.result, body);
		onPage(limit === undefined ? records : records.slice(0, limit));
		return;
	}
	let remaining = limit ?? Number.POSITIVE_INFINITY;
	// Ask for no more than still needed: a Limit of 5 costs one 5-record page.
	const size = Math.min(pagination.maxPageSize, remaining);
	for (let page = pagination.firstPage; remaining > 0; page++) {
		const body = await fetch({ ...request, qs: { ...request.qs, ...pageQuery(pagination, page, size) } });
		const records = extractRecords(operation.result, body);
		const taken = records.length > remaining ? records.slice(0, remaining) : records;
		remaining -= taken.length;
		onPage(taken);
		if (isLastPage(pagination, body, records.length, size, page)) break;
	}
}
