/**
 * Samples for the Zap editor, built from the catalogue: the vendor's field names with plausible values.
 * Records usually echo what was written, so a resource's create inputs describe its records best.
 */
import type { OperationField, PollingEvent, ResourceDefinition } from '../../shared/operations/types';

type Sample = Record<string, unknown>;

const SAMPLE_ID = 1001;

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
	if (event.watermark) setPath(sample, event.watermark, '2024-01-31 09:30');
	for (const path of event.identity) if (path !== event.watermark && path !== 'id') setPath(sample, path, 'sample');
	if (event.kindFilter) {
		const [first] = event.kindFilter.options;
		const parts = String(first?.value ?? '').split(event.kindFilter.separator);
		event.kindFilter.paths.forEach((path, i) => setPath(sample, path, parts[i] ?? 'sample'));
	}
	return sample;
}
