import type { OperationField, VendorOperations } from './types';
import { worktualSamples } from './samples/worktual';

/**
 * Worktual CCaaS (base https://api.worktual.co.uk/services/ccaas/v1). Only the contact module's opening is
 * documented [DOC] (docs/vendors/worktual.md): GET /contacts with createdDate/condition/filter/fields and
 * offset (a page index from 0) + limit (max 100), answering a bare JSON array; GET /contacts/{id}.
 * Create and update exist ("1. Get all contacts", "2. Single contacts", …) but their text was not retrieved:
 * the operations below use REST-convention routes and the field names of the documented contact object,
 * both marked as guesses (the node says so). Delete is left to Custom API Call.
 */

/** The contact a get or an update works on. */
const contactId: OperationField = { key: 'contactId', displayName: 'Contact ID', type: 'string', in: 'path', required: true, default: '', description: 'The contact\'s ID (coid).' };

/** A contact's fields besides its first name (required on create, optional on update). */
const contactFields: OperationField[] = [
	{ key: 'lastName', displayName: 'Last Name', type: 'string', in: 'body', default: '', description: 'The contact\'s last name.' },
	{ key: 'primaryEmail', displayName: 'Email', type: 'string', in: 'body', default: '', placeholder: 'name@email.com', description: 'The main e-mail address.' },
	{ key: 'primaryPhoneNumber', displayName: 'Phone Number', type: 'string', in: 'body', default: '', placeholder: '+447700900000', description: 'The main phone number, with country code.' },
	{ key: 'address', displayName: 'Address', type: 'string', in: 'body', default: '', description: 'Street address.' },
	{ key: 'city', displayName: 'City', type: 'string', in: 'body', default: '', description: 'City of the address.' },
	{ key: 'state', displayName: 'State', type: 'string', in: 'body', default: '', description: 'State or county.' },
	{ key: 'country', displayName: 'Country', type: 'string', in: 'body', default: '', description: 'Country of the address.' },
	{ key: 'postalCode', displayName: 'Postal Code', type: 'string', in: 'body', default: '', description: 'Postal code of the address.' },
	{ key: 'accountNumber', displayName: 'Account Number', type: 'string', in: 'body', default: '', description: 'Your account number for the contact.' },
	{ key: 'customerType', displayName: 'Customer Type', type: 'string', in: 'body', default: '', placeholder: 'individual', description: 'For example individual or business.' },
];
export const worktualOperations: VendorOperations = {
	vendor: 'worktual',
	bodyFormat: 'json',
	docsUrl: 'https://worktual.com/api-documentation/ccaas/contact-module',
	samples: worktualSamples,
	// "offset (default 0, increments by 1)", "limit (default and max 100)"; no total is returned.
	pagination: { pageParam: 'offset', sizeParam: 'limit', firstPage: 0, maxPageSize: 100, source: 'doc' },
	dropdowns: {
		contacts: { request: { method: 'GET', path: '/contacts' }, label: ['firstName+lastName', 'primaryEmail'], value: ['coid'], paginated: true, source: 'doc' },
	},
	idDropdowns: { contactId: 'contacts' },
	lookups: [
		{
			resource: 'contact',
			list: 'getAll',
			by: { input: 'email', label: 'Email', path: 'primaryEmail', description: 'The contact\'s main e-mail address.' },
			// the documented SQL-like filter narrows the list on the server
			query: { filter: 'primaryEmail = "{value}"' },
			create: 'create',
		},
	],
	resources: [
		{
			value: 'contact',
			name: 'Contact',
			simplifiedFields: ['coid', 'firstName', 'lastName', 'primaryEmail', 'primaryPhoneNumber', 'accountNumber', 'customerType', 'createdAt'],
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many contacts',
					description: 'List contacts, optionally filtered by creation time or a filter expression.',
					kind: 'list',
					request: { method: 'GET', path: '/contacts' },
					result: { shape: 'list' },
					paginated: true,
					source: 'doc',
					fields: [
						{ key: 'createdDate', displayName: 'Created', type: 'date', in: 'query', format: 'epochMs', default: '', description: 'Compare the creation time with this moment (see Created Comparison).' },
						{
							key: 'condition',
							displayName: 'Created Comparison',
							type: 'options',
							in: 'query',
							default: 'EQ',
							options: [
								{ name: 'Equal', value: 'EQ' },
								{ name: 'Greater Than', value: 'GT' },
								{ name: 'Greater Than or Equal', value: 'GTE' },
								{ name: 'Less Than', value: 'LT' },
								{ name: 'Less Than or Equal', value: 'LTE' },
							],
							description: 'How the creation time is compared with Created.',
						},
						{ key: 'filter', displayName: 'Filter', type: 'string', in: 'query', default: '', placeholder: 'city = "London" AND blockCustomer = 0', description: 'SQL-like filter expression over contact fields.' },
						{ key: 'fields', displayName: 'Fields', type: 'string', in: 'query', format: 'csv', default: '', placeholder: 'firstName,lastName,primaryEmail', description: 'Only return these fields, separated by commas.' },
					],
				},
				{
					value: 'get',
					name: 'Get',
					action: 'Get a contact',
					description: 'Get one contact.',
					kind: 'get',
					request: { method: 'GET', path: '/contacts/{contactId}' },
					result: { shape: 'record' },
					source: 'doc',
					note: 'the route is documented; its answer shape is not (an array is split into records)',
					fields: [contactId],
				},
				{
					value: 'create',
					name: 'Create',
					action: 'Create a contact',
					description: 'Create a contact. The route is not in the public documentation; if your account rejects it, use Custom API Call.',
					kind: 'create',
					request: { method: 'POST', path: '/contacts' },
					result: { shape: 'record' },
					source: 'guess',
					note: 'creation exists per the doc\'s section list; POST /contacts and a JSON body of the documented contact fields are assumed',
					fields: [{ key: 'firstName', displayName: 'First Name', type: 'string', in: 'body', required: true, default: '', description: 'The contact\'s first name.' }, ...contactFields],
				},
				{
					value: 'update',
					name: 'Update',
					action: 'Update a contact',
					description: 'Change a contact. The route is not in the public documentation; if your account rejects it, use Custom API Call.',
					kind: 'update',
					request: { method: 'PUT', path: '/contacts/{contactId}' },
					result: { shape: 'record' },
					source: 'guess',
					note: 'updating exists per the doc\'s section list; PUT /contacts/{id} with the documented contact fields is assumed',
					fields: [
						contactId,
						{ key: 'firstName', displayName: 'First Name', type: 'string', in: 'body', default: '', description: 'The contact\'s first name.' },
						...contactFields,
					],
				},
			],
		},
	],
	polling: [
		{
			value: 'newContact',
			name: 'New Contact',
			description: 'Fires for each new contact.',
			resource: 'contact',
			operation: 'getAll',
			identity: ['id'],
			// the list has no documented order: only contacts created in the last day are asked for, so one page holds the new ones
			query: { condition: 'GTE' },
			recent: { field: 'createdDate', hours: 24 },
			hide: ['fields'],
		},
	],
};
