import type { INodeCredentialDescription, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { DropdownSource, FieldOption, OperationDefinition, OperationField, ResourceDefinition, VendorOperations } from '../../shared/operations/types';
import { fieldName } from '../../shared/operations/request';
import type { VendorDefinition } from '../../shared/types';
import { credentialTypesFor } from '../transport/credentials';

/**
 * n8n node properties generated from the operation catalogue, in n8n-nodes-base idiom: resource and
 * operation selectors, required inputs at top level, the rest in Additional Fields / Update Fields /
 * Filters, Return All + Limit on lists, and a Custom API Call resource on every node.
 */

export const CUSTOM_API_CALL = 'customApiCall';
/** The option name n8n checks before appending its own Custom API Call to a resource or operation list. */
export const CUSTOM_API_CALL_NAME = 'Custom API Call';

const EXPRESSION_HINT = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/**
 * The node version that brought resource locators, Simplify and the AI tool's Output option (n8n's way to
 * change parameters without changing saved workflows: a saved node keeps its typeVersion, so a version-1
 * workflow keeps its plain ID fields and raw output, and new nodes get `defaultVersion`).
 */
export const LOCATOR_VERSION = 2;
const BEFORE_LOCATORS = { '@version': [{ _cnd: { lt: LOCATOR_VERSION } }] };
const WITH_LOCATORS = { '@version': [{ _cnd: { gte: LOCATOR_VERSION } }] };

/**
 * n8n's style for parameter and option descriptions: one sentence without a final period, several
 * sentences with one. The catalogue writes full sentences (Zapier's style), so a lone one loses its period.
 */
export function n8nText(text: string): string;
export function n8nText(text: string | undefined): string | undefined;
export function n8nText(text: string | undefined): string | undefined {
	if (!text || !text.endsWith('.')) return text;
	return text.replace('e.g.', '').split('. ').length === 1 ? text.slice(0, -1) : text;
}

/**
 * n8n's UX guidelines: an example value reads "e.g. …"; an email field's placeholder is exactly
 * name@email.com (n8n-nodes-base rule node-param-placeholder-missing-email).
 */
export function n8nPlaceholder(text: string): string {
	return text === 'name@email.com' || text.startsWith('e.g. ') ? text : `e.g. ${text}`;
}

/** n8n's UX guidelines: an action (the node panel's entry) has no article ("Create task"). */
export function n8nAction(text: string): string {
	return text.replace(/ (?:a|an|the) /gi, ' ');
}

/** Field options with n8n-style descriptions. */
export function n8nOptions(options: FieldOption[] | undefined): INodePropertyOptions[] {
	return (options ?? []).map((o) => ({ name: o.name, value: o.value, ...(o.description ? { description: n8nText(o.description) } : {}) })).sort(byName);
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

/** The `authentication` selector: one option per credential type the vendor has (hidden when it has one). */
export function authenticationProperty(vendor: VendorDefinition): INodeProperties {
	const types = credentialTypesFor(vendor);
	const oauth2 = types[0].value;
	// One credential type: nothing to choose, so no selector is shown (the value still picks the credential).
	if (types.length === 1) return { displayName: 'Authentication', name: 'authentication', type: 'hidden', default: oauth2 };
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: types.map((t) => ({ name: t.name, value: t.value })).sort(byName),
		default: oauth2,
	};
}

/** Every credential type, each shown for its own `authentication` value. */
export function vendorCredentials(vendor: VendorDefinition): INodeCredentialDescription[] {
	return credentialTypesFor(vendor).map((t) => ({
		name: t.value,
		required: true,
		displayOptions: { show: { authentication: [t.value] } },
	}));
}

/** Where an optional input lives, named as n8n-nodes-base names these collections. */
export function collectionOf(operation: OperationDefinition): { name: string; displayName: string; placeholder: string } {
	if (operation.kind === 'list') return { name: 'filters', displayName: 'Filters', placeholder: 'Add Filter' };
	if (operation.kind === 'update') return { name: 'updateFields', displayName: 'Update Fields', placeholder: 'Add Field' };
	return { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field' };
}

export function isTopLevel(field: OperationField): boolean {
	return field.required === true || field.primary === true;
}

function defaultOf(field: OperationField): INodeProperties['default'] {
	if (field.default !== undefined) return field.default;
	if (field.type === 'boolean') return false;
	if (field.type === 'number') return 0;
	if (field.type === 'multiOptions') return [];
	return '';
}

/** One catalogue input as an n8n parameter (without displayOptions). */
export function fieldProperty(catalogue: VendorOperations, field: OperationField): INodeProperties {
	const base = {
		displayName: field.displayName,
		name: fieldName(field),
		default: defaultOf(field),
		description: n8nText(field.description),
		...(field.required ? { required: true } : {}),
		...(field.placeholder ? { placeholder: n8nPlaceholder(field.placeholder) } : {}),
	};
	if (field.dropdown) {
		const source = catalogue.dropdowns[field.dropdown];
		if (!source) throw new Error(`${catalogue.vendor}: dropdown ${field.dropdown} is not defined`);
		return {
			...base,
			displayName: `${field.displayName} Name or ID`,
			description: `${field.description} ${EXPRESSION_HINT}`,
			type: 'options',
			typeOptions: {
				loadOptionsMethod: field.dropdown,
				...(source.dependsOn ? { loadOptionsDependsOn: Object.values(source.dependsOn) } : {}),
			},
			default: '',
		};
	}
	switch (field.type) {
		case 'text':
			return { ...base, type: 'string', typeOptions: { rows: 4 } };
		case 'number':
			return {
				...base,
				type: 'number',
				...(field.min !== undefined || field.max !== undefined ? { typeOptions: { minValue: field.min, maxValue: field.max } } : {}),
			};
		case 'boolean':
			return { ...base, type: 'boolean' };
		case 'options':
			return { ...base, type: 'options', options: n8nOptions(field.options) };
		case 'multiOptions':
			return { ...base, type: 'multiOptions', options: n8nOptions(field.options).sort(byName) };
		case 'date':
			return { ...base, type: 'dateTime' };
		case 'json':
			return { ...base, type: 'json' };
		default:
			return { ...base, type: 'string' };
	}
}

/**
 * The dropdown that lists the records a field names by ID (the field's own dropdown, or the catalogue's
 * `idDropdowns` for a typed ID), when its values are record IDs and the field takes one of them.
 */
export function recordSourceOf(catalogue: VendorOperations, field: OperationField): { method: string; source: DropdownSource } | undefined {
	if (field.type === 'multiOptions' || field.hidden) return undefined;
	const method = field.dropdown ?? catalogue.idDropdowns?.[fieldName(field)];
	const source = method ? catalogue.dropdowns[method] : undefined;
	if (!method || !source || source.values === 'plainValues') return undefined;
	return { method, source };
}

/** A parameter that names another input: `<input>.value` where that input is a resource locator. */
function dependencyOf(catalogue: VendorOperations, fields: OperationField[], input: string): string {
	const field = fields.find((f) => fieldName(f) === input);
	return field && recordSourceOf(catalogue, field) ? `${input}.value` : input;
}

/**
 * A record-ID input as n8n's resource locator (UX guidelines): From List (the catalogue's dropdown as a
 * searchable list), By ID, and By URL where the vendor's records have a known address.
 */
export function locatorProperty(catalogue: VendorOperations, field: OperationField, fields: OperationField[]): INodeProperties {
	const found = recordSourceOf(catalogue, field);
	if (!found) throw new Error(`${catalogue.vendor}: ${fieldName(field)} names no record list`);
	const { method, source } = found;
	const label = field.displayName.replace(/ ID$/, '');
	const url = source.recordUrl ?? { regex: '', example: '' };
	const dependsOn = Object.values(source.dependsOn ?? {}).map((input) => dependencyOf(catalogue, fields, input));
	const property: INodeProperties = {
		displayName: label,
		name: fieldName(field),
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: locatorDescription(field.description, source.recordUrl !== undefined),
		...(field.required ? { required: true } : {}),
		// Written in place, as n8n's lint reads modes; By URL is dropped below where no address is known.
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label.toLowerCase()}...`,
				typeOptions: { searchListMethod: method, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 12345' },
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${url.example}`,
				validation: [{ type: 'regex', properties: { regex: url.regex, errorMessage: `Not a ${label.toLowerCase()} URL` } }],
				extractValue: { type: 'regex', regex: url.regex },
			},
		],
		...(dependsOn.length > 0 ? { typeOptions: { loadOptionsDependsOn: dependsOn } } : {}),
	};
	if (!source.recordUrl) property.modes = property.modes?.filter((mode) => mode.name !== 'url');
	return property;
}

