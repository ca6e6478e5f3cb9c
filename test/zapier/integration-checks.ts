/**
 * Zapier's integration checks that can be decided from the app definition alone, offline
 * (https://docs.zapier.com/platform/publish/integration-checks-reference). Each violation names its check code,
 * so a failing test reads like `zapier-platform validate` with network would. Zapier's publishing requirements
 * (https://docs.zapier.com/platform/publish/integration-publishing-requirements) add the copy, sample and polling
 * rules at the end; they carry descriptive codes (STYLE-…, SAMPLE-…, POLL-…, OUTPUT-FIELDS) instead of a number.
 *
 * Every D code of the reference (read 2026-11-28; it lists D001–D018 and D021–D028, no D019 or D020):
 *
 * | code | title (reference)                                          | here                                                                                   |
 * | ---- | ---------------------------------------------------------- | -------------------------------------------------------------------------------------- |
 * | D001 | Input Fields Should Be Insensitive                         | checked: no action input keyed or labelled as a key, token, password or secret          |
 * | D002 | Provide Link in Help Text for Auth Fields                  | checked: every secret a user pastes (custom/session/basic auth) links to where to get it |
 * | D003 | Connection Label Should Be Valid                           | checked: a label exists, is not empty for a bare connection and shows no secret         |
 * | D004 | ID Fields Should Have Dynamic Dropdowns                    | checked: ID inputs have a dropdown, search or choices, or a named reason (idWithoutList)|
 * | D005 | Dynamic Dropdown Connects to a Non-Existing Trigger        | checked                                                                                |
 * | D006 | REST Hook Trigger Needs a Polling URL                      | checked: hook triggers have performList                                                |
 * | D007 | All URLs Should Be HTTPS                                   | checked for every URL written in the definition; URLs built at run time are held to     |
 * |      |                                                            | HTTPS by the host rule (shared/oauth/hosts.ts, test/zapier/foreign-hosts.test.ts)       |
 * | D008 | Invalid Markdown Link                                      | checked: descriptions and help texts (inputs and auth fields) have no bare URL          |
 * | D009 | Requires at Least One Search Field                         | checked                                                                                |
 * | D010 | Missing Primary Key Fields in Static Sample Data           | checked: polling samples hold the primary outputFields, or `id`                        |
 * | D011 | Redundant Help Text                                        | checked: help text is not the label again                                              |
 * | D012 | Static Sample Is Required                                  | checked: every visible trigger, create and search                                      |
 * | D013 | Connects to a Non-Existing Search                          | checked: search-powered fields                                                         |
 * | D014 | Search Connector can't be combined with certain features   | checked: search fields are string/number/integer, without list, dict or children       |
 * | D015 | Search-Or-Create Connects to a Non-Existing Action/Search  | checked                                                                                |
 * | D016 | Consists Only a Static Webhook                             | checked                                                                                |
 * | D017 | Static Hook Is Discouraged                                 | checked: hook triggers subscribe and unsubscribe                                       |
 * | D018 | Titlecased Label                                           | checked (Title Case with lower-case short words: "Add Comment to Item")                |
 * | D019 | –                                                          | not in the reference: the page has no D019; nothing to check                            |
 * | D020 | –                                                          | not in the reference: the page has no D020; nothing to check                            |
 * | D021 | Trigger Description Requirements                           | checked: starts "Triggers when " and ends with "."                                     |
 * | D022 | Creates Should Try to Have Static Input Fields             | checked: every visible create has a static input field                                 |
 * | D023 | ISO-8601 Date/Time Format in Static Sample                 | checked: date-times carry an offset; other date shapes are refused                      |
 * | D024 | Static Sample Respects Output Field Definition             | checked: required output fields are in the sample; typed values match their type       |
 * | D025 | URLs Should Not Be Dangerous URIs                          | checked: no javascript:, data:, vbscript: or file: URI anywhere in the definition       |
 * | D026 | Manual domain validation for domain-related auth fields    | checked: no `inputFormat`; a user-typed URL/domain auth field must name where it is     |
 * |      |                                                            | validated (CheckOptions.validatedDomainFields); the validation itself is tested there   |
 * | D027 | Not Using Latest Platform Version                          | not offline-checkable: needs npm's current zapier-platform-core version (a warning)      |
 * | D028 | Clean Input Data Enabled                                   | offline-checkable, not enforced: a warning about Zapier's default (its servers drop     |
 * |      |                                                            | empty inputs before our code runs); the apps are written and tested with that default   |
 *
 * The other areas (A, C, E, L, M, S, T, U, Z) need a Zapier account, the public version, live Zaps or the
 * integration's settings on Zapier, so none of them can be decided from the definition.
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
	list?: boolean;
	dict?: boolean;
	children?: unknown;
	inputFormat?: string;
};
type OutputField = { key: string; label?: string; type?: string; required?: boolean; primary?: boolean };
type Operation = {
	key: string;
	noun: string;
	display: { label: string; description: string; hidden?: boolean };
	operation: {
		type?: string;
		inputFields?: Array<Field | ((...args: unknown[]) => unknown)>;
		sample?: Row;
		outputFields?: Array<OutputField | ((...args: unknown[]) => unknown)>;
		performList?: unknown;
		performSubscribe?: unknown;
		performUnsubscribe?: unknown;
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
	/** D026: auth fields where the user types a URL or domain, each with where it is validated (default: ours). */
	validatedDomainFields?: Record<string, string>;
}

