import type { FieldOption, OperationField, VendorOperations } from './types';
import { worksectionSamples } from './samples/worksection';

/**
 * Worksection, action-style API on the account host (`account_url` + /api/oauth2; admin key: /api/admin/v2).
 * Action names and parameters: the official Python SDK [VENDOR-CODE] and the api-*.html pages [DOC]
 * (docs/vendors/worksection.md). Every parameter travels in the query string, also for writes: the admin key's
 * hash is computed over the query string (admin API), so a body would be left unsigned. Reads use GET, writes POST.
 * Dates are DD.MM.YYYY. Errors arrive as HTTP 200 with `{status:"error"}` (§2.1). No paging (§2.4).
 */

const q = 'query' as const;

const projectId = (required: boolean, description = 'The project.'): OperationField => ({
	key: 'id_project',
	displayName: 'Project',
	type: 'options',
	dropdown: 'projects',
	in: q,
	required,
	default: '',
	description,
});

const taskId: OperationField = { key: 'id_task', displayName: 'Task ID', type: 'string', in: q, required: true, default: '', description: 'The ID of the task.' };

const userEmail = (key: string, displayName: string, description: string): OperationField => ({
	key,
	displayName,
	type: 'options',
	dropdown: 'userEmails',
	in: q,
	default: '',
	description,
});

const emailList = (key: string, displayName: string, description: string): OperationField => ({
	key,
	displayName,
	type: 'string',
	in: q,
	format: 'csv',
	default: '',
	placeholder: 'ann@example.com, bob@example.com',
	description,
});

const date = (key: string, displayName: string, description: string): OperationField => ({ key, displayName, type: 'date', in: q, format: 'dateDmy', default: '', description });

const extra = (options: string[], description: string): OperationField => ({
	key: 'extra',
	displayName: 'Include',
	type: 'multiOptions',
	in: q,
	format: 'csv',
	default: [],
	options: options.map((o) => ({ name: o.replace(/_/g, ' ').replace(/^\w|\s\w/g, (c) => c.toUpperCase()), value: o })),
	description,
});

const limits: OperationField[] = [
	{ key: 'max_time', displayName: 'Time Estimate', type: 'number', in: q, default: 0, description: 'Planned time in hours.' },
	{ key: 'max_money', displayName: 'Budget', type: 'number', in: q, default: 0, description: 'Planned money.' },
	{ key: 'tags', displayName: 'Tags', type: 'string', in: q, format: 'csv', default: '', description: 'Comma-separated tag names or IDs.' },
];

const projectFields: OperationField[] = [
	userEmail('email_manager', 'Manager', 'The project manager.'),
	userEmail('email_user_to', 'Default Assignee', 'Who new tasks go to by default.'),
	emailList('members', 'Members', 'E-mails of the members to add, separated by commas.'),
	{ key: 'text', displayName: 'Description', type: 'text', in: q, default: '', description: 'The project description.' },
	{ key: 'company', displayName: 'Folder', type: 'string', in: q, default: '', description: 'The folder (company) to put the project in.' },
	date('datestart', 'Start Date', 'When the project starts.'),
	date('dateend', 'End Date', 'When the project is due.'),
	...limits,
];

const taskWriteFields: OperationField[] = [
	userEmail('email_user_to', 'Assignee', 'Who the task is assigned to.'),
	{ key: 'priority', displayName: 'Priority', type: 'number', in: q, default: 0, min: 0, max: 10, description: 'Priority from 0 to 10.' },
	date('datestart', 'Start Date', 'When the task starts.'),
	date('dateend', 'Due Date', 'When the task is due.'),
	...limits,
];