/** n8n-nodes-base's wording for a locator (Todoist's project), which also tells an AI agent what it may give. */
function locatorDescription(description: string, byUrl: boolean): string {
	return `${description} Choose from the list, or specify an ID${byUrl ? ' or a URL' : ''}.`;
}

/** One input as version 2 shows it: a resource locator for a record ID, else as before (dependencies on locators by value). */
function fieldPropertyWithLocators(catalogue: VendorOperations, field: OperationField, fields: OperationField[]): INodeProperties {
	if (recordSourceOf(catalogue, field)) return locatorProperty(catalogue, field, fields);
	const property = fieldProperty(catalogue, field);
	const dependsOn = property.typeOptions?.loadOptionsDependsOn;
	if (!dependsOn) return property;
	return { ...property, typeOptions: { ...property.typeOptions, loadOptionsDependsOn: dependsOn.map((input) => dependencyOf(catalogue, fields, input)) } };
}

/** The record a get or list operation returns, as the catalogue's sample shows it. */
function recordSample(catalogue: VendorOperations, resource: string, operation: OperationDefinition): Record<string, unknown> | undefined {
	return catalogue.samples?.[`${resource}/${operation.value}`] ?? catalogue.samples?.[resource];
}

/**
 * The fields Simplify keeps for a get or list operation, when its records have more than 10 fields (n8n's UX
 * guidelines) and the resource names them.
 */
