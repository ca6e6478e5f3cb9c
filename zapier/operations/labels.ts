/**
 * Zapier wording derived from the catalogue's own words: Title Case labels without articles ("Create an
 * item" → "Create Item"), nouns, and keys built from the catalogue's stable values, never from its prose, so
 * rewording an action cannot change a key (a changed key breaks every Zap that uses it).
 */
import type { OperationDefinition, ResourceDefinition } from '../../shared/operations/types';

const ARTICLES = new Set(['a', 'an', 'the']);
const SMALL_WORDS = new Set(['to', 'of', 'and', 'or', 'in', 'on', 'for', 'by', 'with', 'from']);

/** Zapier's key pattern (KeySchema). */
export const KEY_PATTERN = /^[a-zA-Z]+[a-zA-Z0-9_]*$/;

function capitalise(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Add a comment to an item" → "Add Comment to Item". */
export function titleOf(sentence: string): string {
	const words = sentence.split(/\s+/).filter((w) => w !== '' && !ARTICLES.has(w.toLowerCase()));
	return words.map((w, i) => (i > 0 && SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : capitalise(w))).join(' ');
}

/** Only for our own nouns ("Comments" → "Comment", "Entries" → "Entry"). */
function singular(word: string): string {
	if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
	if (/[^s]s$/i.test(word)) return word.slice(0, -1);
	return word;
}

/** "item" / "keyResult" / "time-entry" → "Item" / "KeyResult" / "TimeEntry", for keys. */
function pascal(value: string): string {
	return value
		.split(/[^a-zA-Z0-9]+/)
		.filter((p) => p !== '')
		.map(capitalise)
		.join('');
}

/** What a list returns: its resource for "Get Many", else the noun in its name ("Get Comments" of Item → "Item Comment"). */
export function listNoun(resource: ResourceDefinition, operation: OperationDefinition): string {
	if (operation.value === 'getAll') return resource.name;
	const rest = operation.name.replace(/^(Get|List)\s+/i, '').trim();
	return `${resource.name} ${singular(titleOf(rest))}`;
}

/** The label of a create or search: the catalogue action in Title Case; a search reads "Find …". */
export function actionLabel(operation: OperationDefinition, kind: 'create' | 'search'): string {
	const label = titleOf(operation.action);
	return kind === 'search' && operation.kind === 'get' ? label.replace(/^Get\b/, 'Find') : label;
}

/** Keys of creates and searches: `<resource>_<operation>`, the catalogue's stable values. */
export function operationKey(resource: ResourceDefinition, operation: OperationDefinition): string {
	return `${resource.value.replace(/[^a-zA-Z0-9]+/g, '_')}_${operation.value.replace(/[^a-zA-Z0-9]+/g, '_')}`;
}

/** Key of a polling trigger the catalogue does not name itself: `new` + the noun ("newTimeEntry"). */
export function derivedTriggerKey(resource: ResourceDefinition, operation: OperationDefinition): string {
	const suffix = operation.value === 'getAll' ? '' : pascal(operation.value.replace(/^(get|list)(?=[A-Z])/, ''));
	return `new${pascal(resource.value)}${suffix}`;
}

export function dropdownKey(source: string): string {
	return `dropdown_${source.replace(/[^a-zA-Z0-9]+/g, '_')}`;
}

/** Descriptions are full sentences. */
export function sentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
