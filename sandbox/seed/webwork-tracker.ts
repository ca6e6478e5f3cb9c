import { DAY_MS, startOfDay, ymd, ymdHms } from './dates';

export interface WwUser {
	id: number;
	email: string;
	firstname: string;
	lastname: string;
}

export interface WwWorkspace {
	id: number;
	name: string;
	owner_id: number;
	status: string;
}

export interface WwMember {
	workspace_id: number;
	user_id: number;
	role: string;
	status: 'active' | 'invited' | 'archived';
}

export interface WwProject {
	id: number;
	workspace_id: number;
	name: string;
	start_date: string | null;
	deadline: string | null;
	estimation: number | null;
	budget: number | null;
	notes: string | null;
	icon: string | null;
	status: 'active' | 'archived';
	created_at: string;
	updated_at: string;
}

export interface WwTask {
	id: number;
	workspace_id: number;
	project_id: number;
	title: string;
	description: string | null;
	status: number;
	priority: number;
	start_date: string | null;
	end_date: string | null;
	parent_id: number | null;
	created_at: string;
	updated_at: string;
}

export interface WwTimeEntry {
	id: number;
	workspace_id: number;
	user_id: number;
	project_id: number;
	task_id: number | null;
	contract_id: number;
	start_time: string;
	end_time: string;
	duration: number;
	description: string;
}

export interface WwWebhook {
	id: number;
	workspace_id: number;
	url: string;
	events: string[];
	token: string;
	created_at: string;
}

export interface WebworkData {
	me: number;
	users: WwUser[];
	workspaces: WwWorkspace[];
	members: WwMember[];
	projects: WwProject[];
	tasks: WwTask[];
	assignees: { task_id: number; user_id: number }[];
	timeEntries: WwTimeEntry[];
	webhooks: WwWebhook[];
	nextId: number;
}

/** Workspace with enough tasks for three pages at per_page=20. */
export const WEBWORK_MAIN_WORKSPACE = 1001;
export const WEBWORK_MAIN_TASK_COUNT = 47;

/** A project as created: active, with its optional fields empty (`stamp` is Y-m-d H:i:s). */
export function newWebworkProject(id: number, workspaceId: number, name: string, stamp: string): WwProject {
	return {
		id,
		workspace_id: workspaceId,
		name,
		start_date: null,
		deadline: null,
		estimation: null,
		budget: null,
		notes: null,
		icon: null,
		status: 'active',
		created_at: stamp,
		updated_at: stamp,
	};
}

export function seedWebwork(now: number): WebworkData {
	const stamp = ymdHms(now - 5 * DAY_MS);
	const users: WwUser[] = [
		{ id: 501, email: 'sandbox@example.com', firstname: 'Sandy', lastname: 'Box' },
		{ id: 502, email: 'ravi@example.com', firstname: 'Ravi', lastname: 'Menon' },
		{ id: 503, email: 'olga@example.com', firstname: 'Olga', lastname: 'Ivanova' },
	];
	const projects: WwProject[] = [
		project(2001, WEBWORK_MAIN_WORKSPACE, 'Client portal'),
		project(2002, WEBWORK_MAIN_WORKSPACE, 'Marketing site'),
		project(2003, 1002, 'Side research'),
	];
	const tasks: WwTask[] = [];
	for (let i = 0; i < WEBWORK_MAIN_TASK_COUNT; i++) {
		tasks.push(task(3001 + i, WEBWORK_MAIN_WORKSPACE, i % 2 === 0 ? 2001 : 2002, `Task ${i + 1}`, [0, 10, 20, 30][i % 4], [10, 20, 30, 40][i % 4]));
	}
	tasks.push(task(3901, 1002, 2003, 'Read papers', 0, 30));
	const today = startOfDay(now);
	const timeEntries: WwTimeEntry[] = [0, 1].flatMap((daysAgo) =>
		[0, 1].map((n) => {
			const start = today - daysAgo * DAY_MS + (9 + n * 3) * 3_600_000;
			return {
				id: 4001 + daysAgo * 2 + n,
				workspace_id: WEBWORK_MAIN_WORKSPACE,
				user_id: 501,
				project_id: 2001,
				task_id: 3001,
				contract_id: 6001,
				start_time: ymdHms(start),
				end_time: ymdHms(start + 90 * 60_000),
				duration: 90 * 60,
				description: n === 0 ? 'Morning focus' : 'Afternoon review',
			};
		}),
	);
	return {
		me: 501,
		users,
		workspaces: [
			{ id: WEBWORK_MAIN_WORKSPACE, name: 'Sandbox Workspace', owner_id: 501, status: 'active' },
			{ id: 1002, name: 'Side Project', owner_id: 501, status: 'active' },
		],
		members: [
			{ workspace_id: WEBWORK_MAIN_WORKSPACE, user_id: 501, role: 'Owner', status: 'active' },
			{ workspace_id: WEBWORK_MAIN_WORKSPACE, user_id: 502, role: 'Regular User', status: 'active' },
			{ workspace_id: WEBWORK_MAIN_WORKSPACE, user_id: 503, role: 'Executive Manager', status: 'active' },
			{ workspace_id: 1002, user_id: 501, role: 'Owner', status: 'active' },
		],
		projects,
		tasks,
		assignees: [{ task_id: 3001, user_id: 502 }],
		timeEntries,
		webhooks: [],
		nextId: 20_000,
	};

	function project(id: number, workspaceId: number, name: string): WwProject {
		return { ...newWebworkProject(id, workspaceId, name, stamp), start_date: ymd(now - 30 * DAY_MS) };
	}

	function task(id: number, workspaceId: number, projectId: number, title: string, status: number, priority: number): WwTask {
		return {
			id,
			workspace_id: workspaceId,
			project_id: projectId,
			title,
			description: null,
			status,
			priority,
			start_date: null,
			end_date: null,
			parent_id: null,
			created_at: stamp,
			updated_at: stamp,
		};
	}
}