/** D026: our auth fields where the user types an address, and where that address is validated. */
export const VALIDATED_DOMAIN_FIELDS: Record<string, string> = {
	account_url:
		"the host rule (shared/oauth/hosts.ts) in the connection test and on every request; test/zapier/admin-key-auth.test.ts: an account URL off the vendor's domains, with a port or with userinfo is refused before any request",
};

/** D001: a key, token, password or secret: `api_key`, `api_token`, `user_password`, "Client Secret". */
const SECRET_INPUT = /(api[_ -]?key|token|passw(or)?d|secret)$/i;
/** An input that names an ID: `itemId`, `id_task`, `idProject`, "Task ID". */
const ID_INPUT = /(^id[A-Z_]|Id$|_id$|^id$)/;
const ID_LABEL = /\bID\b/;
/** A URL not inside a Markdown link `[text](url)` or code span. */
const URL = /https?:\/\/[^\s)`\]]+/g;
/** D023: date-times `2024-01-31 09:30`, `2024-01-31T09:30`; ISO-8601 with an offset is the only accepted form. */
const DATE_TIME_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** D023: other date shapes the reference refuses: `01 Aug 2023`, `Mon, 25 Jun 2012 …`, `31.01.2024`, `01/31/2024`. */
const OTHER_DATE = /^(\d{1,2} [A-Z][a-z]{2,8} \d{4}|[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}|\d{1,2}[./]\d{1,2}[./]\d{4})\b/;
/** D025: URIs that run code. */
const DANGEROUS_URI = /(^|\]\(|\s)(javascript|data|vbscript|file):/i;
/** D026: an auth field where the user types an address. */
const DOMAIN_FIELD = /(url|domain|host|subdomain)$/i;
/** D018: words Title Case leaves in lower case unless they come first. */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'nor', 'of', 'on', 'or', 'per', 'the', 'to', 'via', 'with']);
/** Internal notes that must not reach a user: confidence marks, research wording, the n8n name of API Request. */
const INTERNAL_NOTE = /\bUnconfirmed\b|\bguess(ed)?\b|\[(DOC|VENDOR-CODE|3P|GUESS)\]|research\/|Custom API Call|not in the public documentation/i;
/** Placeholder sample values (a sample shows what the vendor sends, not what a template says). */
const PLACEHOLDER = /^Sample\b|^sample$/;
/** Inputs of a polling trigger that would change the order Zapier reads, or the fields it gets (and so the id). */
const SORT_OR_SHAPE_INPUT = /^(order|orderBy|sort|sortBy|direction|fields|select)$/i;
/** Auth types where the user pastes a secret into a field (oauth2 asks on the vendor's page instead). */
const PASTED_AUTH = new Set(['custom', 'session', 'basic', 'digest']);

function fieldsOf(op: Operation): Field[] {
	return (op.operation.inputFields ?? []).filter((f): f is Field => typeof f === 'object' && f !== null);
}

function outputsOf(op: Operation): OutputField[] | undefined {
	const outputs = op.operation.outputFields;
	return Array.isArray(outputs) ? outputs.filter((o): o is OutputField => typeof o === 'object' && o !== null) : undefined;
}

function urlsOutsideLinks(text: string): string[] {
	const stripped = text.replace(/\[[^\]]*\]\([^)]*\)/g, '').replace(/`[^`]*`/g, '');
	return stripped.match(URL) ?? [];
}

