import type { OperationField, VendorOperations } from './types';
import { weekdoneSamples } from './samples/weekdone';

/**
 * Weekdone API v1 (base https://api.weekdone.com/1, token as ?token=). docs/vendors/weekdone.md: the routes
 * come from the MindCloud catalogue that links Weekdone's own anchors [3P]; "(code)" ones are also used by the
 * Activepieces piece. Weekdone "accepts form-encoded content" [DOC], so writes are form-encoded.
 * Response keys of writes (`item`, `comment`, `data`) are not documented: a missing key yields the whole body.
 */

const itemId: OperationField = {
	key: 'itemId',
	displayName: 'Item ID',
	type: 'string',
	in: 'path',
	required: true,
	default: '',
	description: 'The ID of the item.',
};

const objectiveId: OperationField = {
	key: 'objectiveId',
	displayName: 'Objective ID',
	type: 'string',
	in: 'path',
	required: true,
	default: '',
	description: 'The ID of the objective.',
};

const weekPeriod = (description: string): OperationField => ({
	key: 'period',
	displayName: 'Week',
	type: 'string',
	in: 'body',
	default: '',
	placeholder: '202403',
	description,
	source: '3p',
	note: 'item period = week YYYYWW (Activepieces)',
});

const priority: OperationField = {
	key: 'priority',
	displayName: 'Priority',
	type: 'options',
	in: 'body',
	default: 0,
	description: 'The traffic-light priority of the item.',
	options: [
		{ name: 'None', value: 0 },
		{ name: 'Green', value: 1 },
		{ name: 'Amber', value: 2 },
		{ name: 'Red', value: 3 },
	],
	source: '3p',
};

const dueOn: OperationField = {
	key: 'due_on',
	displayName: 'Due Date',
	type: 'date',
	in: 'body',
	format: 'dateYmd',
	default: '',
	description: 'The day the item is due.',
};

const objectiveTypes = [
	{ name: 'Company', value: 'company' },
	{ name: 'Department', value: 'department' },
	{ name: 'Team', value: 'team' },
	{ name: 'User', value: 'user' },
];

const objectiveScope = (location: 'query' | 'body'): OperationField[] => [
	{ key: 'team_id', displayName: 'Team', type: 'options', dropdown: 'teams', in: location, default: '', description: 'The team the objective belongs to.' },
	{ key: 'user_id', displayName: 'User', type: 'options', dropdown: 'users', in: location, default: '', description: 'The user the objective belongs to.' },
	{ key: 'department_id', displayName: 'Department ID', type: 'string', in: location, default: '', description: 'The department the objective belongs to.' },
];

