/**
 * bundle.inputData → the values `buildOperationRequest` expects. Zapier hands most inputs over as text
 * (a mapped "5", a choice "10", a boolean "true"), while JSON-bodied vendors want the typed value, so inputs
 * are turned back into numbers and booleans where the catalogue types them so.
 */
import { fieldName, isUnset } from '../../shared/operations/request';
import type { OperationField } from '../../shared/operations/types';

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);
const NUMERIC = /^-?\d+(\.\d+)?$/;
/** An ID as a dropdown hands it over ("12"); leading zeros mean it is text, not a number. */
const INTEGER_ID = /^(0|[1-9]\d{0,14})$/;

function asBoolean(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim().toLowerCase();
	return TRUE.has(text) ? true : FALSE.has(text) ? false : value;
}

/** A chosen option back to the option's own type (WebWork status 10, not "10"). */
function asOption(field: OperationField, value: unknown): unknown {
	const match = (field.options ?? []).find((o) => String(o.value) === String(value));
	return match ? match.value : value;
}

export function coerce(field: OperationField, value: unknown): unknown {
	if (isUnset(value)) return undefined;
	switch (field.type) {
		case 'number':
			return typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : value;
		case 'boolean':
			return asBoolean(value);
		case 'options':
			// dropdown records carry numeric ids as numbers; JSON bodies should too (as the n8n nodes send them)
			if (field.dropdown) return typeof value === 'string' && INTEGER_ID.test(value.trim()) ? Number(value) : value;
			return asOption(field, value);
		case 'multiOptions':
			return Array.isArray(value) ? value.map((v) => asOption(field, v)) : value;
		case 'string':
			// mapped IDs often carry a stray space or newline
			return typeof value === 'string' ? value.trim() : value;
		default:
			return value;
	}
}

/**
 * Values by input name for the given (visible) fields; unset inputs are left out. A required input with a
 * catalogue default falls back to it: Zapier saves defaults only into Zaps set up in its editor.
 */
export function valuesOf(fields: OperationField[], inputData: Record<string, unknown> | undefined): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const field of fields) {
		let value = coerce(field, inputData?.[fieldName(field)]);
		if (value === undefined && field.required && !isUnset(field.default)) value = coerce(field, field.default);
		if (value !== undefined) values[fieldName(field)] = value;
	}
	return values;
}
