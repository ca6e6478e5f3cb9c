/**
 * WebWork Tracker records as its API V2 answers them (https://api-docs.webwork-tracker.com/v2 and the
 * sandbox's seed in sandbox/seed/webwork-tracker.ts), for the Zapier editor's samples.
 */
import type { RecordSamples } from '../types';

const project = {
	id: 2001,
	workspace_id: 1001,
	name: 'Apollo',
	start_date: '2024-01-08',
	deadline: '2024-03-29',
	estimation: 120,
	budget: 15000,
	notes: 'Client portal rebuild.',
	status: 'active',
	created_at: '2024-01-02T09:00:00+00:00',
	updated_at: '2024-01-31T09:30:00+00:00',
};

const task = {
	id: 3001,
	workspace_id: 1001,
	project_id: 2001,
	title: 'Set up CI',
	description: 'Build and test on every push.',
	status: 10,
	priority: 20,
	start_date: '2024-02-01',
	end_date: '2024-02-09',
	parent_id: null,
	created_at: '2024-01-31T09:30:00+00:00',
	updated_at: '2024-01-31T09:30:00+00:00',
};

const member = { user_id: 502, workspace_id: 1001, email: 'ravi@example.com', firstname: 'Ravi', lastname: 'Menon', role: 'Regular User', status: 'active' };

export const webworkTrackerSamples: RecordSamples = {
	workspace: { id: 1001, workspace_name: 'Sandbox Workspace', owner_id: 501, role: 'owner', status: 'active' },
	member,
	'member/invite': { user_id: 504, invitation_link: 'https://webwork-tracker.com/invite/abc123' },
	project,
	task,
	'task/getAssignees': { id: 502, user_id: 502, email: 'ravi@example.com', firstname: 'Ravi', lastname: 'Menon' },
	'task/assign': { task_id: 3001, user_id: 502, assigned: true },
	'task/unassign': { task_id: 3001, user_id: 502, success: true },
	report: { date: '2024-01-31', user_id: 502, project_id: 2001, contract_id: 7001, minutes: 270 },
};
