/**
 * The operation catalogue: per vendor, its resources and operations as plain data. The n8n nodes
 * (nodes/common) and the Zapier triggers/actions are generated from it, so nothing here names a platform.
 * Every fact carries its confidence (docs/vendors/<id>.md names the sources); guesses are marked, never silent.
 */
import type { VendorId } from '../types';

/** Confidence of a fact: the vendor's document, the vendor's own code, third-party code, or a guess. */
export type Confidence = 'doc' | 'vendor-code' | '3p' | 'guess';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type BodyFormat = 'json' | 'form';

/** Where an input goes on the wire. `path` fills a `{placeholder}` of the operation's path. */
export type FieldLocation = 'path' | 'query' | 'body';

export type FieldType =
	| 'string'
	/** multi-line string */
	| 'text'
	| 'number'
	| 'boolean'
	| 'options'
	| 'multiOptions'
	/** a calendar date; `format` says how the vendor spells it */
	| 'date'
	/** a JSON value typed by the user */
	| 'json';

/** How a value is spelled on the wire, where the vendor wants something other than the value itself. */
export type WireFormat =
	/** YYYY-MM-DD */
	| 'dateYmd'
	/** DD.MM.YYYY (Worksection) */
	| 'dateDmy'
	/** milliseconds since the epoch, as a string (Worktual createdDate) */
	| 'epochMs'
	/** a list joined with commas */
	| 'csv'
	/** true/false as 1/0 */
	| 'zeroOne'
	/** a comma-typed list sent as an array (JSON bodies) */
	| 'array';

export interface FieldOption {
	name: string;
	value: string | number;
	description?: string;
}

export interface OperationField {
	/** The vendor's name for it (query/body key or path placeholder). */
	key: string;
	/** The input's own name, when camelCase(key) does not suit (two inputs share a key across operations). */
	name?: string;
	displayName: string;
	type: FieldType;
	in: FieldLocation;
	required?: boolean;
	/** Shown with the required inputs although optional (a list's main filter). */
	primary?: boolean;
	default?: string | number | boolean | string[];
	description: string;
	placeholder?: string;
	options?: FieldOption[];
	/** A dropdown filled live from the vendor: a key of `VendorOperations.dropdowns`. */
	dropdown?: string;
	format?: WireFormat;
	/** Numbers only. */
	min?: number;
	max?: number;
	/** A fixed value that is always sent and never shown (e.g. Worksection filter=active). */
	hidden?: boolean;
	source?: Confidence;
	note?: string;
}

export interface RequestSpec {
	method: HttpMethod;
	/** Relative to the API base, with `{key}` placeholders for `in: 'path'` fields. '' = the base itself. */
	path: string;
	/** Action-style APIs (Worksection ?action=): sent as `VendorOperations.actionParam`. */
	action?: string;
	/** Another action when an optional input is set (Worksection: get_tasks of a project, else get_all_tasks). */
	actionWhenSet?: { field: string; action: string };
	/** Query parameters always sent. */
	query?: Record<string, string>;
	/** Defaults to `VendorOperations.bodyFormat`. */
	bodyFormat?: BodyFormat;
	/**
	 * The path is relative to the API host's root rather than to the API base (Wordapp's OAuth token info
	 * lives beside /api/v1, not under it). The host part of the base, including any sandbox prefix, is kept.
	 */
	fromHostRoot?: boolean;
}

export interface ResultSpec {
	/** `list`: records split into one output each; `record`: one record; `success`: `{ success: true }`. */
	shape: 'list' | 'record' | 'success';
	/**
	 * Dotted path to the records in the response (`items`, `data`). Absent = the body itself. When the path
	 * is missing from a response, a list is empty (Worksection omits an empty `data`) and a record is the body.
	 */
	path?: string;
}

export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'action';

export interface OperationDefinition {
	/** Stable value: the n8n operation value and the Zapier key suffix. */
	value: string;
	/** Short name for a selector (`Create`, `Get Many`). */
	name: string;
	/** Sentence-case action (`Create an item`). */
	action: string;
	/** What it does, in one sentence a user can act on. */
	description: string;
	kind: OperationKind;
	request: RequestSpec;
	fields: OperationField[];
	result: ResultSpec;
	/**
	 * Not a plain API call: `revokeToken` runs the vendor's documented revocation (shared/oauth
	 * `buildRevokeRequest`) with the connection's access token; `request` is then only descriptive.
	 */
	special?: 'revokeToken';
	/** List operations: page through `VendorOperations.pagination`. Without it the vendor returns all at once. */
	paginated?: boolean;
	source: Confidence;
	note?: string;
}

