import type { VendorOperations } from './types';

/**
 * Worktual CCaaS (base https://api.worktual.co.uk/services/ccaas/v1). Only the contact module's opening is
 * documented [DOC] (research/vendors.md §3): GET /contacts with createdDate/condition/filter/fields and
 * offset (a page index from 0) + limit (max 100), answering a bare JSON array; GET /contacts/{id}.
 * Create/update/delete exist but their text was not retrieved, so they are left to Custom API Call.
 */
export const worktualOperations: VendorOperations = {
	vendor: 'worktual',
	bodyFormat: 'json',
	docsUrl: 'https://worktual.com/api-documentation/ccaas/contact-module',
	// "offset (default 0, increments by 1)", "limit (default and max 100)"; no total is returned.
	pagination: { pageParam: 'offset', sizeParam: 'limit', firstPage: 0, maxPageSize: 100, source: 'doc' },
	dropdowns: {},
	resources: [
		{
			value: 'contact',
			name: 'Contact',
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
					fields: [{ key: 'contactId', displayName: 'Contact ID', type: 'string', in: 'path', required: true, default: '', description: 'The contact\'s ID (coid).' }],
				},
			],
		},
	],
};
