/**
 * Samples for the Zap editor, built from the catalogue: the vendor's field names with plausible values.
 * Records usually echo what was written, so a resource's create inputs describe its records best.
 */
import type { OperationDefinition, OperationField, PollingEvent, ResourceDefinition, VendorOperations } from '../../shared/operations/types';

type Sample = Record<string, unknown>;

const SAMPLE_ID = 1001;
/** A time in a sample: ISO-8601 with an offset (Zapier integration check D023). */
export const SAMPLE_TIME = '2024-01-31T09:30:00+00:00';

function valueOf(field: OperationField): unknown {
	if (field.dropdown) return SAMPLE_ID;
	switch (field.type) {
		case 'number':
			return field.min ?? 1;
		case 'boolean':
			return false;
		case 'date':
			return '2024-01-31';
		case 'options':
			return field.options?.find((o) => o.value !== '')?.value ?? field.displayName;
		case 'multiOptions':
			return (field.options ?? []).slice(0, 1).map((o) => o.value);
		case 'json':
			return {};
		default:
			return field.placeholder ?? `Sample ${field.displayName.toLowerCase()}`;
	}
}

/** Sets a dotted path (`object.type`) on a plain object. */
function setPath(target: Sample, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as Sample;
	}
	node[keys[keys.length - 1]] = value;
}

/** The inputs that describe a resource's records: those of its own create, else the given ones. */
export function resourceFields(resource: ResourceDefinition, fallback: OperationField[]): OperationField[] {
	return resource.operations.find((o) => o.kind === 'create')?.fields ?? fallback;
}

/** A record with an id and the body/query inputs as fields (path inputs address it, they are not in it). */
export function recordSample(fields: OperationField[]): Sample {
	const sample: Sample = { id: SAMPLE_ID };
	for (const field of fields) if (field.in !== 'path' && !field.hidden && !(field.key in sample)) setPath(sample, field.key, valueOf(field));
	return sample;
}

/** A trigger's sample: a record plus the fields its identity and watermark read. */
export function eventSample(resource: ResourceDefinition, event: PollingEvent): Sample {
	// a list's own inputs are filters, not record fields
	const sample = recordSample(resourceFields(resource, []));
	if (event.watermark) setPath(sample, event.watermark, SAMPLE_TIME);
	for (const path of event.identity) if (path !== event.watermark && path !== 'id') setPath(sample, path, 'sample');
	if (event.kindFilter) {
		const [first] = event.kindFilter.options;
		const parts = String(first?.value ?? '').split(event.kindFilter.separator);
		event.kindFilter.paths.forEach((path, i) => setPath(sample, path, parts[i] ?? 'sample'));
	}
	return sample;
}

/** "id_project" → "Project ID", "type_id" → "Type ID", "object__id" → "Object ID", "date_added" → "Date Added". */
export function outputLabel(key: string): string {
	const words = key
		.split(/__|_|(?<=[a-z])(?=[A-Z])/)
		.filter((w) => w !== '')
		.map((w) => (w.toLowerCase() === 'id' ? 'ID' : w.charAt(0).toUpperCase() + w.slice(1)));
	// the vendor's "id_project" is the project's ID
	if (words[0] === 'ID' && words.length > 1) words.push(words.shift() as string);
	return words.join(' ');
}

type OutputField = { key: string; label: string; type?: 'string' | 'number' | 'integer' | 'boolean' | 'datetime' };

/** The type the sample shows; none for a list or an empty value, where the sample shows no type (D024). */
function outputType(value: unknown): OutputField['type'] {
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? 'datetime' : 'string';
	return undefined;
}

/**
 * Labelled output fields for every field of a sample, nested objects flattened the way Zapier shows them
 * (`object__id`), so a Zap builder maps "Project ID", not `id_project`.
 */
export function outputFieldsOf(sample: Sample, prefix = ''): OutputField[] {
	const fields: OutputField[] = [];
	for (const [key, value] of Object.entries(sample)) {
		const full = prefix ? `${prefix}__${key}` : key;
		if (value !== null && typeof value === 'object' && !Array.isArray(value)) fields.push(...outputFieldsOf(value as Sample, full));
		else {
			const type = outputType(value);
			fields.push({ key: full, label: outputLabel(full), ...(type ? { type } : {}) });
		}
	}
	return fields;
}

/** The catalogue's example record for an operation (`resource/operation`, else the resource's), if it has one. */
export function catalogueSample(catalogue: VendorOperations, resource: ResourceDefinition, operation: OperationDefinition): Sample | undefined {
	const samples = catalogue.samples ?? {};
	const own = samples[`${resource.value}/${operation.value}`] ?? samples[resource.value];
	return own ? structuredClone(own) : undefined;
}
