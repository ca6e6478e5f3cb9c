// WebWork tasks, time entries and the tracked-hours report.
import { toInt } from '../http/params';
import { DAY_MS, parseDay, startOfDay, ymd, ymdHms } from '../seed/dates';
import type { WwTask } from '../seed/webwork-tracker';
import { invalid, requireWorkspace, type WwCall } from './webwork-call';
import { readPaging, wwError, wwOk, wwPage } from './webwork-envelope';

const STATUSES = [0, 10, 20, 30]; // Open, In Progress, Done, Closed
const PRIORITIES = [10, 20, 30, 40]; // Urgent, High, Normal, Low

export function listTasks(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	const paging = readPaging(call.ctx);
	if (!paging) return;
	const { params } = call;
	const order = params.order_by ?? 'asc';
	if (order !== 'asc' && order !== 'desc') return invalid(call, 'order_by', 'The selected order by is invalid.');
	const filters: [string, (t: WwTask) => number | null][] = [
		['project_id', (t) => t.project_id],
		['status', (t) => t.status],
		['priority', (t) => t.priority],
		['parent_id', (t) => t.parent_id],
	];
	let rows = call.data.tasks.filter((t) => t.workspace_id === workspace.id);
	for (const [name, read] of filters) {
		if (params[name] === undefined || params[name] === '') continue;
		const wanted = toInt(params[name]);
		if (wanted === undefined) return invalid(call, name, `The ${name.replace('_', ' ')} must be an integer.`);
		rows = rows.filter((t) => read(t) === wanted);
	}
	rows = [...rows].sort((a, b) => (order === 'asc' ? a.id - b.id : b.id - a.id));
	wwPage(call.ctx, rows, paging);
}

export function createTask(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	const { params } = call;
	if (!params.project_id) return invalid(call, 'project_id', 'The project id field is required.');
	const project = call.data.projects.find((p) => p.id === toInt(params.project_id) && p.workspace_id === workspace.id && p.status === 'active');
	if (!project) return invalid(call, 'project_id', 'The selected project id is invalid.');
	if (!params.title) return invalid(call, 'title', 'The title field is required.');
	const stamp = ymdHms(call.now);
	const task: WwTask = {
		id: call.data.nextId++,
		workspace_id: workspace.id,
		project_id: project.id,
		title: params.title,
		description: null,
		status: 0,
		priority: 30,
		start_date: null,
		end_date: null,
		parent_id: null,
		created_at: stamp,
		updated_at: stamp,
	};
	if (!applyTaskFields(call, task)) return;
	call.data.tasks.push(task);
	wwOk(call.ctx, task, 201);
}

export function getTask(call: WwCall): void {
	const task = findTask(call);
	if (task) wwOk(call.ctx, task);
}

export function updateTask(call: WwCall): void {
	const task = findTask(call);
	if (!task) return;
	if (call.params.title !== undefined && call.params.title === '') return invalid(call, 'title', 'The title field must not be empty.');
	if (call.params.title) task.title = call.params.title;
	if (call.params.project_id) {
		const project = call.data.projects.find((p) => p.id === toInt(call.params.project_id) && p.workspace_id === task.workspace_id);
		if (!project) return invalid(call, 'project_id', 'The selected project id is invalid.');
		task.project_id = project.id;
	}
	if (!applyTaskFields(call, task)) return;
	task.updated_at = ymdHms(call.now);
	wwOk(call.ctx, task);
}

export function deleteTask(call: WwCall): void {
	const task = findTask(call);
	if (!task) return;
	call.data.tasks.splice(call.data.tasks.indexOf(task), 1);
	call.data.assignees = call.data.assignees.filter((a) => a.task_id !== task.id);
	wwOk(call.ctx, null, 200, 'Task deleted successfully.');
}

export function assignTask(call: WwCall): void {
	const task = findTask(call);
	if (!task) return;
	const userId = toInt(call.ctx.params.userId);
	const member = call.data.members.find((m) => m.workspace_id === task.workspace_id && m.user_id === userId && m.status === 'active');
	if (!member || userId === undefined) return wwError(call.ctx, 404, 'User is not an active member of this workspace.');
	if (!call.data.assignees.some((a) => a.task_id === task.id && a.user_id === userId)) call.data.assignees.push({ task_id: task.id, user_id: userId });
	wwOk(call.ctx, { task_id: task.id, user_id: userId }, 200, 'User assigned to task successfully.');
}