const projectExtras = extra(['text', 'html', 'options', 'users'], 'Extra blocks to include in each project.');
const taskExtras = ['text', 'html', 'files', 'comments', 'relations', 'subtasks'];
const eventActions: FieldOption[] = [
	{ name: 'Task Created', value: 'post_task' },
	{ name: 'Task Updated', value: 'update_task' },
	{ name: 'Task Completed', value: 'close_task' },
	{ name: 'Task Reopened', value: 'reopen_task' },
	{ name: 'Task Deleted', value: 'delete_task' },
	{ name: 'Comment Created', value: 'post_comment' },
	{ name: 'Comment Updated', value: 'update_comment' },
	{ name: 'Comment Deleted', value: 'delete_comment' },
	{ name: 'Project Created', value: 'post_project' },
	{ name: 'Project Updated', value: 'update_project' },
];

export const worksectionOperations: VendorOperations = {
	vendor: 'worksection',
	bodyFormat: 'form',
	actionParam: 'action',
	docsUrl: 'https://worksection.com/en/faq/api-start.html',
	samples: worksectionSamples,
	dropdowns: {
		// A record's address is its `page` on the account host: /project/193/ and /project/193/13036/ (subtasks
		// add a level) in the get_tasks answer of https://worksection.com/en/faq/api-oauth.html.
		projects: {
			request: { method: 'GET', path: '', action: 'get_projects', query: { filter: 'active' } },
			path: 'data',
			label: ['name'],
			value: ['id'],
			recordUrl: { regex: '^https?://[^/?#]+/project/(\\d+)/?(?:[?#].*)?$', example: 'https://youraccount.worksection.com/project/193/', source: 'doc' },
			source: 'vendor-code',
		},
		userEmails: { request: { method: 'GET', path: '', action: 'get_users' }, path: 'data', label: ['name', 'first_name+last_name', 'email'], value: ['email'], values: 'plainValues', source: 'vendor-code' },
		tasks: {
			request: { method: 'GET', path: '', action: 'get_all_tasks', query: { filter: 'active' } },
			path: 'data',
			label: ['name'],
			value: ['id'],
			recordUrl: { regex: '^https?://[^/?#]+/project/\\d+/(?:\\d+/)*(\\d+)/?(?:[?#].*)?$', example: 'https://youraccount.worksection.com/project/193/13036/', source: 'doc' },
			source: 'vendor-code',
		},
	},
	idDropdowns: { idTask: 'tasks', idParent: 'tasks' },
	lookups: [
		{ resource: 'project', list: 'getAll', by: { input: 'name', label: 'Name', path: 'name', description: 'The exact name of the project (any case).' }, create: 'create' },
		{ resource: 'task', list: 'getAll', by: { input: 'name', label: 'Name', path: 'name', description: 'The exact name of the task (any case).' }, create: 'create' },
	],
	resources: [
		{
			value: 'project',
			name: 'Project',
			simplifiedFields: ['id', 'name', 'page', 'status', 'user_to', 'date_start', 'date_end', 'date_added'],
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many projects',
					description: 'List the projects of the account.',
					kind: 'list',
					request: { method: 'GET', path: '', action: 'get_projects' },
					result: { shape: 'list', path: 'data' },
					source: 'vendor-code',
					fields: [
						{
							key: 'filter',
							displayName: 'Status',
							type: 'options',
							in: q,
							default: 'active',
							options: [
								{ name: 'Active', value: 'active' },
								{ name: 'Archived', value: 'archived' },
								{ name: 'Pending', value: 'pending' },
							],
							description: 'Only projects with this status.',
						},
						projectExtras,
					],
				},
				{
					value: 'get',
					name: 'Get',
					action: 'Get a project',
					description: 'Get one project.',
					kind: 'get',
					request: { method: 'GET', path: '', action: 'get_project' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [projectId(true), projectExtras],
				},
				{
					value: 'create',
					name: 'Create',
					action: 'Create a project',
					description: 'Create a project.',
					kind: 'create',
					request: { method: 'POST', path: '', action: 'post_project' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [
						{ key: 'title', displayName: 'Title', type: 'string', in: q, required: true, default: '', description: 'The name of the project.' },
						userEmail('email_user_from', 'Author', 'Who creates the project. Needed with the admin API key.'),
						...projectFields,
					],
				},
				{
					value: 'update',
					name: 'Update',
					action: 'Update a project',
					description: 'Change the name, people, dates or limits of a project.',
					kind: 'update',
					request: { method: 'POST', path: '', action: 'update_project' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					note: 'the SDK names update_project; its parameters are assumed to be post_project\'s',
					fields: [
						projectId(true),
						{ key: 'title', displayName: 'Title', type: 'string', in: q, default: '', description: 'The new name of the project.' },
						...projectFields,
					],
				},
				{
					value: 'close',
					name: 'Close',
					action: 'Close a project',
					description: 'Archive a project.',
					kind: 'action',
					request: { method: 'POST', path: '', action: 'close_project' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [projectId(true)],
				},
				{
					value: 'activate',
					name: 'Activate',
					action: 'Activate a project',
					description: 'Bring an archived project back.',
					kind: 'action',
					request: { method: 'POST', path: '', action: 'activate_project' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [projectId(true)],
				},
			],
		},
		{
			value: 'task',
			name: 'Task',
			simplifiedFields: ['id', 'name', 'page', 'status', 'priority', 'project', 'user_to', 'date_start', 'date_end'],
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many tasks',
					description: 'List the tasks of one project, or of every project.',
					kind: 'list',
					request: { method: 'GET', path: '', action: 'get_all_tasks', actionWhenSet: { field: 'id_project', action: 'get_tasks' } },
					result: { shape: 'list', path: 'data' },
					source: 'vendor-code',
					fields: [
						projectId(false, 'Only tasks of this project.'),
						{
							key: 'filter',
							displayName: 'Status',
							type: 'options',
							in: q,
							default: '',
							options: [
								{ name: 'All', value: '' },
								{ name: 'Active', value: 'active' },
							],
							description: 'Only open tasks, or all of them.',
						},
						extra([...taskExtras, 'archive'], 'Extra blocks to include in each task.'),
					],
				},
				{
					value: 'get',
					name: 'Get',
					action: 'Get a task',
					description: 'Get one task.',
					kind: 'get',
					request: { method: 'GET', path: '', action: 'get_task' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [taskId, extra([...taskExtras, 'subscribers', 'custom_fields'], 'Extra blocks to include.')],
				},
				{
					value: 'create',
					name: 'Create',
					action: 'Create a task',
					description: 'Create a task or subtask in a project.',
					kind: 'create',
					request: { method: 'POST', path: '', action: 'post_task' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [
						projectId(true, 'The project to add the task to.'),
						{ key: 'title', displayName: 'Title', type: 'string', in: q, required: true, default: '', description: 'The name of the task.' },
						{ key: 'id_parent', displayName: 'Parent Task ID', type: 'string', in: q, default: '', description: 'Create a subtask of this task.' },
						userEmail('email_user_from', 'Author', 'Who creates the task. Needed with the admin API key.'),
						{ key: 'text', displayName: 'Description', type: 'text', in: q, default: '', description: 'The task description.' },
						...taskWriteFields,
						emailList('subscribe', 'Subscribers', 'E-mails of users to subscribe, separated by commas.'),
						emailList('mention', 'Mentions', 'E-mails of users to mention, separated by commas.'),
						emailList('hidden', 'Visible Only To', 'E-mails of the only users who may see the task, separated by commas.'),
					],
				},
				{
					value: 'update',
					name: 'Update',
					action: 'Update a task',
					description: 'Change the name, assignee, priority, dates or limits of a task.',
					kind: 'update',
					request: { method: 'POST', path: '', action: 'update_task' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [
						taskId,
						{ key: 'title', displayName: 'Title', type: 'string', in: q, default: '', description: 'The new name of the task.' },
						...taskWriteFields,
						date('dateclosed', 'Closed Date', 'When the task was closed.'),
					],
				},
				{
					value: 'complete',
					name: 'Complete',
					action: 'Complete a task',
					description: 'Mark a task as done.',
					kind: 'action',
					request: { method: 'POST', path: '', action: 'complete_task' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [taskId],
				},
				{
					value: 'reopen',
					name: 'Reopen',
					action: 'Reopen a task',
					description: 'Mark a done task as open again.',
					kind: 'action',
					request: { method: 'POST', path: '', action: 'reopen_task' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [taskId],
				},
				{
					value: 'search',
					name: 'Search',
					action: 'Search tasks',
					description: 'Find tasks by project, people or a filter query. Set at least one of them.',
					kind: 'list',
					request: { method: 'GET', path: '', action: 'search_tasks' },
					result: { shape: 'list', path: 'data' },
					source: 'vendor-code',
					fields: [
						{ key: 'filter', displayName: 'Filter Query', type: 'string', in: q, primary: true, default: '', placeholder: "name has 'invoice'", description: 'Worksection filter query, e.g. name has \'x\' or dateadd>\'01.01.2024\'.' },
						projectId(false, 'Only tasks of this project.'),
						{ key: 'id_task', displayName: 'Parent Task ID', type: 'string', in: q, default: '', description: 'Only subtasks of this task.' },
						userEmail('email_user_from', 'Author', 'Only tasks created by this user.'),
						userEmail('email_user_to', 'Assignee', 'Only tasks assigned to this user.'),
						extra(taskExtras, 'Extra blocks to include in each task.'),
					],
				},
			],
		},
		{
			value: 'comment',
			name: 'Comment',
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many comments',
					description: 'List the comments of a task.',
					kind: 'list',
					request: { method: 'GET', path: '', action: 'get_comments' },
					result: { shape: 'list', path: 'data' },
					source: 'vendor-code',
					fields: [taskId, extra(['files'], 'Extra blocks to include in each comment.')],
				},
				{
					value: 'create',
					name: 'Create',
					action: 'Create a comment',
					description: 'Comment on a task.',
					kind: 'create',
					request: { method: 'POST', path: '', action: 'post_comment' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [
						taskId,
						{ key: 'text', displayName: 'Text', type: 'text', in: q, required: true, default: '', description: 'The text of the comment.' },
						userEmail('email_user_from', 'Author', 'Who writes the comment. Required with the admin API key.'),
						emailList('mention', 'Mentions', 'E-mails of users to mention, separated by commas.'),
						emailList('hidden', 'Visible Only To', 'E-mails of the only users who may see the comment, separated by commas.'),
					],
				},
			],
		},
		{
			value: 'cost',
			name: 'Cost',
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many costs',
					description: 'List time and money entries, optionally of a project, task or period.',
					kind: 'list',
					request: { method: 'GET', path: '', action: 'get_costs' },
					result: { shape: 'list', path: 'data' },
					source: 'vendor-code',
					fields: [
						projectId(false, 'Only costs of this project.'),
						{ key: 'id_task', displayName: 'Task ID', type: 'string', in: q, default: '', description: 'Only costs of this task.' },
						date('datestart', 'From', 'Only costs on or after this day.'),
						date('dateend', 'To', 'Only costs on or before this day.'),
						{ key: 'is_timer', displayName: 'Timer Entries Only', type: 'boolean', in: q, format: 'zeroOne', default: false, description: 'Whether to list only entries recorded with the timer.', source: 'guess', note: 'the parameter is [VENDOR-CODE]; its 0/1 spelling is a guess' },
						{ key: 'filter', displayName: 'Filter Query', type: 'string', in: q, default: '', description: 'Worksection filter query.' },
					],
				},
				{
					value: 'add',
					name: 'Add',
					action: 'Add a cost',
					description: 'Log time and/or money spent on a task.',
					kind: 'create',
					request: { method: 'POST', path: '', action: 'add_costs' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [
						taskId,
						{ key: 'time', displayName: 'Time', type: 'string', in: q, default: '', placeholder: '1:30', description: 'Time spent, as hours:minutes or decimal hours.' },
						{ key: 'money', displayName: 'Money', type: 'number', in: q, default: 0, description: 'Money spent.' },
						{ key: 'comment', displayName: 'Comment', type: 'string', in: q, default: '', description: 'What the cost was for.' },
						date('date', 'Date', 'The day of the cost. Defaults to today.'),
						userEmail('email_user_from', 'User', 'Whose cost it is. Needed with the admin API key.'),
						{ key: 'is_rate', displayName: 'Money From Rate', type: 'boolean', in: q, format: 'zeroOne', default: false, description: 'Whether to compute the money from the user\'s hourly rate.', source: 'guess', note: 'the parameter is [VENDOR-CODE]; its 0/1 spelling is a guess' },
					],
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
					description: 'List the members of the account.',
					kind: 'list',
					request: { method: 'GET', path: '', action: 'get_users' },
					result: { shape: 'list', path: 'data' },
					source: 'vendor-code',
					fields: [],
				},
				{
					value: 'getMe',
					name: 'Get Current',
					action: 'Get the current user',
					description: 'Get the user the OAuth2 connection belongs to. Not available with the admin API key.',
					kind: 'get',
					request: { method: 'GET', path: '', action: 'me' },
					result: { shape: 'record', path: 'data' },
					source: 'vendor-code',
					fields: [],
				},
			],
		},
		{
			value: 'event',
			name: 'Event',
			operations: [
				{
					value: 'getAll',
					name: 'Get Many',
					action: 'Get many events',
					description: 'List the activity log: who created, changed, closed or reopened what.',
					kind: 'list',
					request: { method: 'GET', path: '', action: 'get_events' },
					result: { shape: 'list', path: 'data' },
					source: 'vendor-code',
					fields: [
						{ key: 'period', displayName: 'Period', type: 'string', in: q, required: true, default: '1d', placeholder: '3h', description: 'How far back to look: a number with m, h or d, e.g. 30m, 3h, 7d.' },
						projectId(false, 'Only events of this project.'),
					],
				},
			],
		},
	],
	polling: [
		{
			value: 'newEvent',
			name: 'New Event',
			description: 'Fires for each new entry of the activity log.',
			resource: 'event',
			operation: 'getAll',
			// Events have no id: an event is its time, action and object.
			identity: ['date_added', 'action', 'object.type', 'object.id'],
			watermark: 'date_added',
			query: { period: '1d' },
			kindFilter: { paths: ['action', 'object.type'], separator: '_', options: eventActions },
		},
	],
	webhook: {
		events: eventActions,
		create: {
			method: 'POST',
			path: '',
			action: 'add_webhook',
			paramsIn: 'query',
			urlKey: 'url',
			eventsKey: 'events',
			eventsFormat: 'csv',
			idPath: 'id',
			fields: [
				{ key: 'projects', displayName: 'Project IDs', type: 'string', in: q, format: 'csv', default: '', description: 'Only events of these projects (IDs separated by commas). Leave empty for all.' },
			],
		},
		delete: { method: 'POST', path: '', action: 'delete_webhook', idIn: 'query', idKey: 'id' },
		list: { method: 'GET', path: '', action: 'get_webhooks', resultPath: 'data', urlPath: 'url', idPath: 'id' },
		verification: { kind: 'basicAuth', userKey: 'http_user', passKey: 'http_pass', source: 'doc' },
		response: { status: 'OK' },
		deliveryIsArray: true,
		sampleFrom: 'newEvent',
		source: 'vendor-code',
		note: 'add_webhook/delete_webhook/get_webhooks from the Python SDK; the receiver contract (200, {"status":"OK"}, 5 s, Basic auth) from faq/webhooks.html [DOC]; no signature is sent',
	},
};