export function simplifiedFieldsOf(catalogue: VendorOperations, resource: ResourceDefinition, operation: OperationDefinition): string[] | undefined {
	if (operation.kind !== 'get' && operation.kind !== 'list') return undefined;
	const sample = recordSample(catalogue, resource.value, operation);
	if (!resource.simplifiedFields || !sample || Object.keys(sample).length <= 10) return undefined;
	return resource.simplifiedFields;
}

/** Two field names of a record for a placeholder (IDs left out: n8n's lint wants "ID" in any text). */
function exampleFields(sample: Record<string, unknown> | undefined): string[] {
	const names = Object.keys(sample ?? {}).filter((name) => !/(?:^|_)id$/i.test(name));
	return names.length > 0 ? names.slice(0, 2) : ['name', 'status'];
}

/** Simplify in the editor, and the Output choice as an AI tool (n8n's AI tool guidance), version 2 on. */
function outputProperties(catalogue: VendorOperations, resource: ResourceDefinition, operation: OperationDefinition): INodeProperties[] {
	if (operation.kind !== 'get' && operation.kind !== 'list') return [];
	const show = { resource: [resource.value], operation: [operation.value], ...WITH_LOCATORS };
	const simplified = simplifiedFieldsOf(catalogue, resource, operation);
	const props: INodeProperties[] = [];
	if (simplified) {
		props.push({
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			displayOptions: { show: { ...show, '@tool': [false] } },
			description: 'Whether to return a simplified version of the response instead of the raw data',
		});
	}
	props.push(
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'simple',
			displayOptions: { show: { ...show, '@tool': [true] } },
			options: [
				{ name: 'Raw', value: 'raw', description: 'Every field the vendor returns' },
				{ name: 'Selected Fields', value: 'fields', description: 'Only the fields named in Fields' },
				{
					name: 'Simplified',
					value: 'simple',
					description: simplified ? 'The main fields of each record' : 'Each record as the vendor returns it (it has few fields)',
				},
			],
		},
		{
			displayName: 'Fields',
			name: 'outputFields',
			type: 'string',
			default: '',
			required: true,
			placeholder: `e.g. ${exampleFields(recordSample(catalogue, resource.value, operation)).join(', ')}`,
			displayOptions: { show: { ...show, '@tool': [true], output: ['fields'] } },
			description: 'The names of the fields to return, separated by commas',
		},
	);
	return props;
}

