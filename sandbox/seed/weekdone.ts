import { DAY_MS, isoWeekPeriod, quarterPeriod, ymd } from './dates';

export interface WeekdoneUser {
	id: number;
	name: string;
	email: string;
	team_id: number;
}

export interface WeekdoneItem {
	id: number;
	inserted: string;
	description: string;
	likecount: number;
	commentcount: number;
	type_id: number;
	team_id: number;
	user_id: number;
	priority: number;
	from_id: number;
	source: string | null;
	source_id: string | null;
	due_on: string | null;
	private: number;
	nr: number;
	period: string;
}

export interface WeekdoneComment {
	id: number;
	item_id: number;
	user_id: number;
	comment: string;
	inserted: string;
}

export interface WeekdoneResult {
	id: number;
	description: string;
	progress: number;
}

export interface WeekdoneObjective {
	id: number;
	type: string;
	description: string;
	period: string;
	comments: number;
	progress: number;
	results: WeekdoneResult[];
	parent_list: number[];
	department_id: number | null;
	team_id: number | null;
	user_id: number | null;
}

export interface WeekdoneData {
	/** The account that approves the sandbox's consent page. */
	me: number;
	company: Record<string, unknown>;
	users: WeekdoneUser[];
	teams: { id: number; name: string; privacy: number }[];
	types: { id: number; name: string }[];
	items: WeekdoneItem[];
	comments: WeekdoneComment[];
	objectives: WeekdoneObjective[];
	nextId: number;
}

export function seedWeekdone(now: number): WeekdoneData {
	const thisWeek = isoWeekPeriod(now);
	const lastWeek = isoWeekPeriod(now - 7 * DAY_MS);
	const users: WeekdoneUser[] = [
		{ id: 101, name: 'Sandy Box', email: 'sandbox@example.com', team_id: 11 },
		{ id: 102, name: 'Ada Planner', email: 'ada@example.com', team_id: 11 },
		{ id: 103, name: 'Bo Builder', email: 'bo@example.com', team_id: 12 },
	];
	const items: WeekdoneItem[] = [];
	const descriptions = ['Ship the release notes', 'Review OKR drafts', 'Fix flaky build', 'Prepare demo', 'Blocked on vendor reply', 'Plan next sprint'];
	descriptions.forEach((description, i) => {
		const inserted = now - (descriptions.length - i) * 3_600_000;
		items.push({
			id: 5001 + i,
			inserted: new Date(inserted).toISOString(),
			description,
			likecount: 0,
			commentcount: i === 0 ? 1 : 0,
			type_id: [1, 2, 1, 2, 3, 2][i],
			team_id: users[i % 3].team_id,
			user_id: users[i % 3].id,
			priority: i % 4,
			from_id: users[i % 3].id,
			source: null,
			source_id: null,
			due_on: i % 2 === 0 ? ymd(now + (i + 1) * DAY_MS) : null,
			private: 0,
			nr: i + 1,
			period: i < 4 ? thisWeek : lastWeek,
		});
	});
	return {
		me: 101,
		company: { id: 7, name: 'Sandbox Company', timezone: 'UTC', users: users.length },
		users,
		teams: [
			{ id: 11, name: 'Product', privacy: 0 },
			{ id: 12, name: 'Engineering', privacy: 0 },
		],
		types: [
			{ id: 0, name: 'Plans on hold' },
			{ id: 1, name: 'Progress' },
			{ id: 2, name: 'Plans' },
			{ id: 3, name: 'Problems' },
		],
		items,
		comments: [{ id: 7001, item_id: 5001, user_id: 102, comment: 'Looks good', inserted: new Date(now - 600_000).toISOString() }],
		objectives: [
			{
				id: 9001,
				type: 'company',
				description: 'Delight every customer',
				period: quarterPeriod(now),
				comments: 0,
				progress: 40,
				results: [{ id: 9101, description: 'NPS above 50', progress: 40 }],
				parent_list: [],
				department_id: null,
				team_id: null,
				user_id: null,
			},
			{
				id: 9002,
				type: 'team',
				description: 'Halve build time',
				period: quarterPeriod(now),
				comments: 0,
				progress: 10,
				results: [],
				parent_list: [9001],
				department_id: null,
				team_id: 12,
				user_id: null,
			},
		],
		nextId: 20_000,
	};
}
