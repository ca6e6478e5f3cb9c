/**
 * Weekdone records as its API answers them (https://weekdone.com/developer, and the sandbox's seed in
 * sandbox/seed/weekdone.ts), for the Zapier editor's samples. Times are ISO-8601 with an offset.
 */
import type { RecordSamples } from '../types';

const item = {
	id: 5001,
	inserted: '2024-01-31T09:30:00+00:00',
	description: 'Ship the release notes',
	likecount: 0,
	commentcount: 1,
	type_id: 1,
	team_id: 11,
	user_id: 101,
	priority: 2,
	from_id: 101,
	source: 'zapier',
	source_id: 'crm-4711',
	due_on: '2024-02-02',
	private: 0,
	nr: 1,
	period: '202405',
};

const objective = {
	id: 9001,
	type: 'company',
	description: 'Delight every customer',
	period: '2024Q1',
	comments: 0,
	progress: 40,
	parent_list: [],
	department_id: null,
	team_id: 11,
	user_id: 101,
};

export const weekdoneSamples: RecordSamples = {
	item,
	'item/getComments': { id: 7001, item_id: 5001, user_id: 102, comment: 'Looks good, ship it.', inserted: '2024-01-31T10:15:00+00:00' },
	'item/addComment': { id: 7002, item_id: 5001, user_id: 101, comment: 'Release notes are live.', inserted: '2024-01-31T11:00:00+00:00' },
	objective,
	keyResult: { id: 9101, objective_id: 9001, description: 'NPS above 50', progress: 40 },
	team: { id: 11, name: 'Product', privacy: 0 },
	user: { id: 101, name: 'Sandy Box', email: 'sandy@example.com', team_id: 11 },
	itemType: { id: 1, name: 'Progress' },
};
