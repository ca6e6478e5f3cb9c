import { readPath } from '../oauth/api';
import type { DropdownSource } from './types';

/** Dropdown choices read from vendor records, the same way for n8n loadOptions and Zapier dynamic fields. */

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** First non-empty label alternative; `a+b` joins several fields with a space. */
export function dropdownLabel(source: DropdownSource, record: Record<string, unknown>): string {
	for (const alternative of source.label) {
		const label = alternative
			.split('+')
			.map((path) => text(readPath(record, path)))
			.filter((part) => part !== '')
			.join(' ');
		if (label !== '') return label;
	}
	return '';
}

/** First usable value path (a number or a non-empty string). */
export function dropdownValue(source: DropdownSource, record: Record<string, unknown>): string | number | undefined {
	for (const path of source.value) {
		const value = readPath(record, path);
		if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value;
	}
	return undefined;
}