/**
 * Operations an AI agent is not offered by default: they destroy data or the connection itself.
 * The node as a tool (n8n's `<name>Tool` type, `@tool` in displayOptions) lists the others only, and
 * execute() refuses these there (toolRefusal in execute.ts), whatever the parameters say.
 */
export function isDestructive(operation: OperationDefinition): boolean {
	return operation.value === 'delete' || operation.special === 'revokeToken';
}

/** What the tool needs, for the tool description n8n builds from the action ("<action> in <node>"). */
function toolAction(operation: OperationDefinition): string {
	// Sentence case without punctuation, as n8n's lint wants an action (acronyms such as ID kept).
	const words = (name: string) => name.replace(/[^A-Za-z0-9 ]/g, '').split(' ').filter(Boolean).map((w) => (w === w.toUpperCase() ? w : w.toLowerCase())).join(' ');
	const needs = operation.fields.filter((f) => !f.hidden && f.required).map((f) => words(f.displayName));
	const action = n8nAction(operation.action);
	return needs.length > 0 ? `${action} given ${needs.join(' and ')}` : action;
}

function operationOption(operation: OperationDefinition, action: string): INodePropertyOptions {
	const option: INodePropertyOptions = { name: operation.name, value: operation.value, action };
	if (operation.description) option.description = n8nText(operation.description);
	return option;
}

function operationSelectors(resource: ResourceDefinition): INodeProperties[] {
	const selector = (operations: OperationDefinition[], action: (o: OperationDefinition) => string, tool: boolean): INodeProperties => {
		const first = operations[0].value;
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value], '@tool': [tool] } },
			options: operations.map((o) => operationOption(o, action(o))).sort(byName),
			default: first,
		};
	};
	const safe = resource.operations.filter((o) => !isDestructive(o));
	// In the editor: every operation. As an AI tool: the safe ones, each action saying what it needs. The
	// tool's selector comes first: n8n's automatic tool description takes the action of the first operation
	// parameter shown for the resource, without looking at @tool (makeDescription, resolveResourceAndOperation
	// in github.com/n8n-io/n8n packages/workflow/src/node-helpers.ts).
	const editor = selector(resource.operations, (o) => n8nAction(o.action), false);
	return safe.length > 0 ? [selector(safe, toolAction, true), editor] : [editor];
}

/**
 * Parameters of one operation: required inputs, Return All/Limit, Simplify/Output, and the optional-inputs
 * collection. An input that takes a record's ID is a resource locator from version 2 on and keeps its
 * version-1 form for saved workflows (two parameters of one name, each shown for its versions).
 */
export function operationProperties(catalogue: VendorOperations, resource: string, operation: OperationDefinition): INodeProperties[] {
	const show = { resource: [resource], operation: [operation.value] };
	const visible = operation.fields.filter((f) => !f.hidden);
	// An input whose version-2 form differs (a locator, or a dropdown that depends on one) gets both forms.
	const versioned = (field: OperationField) => JSON.stringify(fieldProperty(catalogue, field)) !== JSON.stringify(fieldPropertyWithLocators(catalogue, field, visible));
	const props: INodeProperties[] = visible.filter(isTopLevel).flatMap((f) =>
		versioned(f)
			? [
					{ ...fieldProperty(catalogue, f), displayOptions: { show: { ...show, ...BEFORE_LOCATORS } } },
					{ ...fieldPropertyWithLocators(catalogue, f, visible), displayOptions: { show: { ...show, ...WITH_LOCATORS } } },
				]
			: [{ ...fieldProperty(catalogue, f), displayOptions: { show } }],
	);
	if (operation.kind === 'list') props.push(...returnAllAndLimit(show, catalogue, operation));
	const resourceDefinition = catalogue.resources.find((r) => r.value === resource);
	if (resourceDefinition) props.push(...outputProperties(catalogue, resourceDefinition, operation));
	const optional = visible.filter((f) => !isTopLevel(f));
	if (optional.length > 0) {
		const collection = collectionOf(operation);
		const collectionOfVersion = (options: INodeProperties[], versions: object): INodeProperties => ({
			displayName: collection.displayName,
			name: collection.name,
			type: 'collection',
			placeholder: collection.placeholder,
			default: {},
			displayOptions: { show: { ...show, ...versions } },
			options: options.sort(byDisplayName),
		});
		if (optional.some(versioned)) {
			props.push(collectionOfVersion(optional.map((f) => fieldProperty(catalogue, f)), BEFORE_LOCATORS));
			props.push(collectionOfVersion(optional.map((f) => fieldPropertyWithLocators(catalogue, f, visible)), WITH_LOCATORS));
		} else {
			props.push(collectionOfVersion(optional.map((f) => fieldProperty(catalogue, f)), {}));
		}
	}
	return props;
}