export interface ResourceDefinition {
	value: string;
	name: string;
	operations: OperationDefinition[];
	/**
	 * The fields a simplified record keeps (n8n's Simplify and the AI tool's Simplified output), for a
	 * resource whose records have more than 10 fields (see its sample).
	 */
	simplifiedFields?: string[];
}

/**
 * Page-number paging (WebWork `page`/`per_page`; Worktual `offset` counts pages from 0). Paging stops on an
 * empty page; with `lastPagePath`, on the last page it names (or after the first answer that lacks it: the
 * endpoint does not page); without it, on a short page.
 */
export interface PaginationSpec {
	pageParam: string;
	sizeParam: string;
	firstPage: number;
	maxPageSize: number;
	lastPagePath?: string;
	source: Confidence;
}

/** A live dropdown: where its records come from and which fields name and identify them. */
export interface DropdownSource {
	request: RequestSpec;
	/** Dotted path to the records; absent = the body. */
	path?: string;
	/**
	 * Label alternatives, tried in order until one is non-empty; each is dotted paths joined by `+` whose
	 * values are joined with a space (`['name', 'first_name+last_name']`).
	 */
	label: string[];
	/** Value alternatives (dotted paths), tried in order. */
	value: string[];
	/** Query parameters filled from other inputs of the same operation: wire key → input name. */
	dependsOn?: Record<string, string>;
	/** Page through the vendor's pagination. */
	paginated?: boolean;
	/** Fixed choices listed before the live ones (Weekdone's `me`). */
	prepend?: FieldOption[];
	/**
	 * What the values are: records' IDs (the default), which n8n offers as a resource locator (From List /
	 * By ID / By URL), or plain values (an item type, a person's e-mail), which stay a dropdown.
	 */
	values?: 'recordIds' | 'plainValues';
	/**
	 * The web address of one record, only where the vendor's document or API shows its shape: a regular
	 * expression whose one group is the record's ID (n8n's By URL mode), and an example address.
	 */
	recordUrl?: { regex: string; example: string; source: Confidence };
	source: Confidence;
}

/** A polling source: a list operation plus how to tell a new record from one already seen. */
export interface PollingEvent {
	value: string;
	name: string;
	description: string;
	resource: string;
	operation: string;
	/**
	 * Dotted paths whose values together identify a record. Records with no id (Worksection events)
	 * use several fields.
	 */
	identity: string[];
	/**
	 * A field that grows with time (`inserted`, `date_added`); when given, only the identities at the
	 * newest value are remembered (flat memory), otherwise those of the last poll.
	 */
	watermark?: string;
	/** Query parameters for the poll that the user does not set (e.g. Worksection `period`). */
	query?: Record<string, string>;
	/**
	 * Lets the user pick which kinds of record fire: a record's kind is the values at `paths` joined by
	 * `separator` (Worksection: `post` + `task` → `post_task`, the same names its webhooks use).
	 */
	kindFilter?: { paths: string[]; separator: string; options: FieldOption[] };
	/** Inputs of the list a poll never offers: they change the order or the fields returned (and so the id). */
	hide?: string[];
	/**
	 * A list the server cannot sort newest first is narrowed to recent records instead, so that one page holds
	 * the new ones: the poll sends `field` = now − `hours`, as epoch milliseconds, beside `query`'s comparison.
	 */
	recent?: { field: string; hours: number };
}