export const weekdoneOperations: VendorOperations = {
	vendor: 'weekdone',
	bodyFormat: 'form',
	docsUrl: 'https://weekdone.com/developer',
	samples: weekdoneSamples,
	dropdowns: {
		teams: { request: { method: 'GET', path: '/teams' }, path: 'teams', label: ['name'], value: ['id'], source: '3p' },
		users: { request: { method: 'GET', path: '/users' }, path: 'users', label: ['name'], value: ['id'], source: '3p' },
		usersOrMe: {
			request: { method: 'GET', path: '/users' },
			path: 'users',
			label: ['name'],
			value: ['id'],
			prepend: [{ name: 'Me', value: 'me' }],
			source: '3p',
		},
		types: { request: { method: 'GET', path: '/types' }, path: 'types', label: ['name'], value: ['id'], values: 'plainValues', source: '3p' },
		// the current week's items and the company's objectives: the lists the API offers without other inputs
		items: { request: { method: 'GET', path: '/items' }, path: 'items', label: ['description'], value: ['id'], source: '3p' },
		objectives: { request: { method: 'GET', path: '/objective' }, path: 'data', label: ['description'], value: ['id'], source: '3p' },
	},
	idDropdowns: { itemId: 'items', objectiveId: 'objectives' },
	lookups: [
		{ resource: 'item', list: 'getAll', by: { input: 'description', label: 'Description', path: 'description', description: 'The exact text of the item (any case), in the chosen week.' }, create: 'create' },
	],
	idWithoutList: {
		resultId: 'no route lists key results: they come only nested in their objective\'s record (GET objective)',
		departmentId: 'the API lists no departments',
		sourceId: 'your own identifier for the item, not a Weekdone ID',
	},
	resources: [
		{
			value: 'item',
			name: 'Item',
			simplifiedFields: ['id', 'description', 'type_id', 'user_id', 'team_id', 'period', 'priority', 'due_on', 'inserted'],
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many items',
					description: 'List the items of a week, optionally for one user or team.',
					kind: 'list',
					request: { method: 'GET', path: '/items' },
					result: { shape: 'list', path: 'items' },
					source: '3p',
					fields: [
						{ ...weekPeriod('The week to list, as YYYYWW. Leave empty for the current week.'), in: 'query' },
						{ key: 'user_id', displayName: 'User', type: 'options', dropdown: 'usersOrMe', in: 'query', default: '', description: 'Only items of this user.' },
						{ key: 'team_id', displayName: 'Team', type: 'options', dropdown: 'teams', in: 'query', default: '', description: 'Only items of this team.' },
					],
				},
				{
					value: 'create',
					name: 'Create',
					action: 'Create an item',
					description: 'Add a plan, progress or problem item to a weekly report.',
					kind: 'create',
					request: { method: 'POST', path: '/item' },
					result: { shape: 'record', path: 'item' },
					source: '3p',
					note: 'used by the Activepieces create-item action (code)',
					fields: [
						{ key: 'description', displayName: 'Description', type: 'string', in: 'body', required: true, default: '', description: 'The text of the item.' },
						{ key: 'type_id', displayName: 'Type', type: 'options', dropdown: 'types', in: 'body', required: true, default: '', description: 'Progress, Plans, Problems or a custom type.' },
						weekPeriod('The week the item belongs to, as YYYYWW. Defaults to the current week.'),
						{ key: 'user_id', displayName: 'User', type: 'options', dropdown: 'users', in: 'body', default: '', description: 'Whose report the item goes to.' },
						{ key: 'team_id', displayName: 'Team', type: 'options', dropdown: 'teams', in: 'body', default: '', description: 'The team the item belongs to.' },
						priority,
						dueOn,
						{ key: 'private', displayName: 'Private', type: 'boolean', in: 'body', format: 'zeroOne', default: false, description: 'Whether only the owner can see the item.' },
						{ key: 'source_id', displayName: 'External ID', type: 'string', in: 'body', default: '', description: 'Your own ID for the item, up to 50 characters.' },
					],
				},
				{
					value: 'update',
					name: 'Update',
					action: 'Update an item',
					description: 'Change the text, type, week, priority or due date of an item.',
					kind: 'update',
					request: { method: 'PATCH', path: '/item/{itemId}' },
					result: { shape: 'record', path: 'item' },
					source: '3p',
					note: 'used by the Activepieces update-item action (code)',
					fields: [
						itemId,
						{ key: 'description', displayName: 'Description', type: 'string', in: 'body', default: '', description: 'The new text of the item.' },
						{ key: 'type_id', displayName: 'Type', type: 'options', dropdown: 'types', in: 'body', default: '', description: 'Move the item to another type; set Week too.' },
						weekPeriod('The target week as YYYYWW. Required by Weekdone when the type changes.'),
						priority,
						dueOn,
					],
				},
				{
					value: 'delete',
					name: 'Delete',
					action: 'Delete an item',
					description: 'Delete an item.',
					kind: 'delete',
					request: { method: 'DELETE', path: '/item/{itemId}' },
					result: { shape: 'success' },
					source: '3p',
					fields: [itemId],
				},
				{
					value: 'assign',
					name: 'Assign',
					action: 'Assign an item',
					description: 'Move an item to another user.',
					kind: 'action',
					request: { method: 'PATCH', path: '/item/{itemId}/assign' },
					result: { shape: 'record', path: 'item' },
					source: '3p',
					fields: [
						itemId,
						{ key: 'user_id', displayName: 'User', type: 'options', dropdown: 'users', in: 'body', required: true, default: '', description: 'The user to assign the item to.' },
					],
				},
				{
					value: 'addComment',
					name: 'Add Comment',
					action: 'Add a comment to an item',
					description: 'Comment on an item.',
					kind: 'create',
					request: { method: 'POST', path: '/item/{itemId}/comments' },
					result: { shape: 'record', path: 'comment' },
					source: '3p',
					fields: [itemId, { key: 'comment', displayName: 'Comment', type: 'text', in: 'body', required: true, default: '', description: 'The text of the comment.' }],
				},
				{
					value: 'getComments',
					name: 'Get Comments',
					action: 'Get the comments of an item',
					description: 'List the comments of an item.',
					kind: 'list',
					request: { method: 'GET', path: '/item/{itemId}/comments' },
					result: { shape: 'list', path: 'comments' },
					source: '3p',
					fields: [itemId],
				},
			],
		},
		{
			value: 'objective',
			name: 'Objective',
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many objectives',
					description: 'List objectives, optionally of one level, team, user or quarter.',
					kind: 'list',
					request: { method: 'GET', path: '/objective' },
					result: { shape: 'list', path: 'data' },
					source: '3p',
					note: 'used by the Activepieces new-objective trigger (code)',
					fields: [
						{ key: 'type', displayName: 'Level', type: 'options', in: 'query', default: 'company', options: objectiveTypes, description: 'Only objectives of this level.' },
						...objectiveScope('query'),
						{ key: 'period', displayName: 'Period', type: 'string', in: 'query', default: '', placeholder: '2024Q1', description: 'A quarter as YYYYQn, or a year.' },
					],
				},
				{
					value: 'create',
					name: 'Create',
					action: 'Create an objective',
					description: 'Create a company, department, team or user objective.',
					kind: 'create',
					request: { method: 'POST', path: '/objective' },
					result: { shape: 'record', path: 'data' },
					source: '3p',
					note: 'used by the Activepieces create-objective action (code)',
					fields: [
						{ key: 'description', displayName: 'Description', type: 'string', in: 'body', required: true, default: '', description: 'The text of the objective.' },
						{ key: 'type', displayName: 'Level', type: 'options', in: 'body', required: true, default: 'company', options: objectiveTypes, description: 'Whose objective it is. Team and user objectives need the team or user.' },
						{ key: 'period', displayName: 'Period', type: 'string', in: 'body', default: '', placeholder: '2024Q1', description: 'A quarter as YYYYQn, or a year. Defaults to the current quarter.' },
						...objectiveScope('body'),
					],
				},
				{
					value: 'update',
					name: 'Update',
					action: 'Update an objective',
					description: 'Change the text of an objective.',
					kind: 'update',
					request: { method: 'PATCH', path: '/objective/{objectiveId}' },
					result: { shape: 'record', path: 'data' },
					source: '3p',
					fields: [objectiveId, { key: 'description', displayName: 'Description', type: 'string', in: 'body', required: true, default: '', description: 'The new text of the objective.' }],
				},
				{
					value: 'delete',
					name: 'Delete',
					action: 'Delete an objective',
					description: 'Delete an objective.',
					kind: 'delete',
					request: { method: 'DELETE', path: '/objective/{objectiveId}' },
					result: { shape: 'success' },
					source: '3p',
					fields: [objectiveId],
				},
			],
		},
		{
			value: 'keyResult',
			name: 'Key Result',
			operations: [
				{
					value: 'create',
					name: 'Create',
					action: 'Create a key result',
					description: 'Add a key result to an objective.',
					kind: 'create',
					request: { method: 'POST', path: '/objective/{objectiveId}/result' },
					result: { shape: 'record', path: 'data' },
					source: '3p',
					fields: [objectiveId, { key: 'description', displayName: 'Description', type: 'string', in: 'body', required: true, default: '', description: 'The text of the key result.' }],
				},
				{
					value: 'updateProgress',
					name: 'Update Progress',
					action: 'Update the progress of a key result',
					description: 'Set how far a key result has come, and optionally its text.',
					kind: 'update',
					request: { method: 'PATCH', path: '/objective/{objectiveId}/result/{resultId}' },
					result: { shape: 'record', path: 'data' },
					source: '3p',
					fields: [
						objectiveId,
						{ key: 'resultId', displayName: 'Key Result ID', type: 'string', in: 'path', required: true, default: '', description: 'The ID of the key result.' },
						{ key: 'progress', displayName: 'Progress', type: 'number', in: 'body', required: true, default: 0, min: 0, max: 100, description: 'Progress in percent.', source: 'guess', note: 'the field is [3P]; its 0-100 scale is a guess' },
						{ key: 'description', displayName: 'Description', type: 'string', in: 'body', default: '', description: 'The new text of the key result.' },
					],
				},
			],
		},
		{
			value: 'team',
			name: 'Team',
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many teams',
					description: 'List the teams of the company.',
					kind: 'list',
					request: { method: 'GET', path: '/teams' },
					result: { shape: 'list', path: 'teams' },
					source: '3p',
					fields: [],
				},
			],
		},
		{
			value: 'user',
			name: 'User',
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many users',
					description: 'List the users of the company.',
					kind: 'list',
					request: { method: 'GET', path: '/users' },
					result: { shape: 'list', path: 'users' },
					source: '3p',
					fields: [],
				},
			],
		},
		{
			value: 'itemType',
			name: 'Item Type',
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many item types',
					description: 'List the item types: Progress, Plans, Problems and custom ones.',
					kind: 'list',
					request: { method: 'GET', path: '/types' },
					result: { shape: 'list', path: 'types' },
					source: '3p',
					note: 'the response key `types` is a guess',
					fields: [],
				},
			],
		},
		{
			value: 'company',
			name: 'Company',
			operations: [
				{
					value: 'get',
					name: 'Get',
					action: 'Get the company',
					description: 'Get the details of the company.',
					kind: 'get',
					request: { method: 'GET', path: '/company' },
					result: { shape: 'record', path: 'data' },
					source: '3p',
					fields: [],
				},
			],
		},
	],
	polling: [
		{
			value: 'newItem',
			name: 'New Item',
			description: 'Fires for each item added to a weekly report.',
			resource: 'item',
			operation: 'getAll',
			identity: ['id'],
			watermark: 'inserted',
		},
		{
			value: 'newObjective',
			name: 'New Objective',
			description: 'Fires for each new objective.',
			resource: 'objective',
			operation: 'getAll',
			identity: ['id'],
		},
	],
};
