/**
 * Zapier's integration checks that can be decided from the app definition alone, offline
 * (https://platform.zapier.com/publish/integration-checks-reference). Each violation names its check code,
 * so a failing test reads like `zapier-platform validate` with network would.
 *
 * Check codes are used only where the reference (or issue text quoting it) ties the rule to the code:
 * D001, D003, D004, D006, D008, D009, D021, D023. Zapier's build and style guidelines
 * (https://docs.zapier.com/platform/publish/integration-publishing-requirements) add the copy, sample and
 * polling rules below; they carry descriptive codes (STYLE-…, SAMPLE-…, POLL-…) instead of a borrowed number.
 */

export interface Violation {
	code: string;
	where: string;
	message: string;
}

type Row = Record<string, unknown>;
type Field = {
	key: string;
	label?: string;
	helpText?: string;
	required?: boolean;
	dynamic?: string;
	search?: string;
	choices?: unknown;
	type?: string;
	computed?: boolean;
};
type Operation = {
	key: string;
	noun: string;
	display: { label: string; description: string; hidden?: boolean };
	operation: {
		type?: string;
		inputFields?: Array<Field | ((...args: unknown[]) => unknown)>;
		sample?: Row;
		outputFields?: Array<{ key: string; label?: string; type?: string }>;
		performList?: unknown;
		perform?: unknown;
	};
};
export type CheckedApp = {
	authentication?: { type?: string; connectionLabel?: unknown; fields?: Field[] };
	triggers?: Record<string, Operation>;
	creates?: Record<string, Operation>;
	searches?: Record<string, Operation>;
	searchOrCreates?: Record<string, { key: string; display: { label: string; description: string }; search: string; create: string }>;
};

/** Typed IDs a vendor offers no list for: allowed, with the reason. Keyed by input key (the catalogue's `idWithoutList`). */
export type IdExemptions = Record<string, string>;

export interface CheckOptions {
	/** Input fields that ask for an ID although no dropdown or search can serve it, each with its reason. */
	idExemptions?: IdExemptions;
}

const SECRET_INPUT = /^(api[_ ]?key|access[_ ]?token|token|password|secret|client[_ ]?secret)$/i;
/** An input that names an ID: `itemId`, `id_task`, `idProject`, "Task ID". */
const ID_INPUT = /(^id[A-Z_]|Id$|_id$|^id$)/;
const ID_LABEL = /\bID\b/;
/** A URL not inside a Markdown link `[text](url)` or code span. */
const URL = /https?:\/\/[^\s)`\]]+/g;
/** Date-times: `2024-01-31 09:30`, `2024-01-31T09:30`; ISO-8601 with an offset is the only accepted form. */
const DATE_TIME_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Internal notes that must not reach a user: confidence marks, research wording, the n8n name of API Request. */
const INTERNAL_NOTE = /\bUnconfirmed\b|\bguess(ed)?\b|\[(DOC|VENDOR-CODE|3P|GUESS)\]|research\/|Custom API Call|not in the public documentation/i;
/** Placeholder sample values (a sample shows what the vendor sends, not what a template says). */
const PLACEHOLDER = /^Sample\b|^sample$/;
/** Inputs of a polling trigger that would change the order Zapier reads, or the fields it gets (and so the id). */
const SORT_OR_SHAPE_INPUT = /^(order|orderBy|sort|sortBy|direction|fields|select)$/i;

function fieldsOf(op: Operation): Field[] {
	return (op.operation.inputFields ?? []).filter((f): f is Field => typeof f === 'object' && f !== null);
}

function urlsOutsideLinks(text: string): string[] {
	const stripped = text.replace(/\[[^\]]*\]\([^)]*\)/g, '').replace(/`[^`]*`/g, '');
	return stripped.match(URL) ?? [];
}

function* stringsOf(value: unknown, path: string): Generator<[string, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsOf(v, `${path}[${i}]`);
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* stringsOf(v, path ? `${path}.${k}` : k);
}

/** Keys of a sample as Zapier flattens them for outputFields (`object__id`); arrays of scalars are one field. */
export function flatKeys(sample: Row, prefix = ''): string[] {
	const keys: string[] = [];
	for (const [key, value] of Object.entries(sample)) {
		const full = prefix ? `${prefix}__${key}` : key;
		if (value && typeof value === 'object' && !Array.isArray(value)) keys.push(...flatKeys(value as Row, full));
		else keys.push(full);
	}
	return keys;
}