/** Registering a webhook with the vendor, as data. Only what the vendor documents. */
export interface WebhookSpec {
	/** Event names the vendor accepts. */
	events: FieldOption[];
	create: RequestSpec & {
		/** Where the URL, events and verification values go. */
		paramsIn: 'query' | 'body';
		/** Key of the target URL. */
		urlKey: string;
		/** Key of the events list and how it is spelled. */
		eventsKey: string;
		eventsFormat: 'csv' | 'array';
		/** Inputs besides the URL and events (workspace, projects). */
		fields: OperationField[];
		/** Dotted path of the new webhook's id in the response. */
		idPath: string;
	};
	delete: RequestSpec & {
		/** Where the id goes: a `{id}` placeholder in the path, or a query key. */
		idIn: 'path' | 'query';
		idKey: string;
		/** Inputs that must accompany the delete (WebWork workspace_id). */
		carry?: string[];
	};
	/** List registered webhooks, to find one left from a previous activation. */
	list?: RequestSpec & { path: string; resultPath?: string; urlPath: string; idPath: string; carry?: string[] };
	/**
	 * How a delivery proves it comes from the vendor:
	 * `basicAuth`: we choose http_user/http_pass at registration and the vendor sends them as Basic auth (Worksection);
	 * `token`: the vendor returns a secret at registration and presents it on delivery (WebWork).
	 */
	verification:
		| { kind: 'basicAuth'; userKey: string; passKey: string; source: Confidence }
		| { kind: 'token'; tokenPath: string; header: string; source: Confidence; note: string };
	/** Body the vendor expects in answer to a delivery. */
	response?: unknown;
	/** The delivery body is an array of events (Worksection) rather than one event. */
	deliveryIsArray: boolean;
	/**
	 * Zapier's REST hook test (`performList`): recent records of a list operation, wrapped as a delivery of
	 * `event` would carry them: `{ [eventKey]: event, [dataKey]: record, …registration inputs }`. The vendors do
	 * not document the delivery body, so the wrapping is an assumption, named in `note`.
	 */
	testRecords?: { resource: string; operation: string; event: string; eventKey: string; dataKey: string; note: string };
	/**
	 * The polling event (its `value`) whose records are what a delivery carries, under the webhook's event names
	 * as kinds (Worksection: the activity log, `post_task` …). A trigger offering both ways shows its newest
	 * records of the chosen events on a manual run in webhook mode, because n8n runs a polling node's poll()
	 * for every manual execution, a test delivery's too (github.com/n8n-io/n8n packages/core/src/execution-engine/workflow-execute.ts, runNode).
	 */
	sampleFrom?: string;
	source: Confidence;
	note?: string;
}

/**
 * Finding a record by what a person knows of it (a name, title or e-mail) rather than its ID: the list is
 * read (narrowed by the server where `query` says how) and the records whose `by.path` equals the typed
 * value, ignoring case, are the result. `create` names the operation a "find or create" falls back to.
 */
export interface LookupSpec {
	resource: string;
	/** The list operation read (its other required inputs, such as a workspace, are asked too). */
	list: string;
	by: { input: string; label: string; path: string; description: string };
	/** Query parameters that let the server narrow the list: wire key → template with `{value}`. */
	query?: Record<string, string>;
	create?: string;
}

/**
 * Example records as the vendor answers them (its docs, the sandbox seeds), keyed by resource value or by
 * `resource/operation` where an operation answers something else (a list of comments, an invitation).
 * Zapier shows them as samples; times are ISO-8601 with an offset.
 */
export type RecordSamples = Record<string, Record<string, unknown>>;

export interface VendorOperations {
	vendor: VendorId;
	/** Default body encoding of writes. */
	bodyFormat: BodyFormat;
	/** Query key carrying `RequestSpec.action` (Worksection `action`). */
	actionParam?: string;
	pagination?: PaginationSpec;
	dropdowns: Record<string, DropdownSource>;
	resources: ResourceDefinition[];
	polling?: PollingEvent[];
	webhook?: WebhookSpec;
	/** The vendor's API documentation, for node docs links. */
	docsUrl: string;
	/** Example records (shared/operations/samples/<vendor>.ts). */
	samples?: RecordSamples;
	/**
	 * Inputs that take a record's ID (input name → a key of `dropdowns`) where the field itself names no
	 * dropdown: a platform that offers a picker wherever an ID is asked (Zapier) uses these.
	 */
	idDropdowns?: Record<string, string>;
	/** Inputs that take an ID no list endpoint can offer (input name → why), so they stay typed. */
	idWithoutList?: Record<string, string>;
	/** Finding the main records by name, title or e-mail. */
	lookups?: LookupSpec[];
}
