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

/** The label of a create or search: the catalogue action in Title Case; a search reads "Find <Noun>". */
export function actionLabel(operation: OperationDefinition, kind: 'create' | 'search', resource?: ResourceDefinition): string {
	const label = titleOf(operation.action);
	if (kind !== 'search') return label;
	// "Search Tasks" (a list) and "Get a Task" both find one record for the Zap (Zapier uses the first)
	if (operation.kind === 'list' && resource) return `Find ${resource.name}`;
	return label.replace(/^(Get|Search)\b/, 'Find');
}

/** "Create" → "Creates", "Log" → "Logs", "Reply" → "Replies", "Push" → "Pushes". */
function thirdPersonVerb(verb: string): string {
	if (/[^aeiou]y$/i.test(verb)) return `${verb.slice(0, -1)}ies`;
	if (/(s|sh|ch|x|z|o)$/i.test(verb)) return `${verb}es`;
	return `${verb}s`;
}

/**
 * Zapier's description style: what the step does, in the third person ("Creates a project.", "Finds a task.").
 * The catalogue's sentences are imperatives written for n8n ("Create a project.", "Get one task.").
 */
export function describes(text: string, kind: 'create' | 'search'): string {
	const plain = sentence(text);
	if (kind === 'search') {
		const found = plain.replace(/^(Get|Find|Search(?: for)?|Look up)\s+(one|a|an)\s+/i, 'Finds a ').replace(/^(Get|Find|Search(?: for)?|Look up)\b/i, 'Finds');
		return /^Finds\b/.test(found) ? found.replace(/^Finds a ([aeiou])/i, 'Finds an $1') : `Finds ${found.charAt(0).toLowerCase()}${found.slice(1)}`;
	}
	const [first, ...rest] = plain.split(' ');
	if (/s$/.test(first) && !/ss$/.test(first)) return plain; // already "Creates", "Adds"
	return [thirdPersonVerb(first), ...rest].join(' ');
}

/**
 * Sentences meant for maintainers, or for another platform, dropped from what a Zap builder reads: confidence
 * marks and doubts (the app's README lists unconfirmed facts, zapier/folder-readme.ts), and advice that names
 * n8n's "Custom API Call" or the admin API key, which an OAuth app does not offer.
 */
const NOT_FOR_ZAP_BUILDERS = /\bUnconfirmed\b|\bguess(ed)?\b|\[(DOC|VENDOR-CODE|3P|GUESS)\]|Custom API Call|not in the public documentation|admin API key/i;

export function userFacing(text: string): string {
	const sentences = text.match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g) ?? [text];
	return sentences
		.map((s) => s.trim())
		.filter((s) => s !== '' && !NOT_FOR_ZAP_BUILDERS.test(s))
		.join(' ');
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