function* stringsOf(value: unknown, path: string, seen = new Set<unknown>()): Generator<[string, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (value && typeof value === 'object' && !seen.has(value)) {
		seen.add(value);
		if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsOf(v, `${path}[${i}]`, seen);
		else for (const [k, v] of Object.entries(value)) yield* stringsOf(v, path ? `${path}.${k}` : k, seen);
	}
}

/** Keys of a sample as Zapier flattens them for outputFields (`object__id`); arrays of scalars are one field. */
export function flatKeys(sample: Row, prefix = ''): string[] {
	return Object.keys(flatSample(sample, prefix));
}

function flatSample(sample: Row, prefix = ''): Row {
	const flat: Row = {};
	for (const [key, value] of Object.entries(sample)) {
		const full = prefix ? `${prefix}__${key}` : key;
		if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(flat, flatSample(value as Row, full));
		else flat[full] = value;
	}
	return flat;
}

/** A label noun is singular: "Task", "Time Entry", "Status"; not "Tasks", "Entries". */
function looksPlural(noun: string): boolean {
	const last = noun.trim().split(/\s+/).pop() ?? '';
	return /[^s]s$/.test(last) && !/(us|is|ss|ics|ews|Status|Access)$/.test(last);
}

/** D018: each word capitalised (or a number, or all caps like "ID"), short words in lower case unless first. */
export function isTitleCase(label: string): boolean {
	return label
		.trim()
		.split(/\s+/)
		.every((word, i) => /^[^a-z]/.test(word) || (i > 0 && MINOR_WORDS.has(word)));
}

/** D024: a sample value fits an output field's type (null is "no value", which any type allows). */
function fitsType(value: unknown, type: string): boolean {
	if (value === null || value === undefined) return true;
	switch (type) {
		case 'integer':
			return Number.isInteger(value);
		case 'number':
			return typeof value === 'number';
		case 'boolean':
			return typeof value === 'boolean';
		case 'datetime':
			return typeof value === 'string' && (ISO_WITH_OFFSET.test(value) || /^\d{4}-\d{2}-\d{2}$/.test(value));
		case 'string':
		case 'text':
		case 'password':
		case 'copy':
		case 'file':
			return typeof value === 'string';
		default:
			return true;
	}
}

function visible<T extends { display: { hidden?: boolean } }>(group: Record<string, T> | undefined): Array<[string, T]> {
	return Object.entries(group ?? {}).filter(([, op]) => !op.display.hidden);
}

function all<T>(group: Record<string, T> | undefined): Array<[string, T]> {
	return Object.entries(group ?? {});
}

