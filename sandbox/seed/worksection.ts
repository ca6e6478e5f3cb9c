import { DAY_MS, ymd, ymdHm } from './dates';

export interface WsUser {
	id: number;
	first_name: string;
	last_name: string;
	email: string;
	title: string;
	role: string;
}

export interface WsProject {
	id: number;
	name: string;
	status: 'active' | 'pending' | 'archive';
	company: string;
	text: string;
	user_from: number;
	user_to: number;
	date_added: string;
	date_start: string | null;
	date_end: string | null;
	date_closed: string | null;
	max_time: number;
	max_money: number;
}

export interface WsTask {
	id: number;
	id_project: number;
	id_parent: number | null;
	name: string;
	text: string;
	status: 'active' | 'done';
	priority: number;
	user_from: number;
	user_to: number | null;
	date_added: string;
	date_start: string | null;
	date_end: string | null;
	date_closed: string | null;
	/** Internal creation time in ms, for `dateadd` filters. */
	added_ms: number;
}

export interface WsComment {
	id: number;
	id_task: number;
	text: string;
	user_from: number;
	date_added: string;
}

export interface WsCost {
	id: number;
	id_task: number;
	comment: string;
	/** Minutes; rendered as "H:MM". */
	minutes: number;
	money: number;
	date: string;
	user_from: number;
}

export interface WsEvent {
	action: 'post' | 'update' | 'delete' | 'close' | 'reopen';
	object: { type: 'task' | 'comment' | 'project'; id: number; page: string };
	date_added: string;
	user_from: { id: number; email: string; name: string };
	new: Record<string, unknown>;
	old: Record<string, unknown>;
	/** Internal timestamp used by get_events; stripped from answers. */
	at: number;
	id_project: number;
}

export interface WsWebhook {
	id: number;
	url: string;
	events: string[];
	projects: number[];
	http_user: string | null;
	http_pass: string | null;
	status: 'active' | 'disabled';
	failures: number;
}

export interface WorksectionData {
	/** The account owner, who approves consent and whom the admin key acts as. */
	me: number;
	users: WsUser[];
	projects: WsProject[];
	tasks: WsTask[];
	comments: WsComment[];
	costs: WsCost[];
	events: WsEvent[];
	webhooks: WsWebhook[];
	nextId: number;
}

export function seedWorksection(now: number): WorksectionData {
	const users: WsUser[] = [
		{ id: 11, first_name: 'Sandy', last_name: 'Box', email: 'sandbox@example.com', title: 'Owner', role: 'owner' },
		{ id: 12, first_name: 'Marcus', last_name: 'Wright', email: 'marcus@example.com', title: 'Developer', role: 'user' },
		{ id: 13, first_name: 'Lena', last_name: 'Park', email: 'lena@example.com', title: 'Designer', role: 'user' },
	];
	const projects: WsProject[] = [
		project(193, 'Website relaunch', 'active', now - 30 * DAY_MS),
		project(194, 'Mobile app', 'active', now - 20 * DAY_MS),
		project(195, 'Old intranet', 'archive', now - 400 * DAY_MS),
	];
	projects[2].date_closed = ymd(now - 100 * DAY_MS);
	const taskNames = ['Design mockups', 'Write copy', 'Set up CI', 'Accessibility audit', 'Launch checklist'];
	const tasks: WsTask[] = taskNames.map((name, i) => {
		const added = now - (10 - i) * DAY_MS;
		return {
			id: 13036 + i,
			id_project: i < 3 ? 193 : 194,
			id_parent: null,
			name,
			text: `${name} for the sandbox`,
			status: i === 2 ? 'done' : 'active',
			priority: i + 1,
			user_from: 11,
			user_to: 12 + (i % 2),
			date_added: ymdHm(added),
			date_start: ymd(added),
			date_end: ymd(added + 7 * DAY_MS),
			date_closed: i === 2 ? ymdHm(added + DAY_MS) : null,
			added_ms: added,
		};
	});
	return {
		me: 11,
		users,
		projects,
		tasks,
		comments: [{ id: 501, id_task: 13036, text: 'First draft attached', user_from: 12, date_added: ymdHm(now - 2 * DAY_MS) }],
		costs: [{ id: 801, id_task: 13036, comment: 'Wireframes', minutes: 90, money: 0, date: ymd(now - DAY_MS), user_from: 12 }],
		// The older entry lets tests see that short periods exclude it.
		events: [
			{
				action: 'post',
				object: { type: 'task', id: 13036, page: '/project/193/13036/' },
				date_added: ymdHm(now - 10 * DAY_MS),
				user_from: { id: 11, email: 'sandbox@example.com', name: 'Sandy Box' },
				new: { name: 'Design mockups' },
				old: {},
				at: now - 10 * DAY_MS,
				id_project: 193,
			},
		],
		webhooks: [],
		nextId: 20_000,
	};

	function project(id: number, name: string, status: WsProject['status'], added: number): WsProject {
		return {
			id,
			name,
			status,
			company: 'Sandbox Company',
			text: `${name} project`,
			user_from: 11,
			user_to: 11,
			date_added: ymdHm(added),
			date_start: ymd(added),
			date_end: null,
			date_closed: null,
			max_time: 0,
			max_money: 0,
		};
	}
}