export function returnAllAndLimit(show: Record<string, string[]>, catalogue?: VendorOperations, operation?: OperationDefinition): INodeProperties[] {
	const pageMax = operation?.paginated ? catalogue?.pagination?.maxPageSize : undefined;
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			...(pageMax ? { hint: `Fetched in pages of up to ${pageMax}` } : {}),
		},
	];
}

/** The Custom API Call resource. Parameter names are fixed: workflows and the e2e suite use them. */
export function customApiCallProperties(vendor: VendorDefinition): INodeProperties[] {
	const show = { resource: [CUSTOM_API_CALL] };
	const request = { resource: [CUSTOM_API_CALL], operation: ['request'] };
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: [
				{
					name: 'Make a Request',
					value: 'request',
					description: `Send any request to the ${vendor.displayName} API with this credential applied`,
					action: 'Make API request',
				},
			],
			default: 'request',
		},
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			displayOptions: { show: { ...request, '@tool': [false] } },
			options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((m) => ({ name: m, value: m })),
			default: 'GET',
		},
		{
			// As an AI tool, reads only: a free-form write is not offered to a model by default.
			displayName: 'Method',
			name: 'method',
			type: 'options',
			displayOptions: { show: { ...request, '@tool': [true] } },
			options: [{ name: 'GET', value: 'GET' }],
			default: 'GET',
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			displayOptions: { show: request },
			default: '',
			placeholder: 'e.g. /resource',
			description: `Relative to the ${vendor.displayName} API base URL of the credential; leave empty for the base itself`,
		},
		{
			displayName: 'Query Parameters',
			name: 'queryParameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			displayOptions: { show: request },
			placeholder: 'Add Parameter',
			default: {},
			options: [
				{
					name: 'parameters',
					displayName: 'Parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Body',
			name: 'body',
			type: 'json',
			displayOptions: { show: { ...request, method: ['DELETE', 'PATCH', 'POST', 'PUT'] } },
			default: '{}',
			description: 'JSON body to send',
		},
	];
}

/** Resource selector, per-resource operation selectors, their inputs, and Custom API Call. */
export function catalogueProperties(vendor: VendorDefinition, catalogue: VendorOperations): INodeProperties[] {
	const resources = [...catalogue.resources].sort(byName);
	const first = catalogue.resources[0].value;
	// Ours last, named exactly as n8n names its own: n8n appends its Custom API Call (which goes through
	// the HTTP Request node, without the vendor rules the transport applies) only to a list whose last
	// option is not called that (injectCustomApiCallOptions in n8n's load-nodes-and-credentials.ts).
	const resourceOptions: INodePropertyOptions[] = resources.map((r) => ({ name: r.name, value: r.value }));
	resourceOptions.push({ name: CUSTOM_API_CALL_NAME, value: CUSTOM_API_CALL });
	const props: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resourceOptions,
			default: first,
		},
	];
	for (const resource of resources) props.push(...operationSelectors(resource));
	for (const resource of resources) {
		for (const operation of resource.operations) props.push(...operationProperties(catalogue, resource.value, operation));
	}
	props.push(...customApiCallProperties(vendor));
	return props;
}