/** A label noun is singular: "Task", "Time Entry", "Status"; not "Tasks", "Entries". */
function looksPlural(noun: string): boolean {
	const last = noun.trim().split(/\s+/).pop() ?? '';
	return /[^s]s$/.test(last) && !/(us|is|ss|ics|ews|Status|Access)$/.test(last);
}

function visible(group: Record<string, Operation> | undefined): Array<[string, Operation]> {
	return Object.entries(group ?? {}).filter(([, op]) => !op.display.hidden);
}

/** Every violation of the offline checks in one app. */
export function checkApp(app: CheckedApp, options: CheckOptions = {}): Violation[] {
	const out: Violation[] = [];
	const add = (code: string, where: string, message: string) => out.push({ code, where, message });
	const exemptions = options.idExemptions ?? {};
	const oauthOnly = app.authentication?.type === 'oauth2';

	// D003: a connection label, so a user can tell connected accounts apart
	if (typeof app.authentication?.connectionLabel !== 'function' && typeof app.authentication?.connectionLabel !== 'string') {
		add('D003', 'authentication', 'no connection label');
	}

	const groups = { triggers: app.triggers, creates: app.creates, searches: app.searches } as const;
	for (const [group, members] of Object.entries(groups)) {
		for (const [key, op] of visible(members)) {
			const where = `${group}.${key}`;
			const { label, description } = op.display;
			const fields = fieldsOf(op);

			for (const field of fields) {
				const at = `${where}.${field.key}`;
				// D001: credentials belong in the authentication, never in an action's inputs
				if (SECRET_INPUT.test(field.key) || SECRET_INPUT.test(field.label ?? '')) add('D001', at, `asks for a credential (${field.label ?? field.key}) in an input`);
				// D004: an ID typed by hand where a dropdown or search could serve
				const asksForId = ID_INPUT.test(field.key) || ID_LABEL.test(field.label ?? '');
				if (asksForId && !field.dynamic && !field.search && !field.choices && !(field.key in exemptions)) {
					add('D004', at, `asks the user to type an ID (${field.label}); offer a dynamic dropdown or a search`);
				}
				// D008: URLs in help text are Markdown links
				for (const url of urlsOutsideLinks(field.helpText ?? '')) add('D008', at, `bare URL in help text: ${url}`);
				if (INTERNAL_NOTE.test(`${field.label ?? ''} ${field.helpText ?? ''}`)) add('STYLE-NOTE', at, `internal note in user-facing text: "${field.helpText}"`);
				if (oauthOnly && /admin API key/i.test(field.helpText ?? '')) add('STYLE-NOTE', at, 'mentions the admin API key in an OAuth-only app');
			}
			for (const url of urlsOutsideLinks(description)) add('D008', where, `bare URL in description: ${url}`);
			if (INTERNAL_NOTE.test(`${label} ${description}`)) add('STYLE-NOTE', where, `internal note in user-facing text: "${description}"`);
			if (oauthOnly && /admin API key/i.test(description)) add('STYLE-NOTE', where, 'mentions the admin API key in an OAuth-only app');

			// copy conventions: labels in Title Case, singular nouns, descriptions that say what happens
			if (looksPlural(op.noun)) add('STYLE-NOUN', where, `noun "${op.noun}" is plural`);
			if (group === 'triggers' && !/^Triggers when\b/.test(description)) add('D021', where, `trigger description must start "Triggers when": "${description}"`);
			if (group === 'searches' && !/^Finds\b/.test(description)) add('STYLE-SEARCH', where, `search description must start "Finds": "${description}"`);
			if (group === 'searches' && !/^Find\b/.test(label)) add('STYLE-SEARCH', where, `search label must start "Find": "${label}"`);
			if (group === 'creates' && !/^[A-Z][a-z]+s\b/.test(description)) add('STYLE-CREATE', where, `action description must start with a verb in the third person ("Creates …"): "${description}"`);
			if (looksPlural(label)) add('STYLE-NOUN', where, `label "${label}" ends in a plural noun`);

			// D009: a search needs something to search by
			if (group === 'searches' && fields.length === 0) add('D009', where, 'search takes no input');

			// D006: a REST hook can be tested with real data
			if (group === 'triggers' && op.operation.type === 'hook' && typeof op.operation.performList !== 'function') add('D006', where, 'REST hook trigger has no performList');

			// samples and output fields
			const sample = op.operation.sample;
			if (!sample || typeof sample !== 'object' || Object.keys(sample).length === 0) {
				add('SAMPLE-MISSING', where, 'no sample');
				continue;
			}
			if (group === 'triggers' && sample.id === undefined) add('SAMPLE-ID', where, 'trigger sample has no id');
			for (const [path, value] of stringsOf(sample, '')) {
				// D023: date-times in ISO-8601 with an offset
				if (DATE_TIME_LIKE.test(value) && !ISO_WITH_OFFSET.test(value)) add('D023', `${where}.sample.${path}`, `"${value}" is not ISO-8601 with an offset`);
				if (PLACEHOLDER.test(value)) add('SAMPLE-PLACEHOLDER', `${where}.sample.${path}`, `placeholder value "${value}"`);
				if (/email/i.test(path) && !/^[^@\s]+@[^@\s]+\.[a-z]+(, [^@\s]+@[^@\s]+\.[a-z]+)*$/i.test(value)) add('SAMPLE-PLACEHOLDER', `${where}.sample.${path}`, `"${value}" is not an e-mail address`);
			}
			for (const [path, value] of Object.entries(sample)) {
				if (/email/i.test(path) && typeof value === 'number') add('SAMPLE-PLACEHOLDER', `${where}.sample.${path}`, `number ${value} in an e-mail field`);
			}
			const outputs = op.operation.outputFields;
			if (!Array.isArray(outputs) || outputs.length === 0) add('OUTPUT-FIELDS', where, 'no outputFields');
			else {
				const labelled = new Map(outputs.map((o) => [o.key, o.label]));
				for (const key of flatKeys(sample)) {
					if (!labelled.has(key)) add('OUTPUT-FIELDS', where, `sample field ${key} has no output field`);
					else if (!labelled.get(key)) add('OUTPUT-FIELDS', where, `output field ${key} has no label`);
					else if (/(^id$|_id$|Id$|__id$)/.test(key) && !ID_LABEL.test(labelled.get(key) as string)) add('OUTPUT-FIELDS', where, `ID field ${key} is labelled "${labelled.get(key)}" without "ID"`);
				}
			}

			// polling: inputs must not change the order Zapier reads or drop the id
			if (group === 'triggers' && op.operation.type !== 'hook') {
				for (const field of fields) if (SORT_OR_SHAPE_INPUT.test(field.key)) add('POLL-INPUT', `${where}.${field.key}`, 'a trigger input changes sort order or the returned fields');
			}
		}
	}

	// search-or-create pairs point at a search and a create that exist
	for (const [key, pair] of Object.entries(app.searchOrCreates ?? {})) {
		if (!app.searches?.[pair.search]) add('SEARCH-OR-CREATE', `searchOrCreates.${key}`, `search ${pair.search} does not exist`);
		if (!app.creates?.[pair.create]) add('SEARCH-OR-CREATE', `searchOrCreates.${key}`, `create ${pair.create} does not exist`);
	}
	return out;
}

/**
 * D003 beyond presence: the label a new connection gets, from an empty test answer and a token-only authData
 * (the least a connection has). A label that comes out empty is no label.
 */
export async function checkConnectionLabel(app: CheckedApp): Promise<Violation[]> {
	const label = app.authentication?.connectionLabel;
	if (typeof label === 'string') return label.trim() === '' ? [{ code: 'D003', where: 'authentication', message: 'empty connection label' }] : [];
	if (typeof label !== 'function') return [{ code: 'D003', where: 'authentication', message: 'no connection label' }];
	const text = await (label as (z: unknown, bundle: unknown) => Promise<unknown>)({}, { authData: { access_token: 'token' }, inputData: {} });
	return typeof text === 'string' && text.trim() !== '' ? [] : [{ code: 'D003', where: 'authentication', message: 'the connection label is empty for a connection whose test answer names no account' }];
}

/** One line per violation, check code first. */
export function report(violations: Violation[]): string {
	return violations.map((v) => `${v.code} ${v.where}: ${v.message}`).join('\n');
}