/** Every violation of the offline checks in one app. */
export function checkApp(app: CheckedApp, options: CheckOptions = {}): Violation[] {
	const out: Violation[] = [];
	const add = (code: string, where: string, message: string) => out.push({ code, where, message });
	const exemptions = options.idExemptions ?? {};
	const oauthOnly = app.authentication?.type === 'oauth2';
	const groups = { triggers: app.triggers, creates: app.creates, searches: app.searches } as const;

	// D003: a connection label, so a user can tell connected accounts apart (its content: checkConnectionLabel)
	if (typeof app.authentication?.connectionLabel !== 'function' && typeof app.authentication?.connectionLabel !== 'string') {
		add('D003', 'authentication', 'no connection label');
	}

	// the authentication's own fields
	for (const field of app.authentication?.fields ?? []) {
		const at = `authentication.fields.${field.key}`;
		// D002: a secret the user pastes comes with a link to where to find it
		if (PASTED_AUTH.has(app.authentication?.type ?? '') && !field.computed && field.type === 'password' && !/\[[^\]]+\]\(https:\/\/[^)]+\)/.test(field.helpText ?? '')) {
			add('D002', at, `help text of "${field.label}" has no link to where a user finds it`);
		}
		for (const url of urlsOutsideLinks(field.helpText ?? '')) add('D008', at, `bare URL in help text: ${url}`);
		if (field.helpText && field.label && normalised(field.helpText) === normalised(field.label)) add('D011', at, `help text repeats the label "${field.label}"`);
		// D026: Zapier's inputFormat builds URLs from what the user types, unvalidated; a typed address needs our validation
		if (field.inputFormat) add('D026', at, `inputFormat "${field.inputFormat}": build the URL in code and validate the domain`);
		if (!field.computed && DOMAIN_FIELD.test(field.key) && !(field.key in (options.validatedDomainFields ?? VALIDATED_DOMAIN_FIELDS))) {
			add('D026', at, `the user types an address in "${field.label ?? field.key}": name where it is validated (validatedDomainFields)`);
		}
	}

	// checks on every operation, hidden ones included (a hidden dropdown trigger still runs)
	for (const [group, members] of Object.entries(groups)) {
		for (const [key, op] of all(members)) {
			for (const field of fieldsOf(op)) {
				const at = `${group}.${key}.${field.key}`;
				// D005: a dynamic dropdown names a trigger that exists
				if (field.dynamic && !app.triggers?.[field.dynamic.split('.')[0]]) add('D005', at, `dynamic dropdown "${field.dynamic}" names no trigger of this app`);
				if (field.search) {
					// D013: a search-powered field names a search that exists
					if (!app.searches?.[field.search.split('.')[0]]) add('D013', at, `search "${field.search}" names no search of this app`);
					// D014: a search connector is a plain string/number/integer
					if ((field.type && !['string', 'number', 'integer'].includes(field.type)) || field.list || field.dict || field.children) {
						add('D014', at, 'a search-powered field must be a string, number or integer without list, dict or children');
					}
				}
			}
			// D017: a hook trigger subscribes and unsubscribes (else it is a static webhook)
			if (group === 'triggers' && op.operation.type === 'hook' && (typeof op.operation.performSubscribe !== 'function' || typeof op.operation.performUnsubscribe !== 'function')) {
				add('D017', `${group}.${key}`, 'hook trigger without performSubscribe/performUnsubscribe is a static webhook');
			}
		}
	}

	// D016: an app that is a single static webhook
	const shown = Object.values(groups).flatMap((members) => visible(members));
	if (shown.length === 1 && shown[0][1].operation.type === 'hook' && typeof shown[0][1].operation.performSubscribe !== 'function') {
		add('D016', 'app', 'the app consists only of a static webhook');
	}

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
				// D011: help text says something the label does not
				if (field.helpText && field.label && normalised(field.helpText) === normalised(field.label)) add('D011', at, `help text repeats the label "${field.label}"`);
				if (INTERNAL_NOTE.test(`${field.label ?? ''} ${field.helpText ?? ''}`)) add('STYLE-NOTE', at, `internal note in user-facing text: "${field.helpText}"`);
				if (oauthOnly && /admin API key/i.test(field.helpText ?? '')) add('STYLE-NOTE', at, 'mentions the admin API key in an OAuth-only app');
			}
			for (const url of urlsOutsideLinks(description)) add('D008', where, `bare URL in description: ${url}`);
			if (INTERNAL_NOTE.test(`${label} ${description}`)) add('STYLE-NOTE', where, `internal note in user-facing text: "${description}"`);
			if (oauthOnly && /admin API key/i.test(description)) add('STYLE-NOTE', where, 'mentions the admin API key in an OAuth-only app');

			// D018: labels in Title Case; copy conventions: singular nouns, descriptions that say what happens
			if (!isTitleCase(label)) add('D018', where, `label "${label}" is not in Title Case`);
			if (looksPlural(op.noun)) add('STYLE-NOUN', where, `noun "${op.noun}" is plural`);
			// D021: "Triggers when …."
			if (group === 'triggers' && !(/^Triggers when /.test(description) && description.endsWith('.'))) add('D021', where, `trigger description must start "Triggers when " and end with ".": "${description}"`);
			if (group === 'searches' && !/^Finds\b/.test(description)) add('STYLE-SEARCH', where, `search description must start "Finds": "${description}"`);
			if (group === 'searches' && !/^Find\b/.test(label)) add('STYLE-SEARCH', where, `search label must start "Find": "${label}"`);
			if (group === 'creates' && !/^[A-Z][a-z]+s\b/.test(description)) add('STYLE-CREATE', where, `action description must start with a verb in the third person ("Creates …"): "${description}"`);
			if (looksPlural(label)) add('STYLE-NOUN', where, `label "${label}" ends in a plural noun`);

			// D009: a search needs something to search by
			if (group === 'searches' && fields.length === 0) add('D009', where, 'search takes no input');
			// D022: a create has static inputs a Zap template can fill
			if (group === 'creates' && fields.length === 0) add('D022', where, 'action has no static input field');

			// D006: a REST hook can be tested with real data
			if (group === 'triggers' && op.operation.type === 'hook' && typeof op.operation.performList !== 'function') add('D006', where, 'REST hook trigger has no performList');

			// D012: a static sample
			const sample = op.operation.sample;
			if (!sample || typeof sample !== 'object' || Object.keys(sample).length === 0) {
				add('D012', where, 'no static sample');
				continue;
			}
			const flat = flatSample(sample);
			const outputs = outputsOf(op);
			// D010: a polling trigger's sample holds its primary key (outputFields marked primary, else `id`)
			if (group === 'triggers' && op.operation.type !== 'hook') {
				const primary = (outputs ?? []).filter((o) => o.primary).map((o) => o.key);
				for (const keyField of primary.length > 0 ? primary : ['id']) {
					if (flat[keyField] === undefined && sample[keyField] === undefined) add('D010', `${where}.sample`, `primary key field "${keyField}" is missing`);
				}
			} else if (group === 'triggers' && sample.id === undefined) add('SAMPLE-ID', where, 'trigger sample has no id');
			for (const [path, value] of stringsOf(sample, '')) {
				// D023: date-times in ISO-8601 with an offset, dates as YYYY-MM-DD
				if ((DATE_TIME_LIKE.test(value) && !ISO_WITH_OFFSET.test(value)) || OTHER_DATE.test(value)) add('D023', `${where}.sample.${path}`, `"${value}" is not ISO-8601 with an offset`);
				if (PLACEHOLDER.test(value)) add('SAMPLE-PLACEHOLDER', `${where}.sample.${path}`, `placeholder value "${value}"`);
				if (/email/i.test(path) && !/^[^@\s]+@[^@\s]+\.[a-z]+(, [^@\s]+@[^@\s]+\.[a-z]+)*$/i.test(value)) add('SAMPLE-PLACEHOLDER', `${where}.sample.${path}`, `"${value}" is not an e-mail address`);
			}
			for (const [path, value] of Object.entries(sample)) {
				if (/email/i.test(path) && typeof value === 'number') add('SAMPLE-PLACEHOLDER', `${where}.sample.${path}`, `number ${value} in an e-mail field`);
			}
			if (!outputs || outputs.length === 0) add('OUTPUT-FIELDS', where, 'no outputFields');
			else {
				// D024: the sample respects the output fields: required ones present, typed ones of their type
				for (const output of outputs) {
					const value = output.key in flat ? flat[output.key] : sample[output.key];
					if (output.required && value === undefined) add('D024', `${where}.outputFields.${output.key}`, 'required output field is missing from the sample');
					if (output.type && !fitsType(value, output.type)) add('D024', `${where}.outputFields.${output.key}`, `sample value ${JSON.stringify(value)} is not of type ${output.type}`);
				}
				const labelled = new Map(outputs.map((o) => [o.key, o.label]));
				for (const field of Object.keys(flat)) {
					if (!labelled.has(field)) add('OUTPUT-FIELDS', where, `sample field ${field} has no output field`);
					else if (!labelled.get(field)) add('OUTPUT-FIELDS', where, `output field ${field} has no label`);
					else if (/(^id$|_id$|Id$|__id$)/.test(field) && !ID_LABEL.test(labelled.get(field) as string)) add('OUTPUT-FIELDS', where, `ID field ${field} is labelled "${labelled.get(field)}" without "ID"`);
				}
			}

			// polling: inputs must not change the order Zapier reads or drop the id
			if (group === 'triggers' && op.operation.type !== 'hook') {
				for (const field of fields) if (SORT_OR_SHAPE_INPUT.test(field.key)) add('POLL-INPUT', `${where}.${field.key}`, 'a trigger input changes sort order or the returned fields');
			}
		}
	}

	// D015: search-or-create pairs point at a search and a create that exist; D018 for their labels too
	for (const [key, pair] of all(app.searchOrCreates)) {
		if (!app.searches?.[pair.search]) add('D015', `searchOrCreates.${key}`, `search ${pair.search} does not exist`);
		if (!app.creates?.[pair.create]) add('D015', `searchOrCreates.${key}`, `create ${pair.create} does not exist`);
		if (!isTitleCase(pair.display.label)) add('D018', `searchOrCreates.${key}`, `label "${pair.display.label}" is not in Title Case`);
	}

	// D007 and D025 over every string the definition holds (functions are code, not definition)
	for (const [path, value] of stringsOf(app, '')) {
		for (const url of value.match(/http:\/\/[^\s)`\]"']+/g) ?? []) add('D007', path, `URL is not HTTPS: ${url}`);
		if (DANGEROUS_URI.test(value)) add('D025', path, `dangerous URI in "${value.slice(0, 80)}"`);
	}
	return out;
}

function normalised(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * D003 beyond presence: the label a new connection gets from a bare connection (a test answer that names no
 * account, the least authData the scheme has), which must not be empty, and the label of a connection whose
 * every field holds a secret-looking value, which must not show any of them.
 */
export async function checkConnectionLabel(app: CheckedApp): Promise<Violation[]> {
	const label = app.authentication?.connectionLabel;
	const violation = (message: string): Violation[] => [{ code: 'D003', where: 'authentication', message }];
	if (typeof label === 'string') {
		if (label.trim() === '') return violation('empty connection label');
		return /\{\{\s*(bundle\.authData\.)?[\w.]*(token|key|secret|password)\s*\}\}/i.test(label) ? violation(`the label "${label}" shows a credential`) : [];
	}
	if (typeof label !== 'function') return violation('no connection label');
	const run = label as (z: unknown, bundle: unknown) => Promise<unknown>;
	const secrets: Record<string, string> = { access_token: 'SECRET-access-token', refresh_token: 'SECRET-refresh-token' };
	for (const field of app.authentication?.fields ?? []) if (field.type === 'password') secrets[field.key] = `SECRET-${field.key}`;
	const bare = await run({}, { authData: { access_token: 'token' }, inputData: {} });
	if (typeof bare !== 'string' || bare.trim() === '') return violation('the connection label is empty for a connection whose test answer names no account');
	const full = await run({}, { authData: { ...secrets }, inputData: { name: 'Ada Lovelace', email: 'ada@example.com' } });
	const shown = Object.values(secrets).filter((secret) => String(full).includes(secret));
	return shown.length > 0 ? violation(`the connection label shows a secret (${shown.length} value(s))`) : [];
}

/** One line per violation, check code first. */
export function report(violations: Violation[]): string {
	return violations.map((v) => `${v.code} ${v.where}: ${v.message}`).join('\n');
}