export function listAssignees(call: WwCall): void {
	const task = findTask(call);
	if (!task) return;
	const rows = call.data.assignees
		.filter((a) => a.task_id === task.id)
		.map((a) => call.data.users.find((u) => u.id === a.user_id))
		.filter((u) => u !== undefined)
		.map((u) => ({ user_id: u?.id, email: u?.email, firstname: u?.firstname, lastname: u?.lastname }));
	wwOk(call.ctx, rows);
}

/** workspace_id, user_id and date (one day, Y-m-d) are all required. */
export function timeEntries(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	const { params } = call;
	if (!params.user_id) return invalid(call, 'user_id', 'The user id field is required.');
	if (!params.date) return invalid(call, 'date', 'The date field is required.');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(params.date) || parseDay(params.date) === undefined) return invalid(call, 'date', 'The date does not match the format Y-m-d.');
	const paging = readPaging(call.ctx);
	if (!paging) return;
	const userId = toInt(params.user_id);
	const rows = call.data.timeEntries.filter(
		(e) =>
			e.workspace_id === workspace.id &&
			e.user_id === userId &&
			e.start_time.startsWith(params.date) &&
			(!params.project_id || e.project_id === toInt(params.project_id)) &&
			(!params.task_id || e.task_id === toInt(params.task_id)),
	);
	wwPage(call.ctx, rows, paging);
}

/** Minutes per day per user and project; the default range is the current week. */
export function trackedHours(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	const { params } = call;
	const monday = startOfDay(call.now) - ((new Date(call.now).getUTCDay() + 6) % 7) * DAY_MS;
	const start = params.start_date ? parseDay(params.start_date) : monday;
	const end = params.end_date ? parseDay(params.end_date) : monday + 6 * DAY_MS;
	if (start === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(params.start_date ?? ymd(start))) return invalid(call, 'start_date', 'The start date does not match the format Y-m-d.');
	if (end === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(params.end_date ?? ymd(end))) return invalid(call, 'end_date', 'The end date does not match the format Y-m-d.');
	if (end < start) return invalid(call, 'end_date', 'The end date must be a date after or equal to start date.');
	const userId = params.user_id ? toInt(params.user_id) : undefined;
	if (userId !== undefined && (end - start) / DAY_MS + 1 > 31) return invalid(call, 'end_date', 'The date range may not exceed 31 days when user_id is given.');
	const totals = new Map<string, { user_id: number; date: string; project_id: number; contract_id: number; minutes: number }>();
	for (const entry of call.data.timeEntries) {
		const day = entry.start_time.slice(0, 10);
		const dayMs = parseDay(day) as number;
		if (entry.workspace_id !== workspace.id || dayMs < start || dayMs > end) continue;
		if (userId !== undefined && entry.user_id !== userId) continue;
		const key = `${entry.user_id}|${day}|${entry.project_id}|${entry.contract_id}`;
		const row = totals.get(key) ?? { user_id: entry.user_id, date: day, project_id: entry.project_id, contract_id: entry.contract_id, minutes: 0 };
		row.minutes += Math.round(entry.duration / 60);
		totals.set(key, row);
	}
	wwOk(call.ctx, { start_date: ymd(start), end_date: ymd(end), rows: [...totals.values()] });
}

function findTask(call: WwCall): WwTask | undefined {
	const task = call.data.tasks.find((t) => t.id === toInt(call.ctx.params.id));
	if (!task) {
		wwError(call.ctx, 404, 'Task not found.');
		return undefined;
	}
	return requireWorkspace(call, task.workspace_id) ? task : undefined;
}

/** Optional task fields shared by create and update; false after answering 400. */
function applyTaskFields(call: WwCall, task: WwTask): boolean {
	const { params } = call;
	if (params.description !== undefined) task.description = params.description;
	for (const [field, allowed] of [['status', STATUSES], ['priority', PRIORITIES]] as const) {
		if (params[field] === undefined || params[field] === '') continue;
		const value = toInt(params[field]);
		if (value === undefined || !allowed.includes(value)) {
			invalid(call, field, `The selected ${field} is invalid (allowed: ${allowed.join(', ')}).`);
			return false;
		}
		task[field] = value;
	}
	for (const field of ['start_date', 'end_date'] as const) {
		const value = params[field];
		if (value === undefined || value === '') continue;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || parseDay(value) === undefined) {
			invalid(call, field, `The ${field.replace('_', ' ')} does not match the format Y-m-d.`);
			return false;
		}
		task[field] = value;
	}
	if (params.parent_id) {
		const parent = call.data.tasks.find((t) => t.id === toInt(params.parent_id) && t.workspace_id === task.workspace_id && t.id !== task.id);
		if (!parent) {
			invalid(call, 'parent_id', 'The selected parent id is invalid.');
			return false;
		}
		task.parent_id = parent.id;
	}
	return true;
}
