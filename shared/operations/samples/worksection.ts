/**
 * Worksection records as its API answers them (https://worksection.com/en/faq/api-start.html and the
 * sandbox's seed in sandbox/seed/worksection.ts), for the Zapier editor's samples. People are objects with
 * an e-mail; times are ISO-8601 with an offset.
 */
import type { RecordSamples } from '../types';

const person = (id: number, name: string, email: string) => ({ id, name, email });

const project = {
	id: 193,
	name: 'Website relaunch',
	page: '/project/193/',
	status: 'active',
	company: 'Marketing',
	text: 'New site on the new stack.',
	user_from: person(11, 'Sandy Box', 'sandy@example.com'),
	user_to: person(12, 'Marcus Wright', 'marcus@example.com'),
	date_added: '2024-01-02T09:00:00+00:00',
	date_start: '2024-01-08',
	date_end: '2024-03-29',
	max_time: 120,
	max_money: 15000,
};

const task = {
	id: 2001,
	name: 'Draft the landing page',
	page: '/project/193/2001/',
	status: 'active',
	priority: 5,
	text: 'Hero, pricing and sign-up sections.',
	user_from: person(11, 'Sandy Box', 'sandy@example.com'),
	user_to: person(13, 'Lena Park', 'lena@example.com'),
	project: { id: 193, name: 'Website relaunch', page: '/project/193/' },
	date_added: '2024-01-31T09:30:00+00:00',
	date_start: '2024-02-01',
	date_end: '2024-02-09',
	max_time: 16,
	max_money: 800,
	tags: 'design, web',
};

export const worksectionSamples: RecordSamples = {
	project,
	task,
	'task/complete': { ...task, status: 'done', date_closed: '2024-02-08T17:00:00+00:00' },
	comment: { id: 3001, text: 'First draft is in the shared folder.', date_added: '2024-01-31T11:05:00+00:00', user_from: person(12, 'Marcus Wright', 'marcus@example.com'), task: { id: 2001, name: 'Draft the landing page' } },
	cost: { id: 4001, comment: 'Wireframes', time: '1:30', money: 75, date: '2024-01-31', is_timer: false, user_from: person(13, 'Lena Park', 'lena@example.com'), task: { id: 2001, name: 'Draft the landing page' } },
	user: { id: 12, first_name: 'Marcus', last_name: 'Wright', name: 'Marcus Wright', email: 'marcus@example.com', title: 'Developer', role: 'user' },
	event: {
		action: 'update',
		object: { type: 'task', id: 2001, page: '/project/193/2001/' },
		date_added: '2024-01-31T09:30:00+00:00',
		user_from: person(11, 'Sandy Box', 'sandy@example.com'),
		new: { priority: '5' },
		old: { priority: '1' },
	},
};
