/**
 * Catalogue inputs as Zapier input fields. Keys are the catalogue's input names (`fieldName`), the same
 * names `buildOperationRequest` reads, so a field's value reaches the request without renaming.
 */
import type { PlainInputField } from 'zapier-platform-core';

import { fieldName, isUnset } from '../../shared/operations/request';
import type { FieldOption, OperationField, VendorOperations } from '../../shared/operations/types';
import { dropdownKey, sentence, userFacing } from './labels';

/** The field that reads a dropdown trigger's records: `id` is the value sent, `name` what the user sees. */
export const DROPDOWN_VALUE = 'id';
export const DROPDOWN_LABEL = 'name';

const TYPES: Record<OperationField['type'], PlainInputField['type']> = {
	string: 'string',
	text: 'text',
	number: 'number',
	boolean: 'boolean',
	options: 'string',
	multiOptions: 'string',
	// Zapier hands over ISO 8601; formatValue keeps the calendar day typed and spells it the vendor's way.
	date: 'datetime',
	// parsed by buildOperationRequest, which names the field when the JSON is invalid
	json: 'code',
};

/** Static choices; an option whose value is '' means "no filter", which an empty field already says. */
export function choicesOf(options: FieldOption[] | undefined): PlainInputField['choices'] | undefined {
	const usable = (options ?? []).filter((o) => String(o.value) !== '');
	if (usable.length === 0) return undefined;
	return usable.map((o) => ({ label: o.name, value: String(o.value), sample: String(o.value) }));
}

function helpTextOf(catalogue: VendorOperations, field: OperationField): string {
	// unconfirmed facts are listed in the app's README (folder-readme.ts), not in the Zap editor
	const parts = [userFacing(sentence(field.description))];
	if (field.dropdown || catalogue.idDropdowns?.[fieldName(field)]) parts.push('Choose from the list, or enter an ID.');
	const range = `From ${field.min ?? '…'} to ${field.max ?? '…'}`;
	if ((field.min !== undefined || field.max !== undefined) && !parts[0].includes(range.replace('From', 'from'))) parts.push(`${range}.`);
	return parts.filter((p) => p !== '').join(' ').slice(0, 1000);
}

/** A multi-valued text input (comma lists): Zapier lets the user add values one by one. */
function isList(field: OperationField): boolean {
	return field.type === 'multiOptions' || (field.type === 'string' && (field.format === 'csv' || field.format === 'array'));
}

/** One catalogue input as a Zapier input field; `siblings` are the other inputs of the same operation. */
export function inputFieldOf(catalogue: VendorOperations, field: OperationField, siblings: OperationField[]): PlainInputField {
	const input: PlainInputField = {
		key: fieldName(field),
		label: field.displayName,
		type: TYPES[field.type],
		required: field.required === true,
		helpText: helpTextOf(catalogue, field),
	};
	if (field.placeholder) input.placeholder = field.placeholder;
	if (isList(field)) input.list = true;
	// A default is saved into every new Zap and then always sent, so only required inputs get one.
	if (field.required && !isUnset(field.default) && !Array.isArray(field.default)) input.default = String(field.default);
	// a field's own dropdown, else the catalogue's picker for IDs of that input (integration check D004)
	const dropdown = field.dropdown ?? catalogue.idDropdowns?.[fieldName(field)];
	if (dropdown) {
		const source = catalogue.dropdowns[dropdown];
		if (!source) throw new Error(`${catalogue.vendor}: dropdown ${dropdown} is not defined`);
		input.dynamic = `${dropdownKey(dropdown)}.${DROPDOWN_VALUE}.${DROPDOWN_LABEL}`;
		const names = new Set(siblings.map((f) => fieldName(f)));
		const parents = Object.values(source.dependsOn ?? {}).filter((name) => names.has(name));
		if (parents.length > 0) input.dependsOn = parents;
	} else {
		const choices = choicesOf(field.options);
		if (choices) input.choices = choices;
	}
	return input;
}

/** The inputs a user sets: hidden ones are fixed by the catalogue, `fixed` ones by a polling event. */
export function userFields(fields: OperationField[], fixed: Record<string, string> = {}): OperationField[] {
	return fields.filter((f) => !f.hidden && !(f.key in fixed));
}

/** Required inputs first (Zapier shows them in this order), each group in catalogue order. */
export function inputFieldsOf(catalogue: VendorOperations, fields: OperationField[]): PlainInputField[] {
	const ordered = [...fields.filter((f) => f.required || f.primary), ...fields.filter((f) => !f.required && !f.primary)];
	const inputs = ordered.map((f) => inputFieldOf(catalogue, f, fields));
	const keys = inputs.map((i) => i.key);
	const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
	if (duplicate) throw new Error(`${catalogue.vendor}: two inputs of one operation are both named "${duplicate}"`);
	return inputs;
}
