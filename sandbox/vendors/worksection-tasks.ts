// Worksection task and comment actions.
import { toInt } from '../http/params';
import { ymdHm } from '../seed/dates';
import type { WsComment, WsTask } from '../seed/worksection';
import { recordEvent, recordUpdate } from './worksection-events';
import { parseTaskFilter } from './worksection-filter';
import { extraList, formatComment, formatTask, taskPage, commentPage } from './worksection-format';
import { assignee, author, findUserByEmail, priority, requireProject, requireTask, valueOf, wsDate } from './worksection-input';
import { WS_CODE, wsError, wsOk, type WsBody, type WsCall } from './worksection-types';

export function getTasks(call: WsCall): WsBody {
	const project = requireProject(call);
	if (!project.ok) return project.body;
	const tasks = call.data.tasks.filter((t) => t.id_project === project.value.id && t.id_parent === null);
	return wsOk({ data: listed(call, tasks) });
}

export function getAllTasks(call: WsCall): WsBody {
	return wsOk({ data: listed(call, call.data.tasks.filter((t) => t.id_parent === null)) });
}

function listed(call: WsCall, tasks: WsTask[]): Record<string, unknown>[] {
	const extra = extraList(call.params.extra);
	const active = call.params.filter === 'active';
	return tasks.filter((t) => !active || t.status === 'active').map((t) => formatTask(call.data, t, extra, true));
}

export function getTask(call: WsCall): WsBody {
	const task = requireTask(call);
	if (!task.ok) return task.body;
	const extra = extraList(call.params.extra);
	return wsOk({ data: formatTask(call.data, task.value, extra, extra.includes('subtasks')) });
}

export function postTask(call: WsCall): WsBody {
	const { params, data } = call;
	const project = requireProject(call);
	if (!project.ok) return project.body;
	if (project.value.status === 'archive') return wsError(WS_CODE.badParam, 'Project is archived');
	if (!params.title) return wsError(WS_CODE.badParam, 'Parameter title is required');
	const from = author(call, false);
	const to = assignee(data, params.email_user_to);
	const prio = priority(params.priority);
	const start = wsDate(params.datestart, 'datestart');
	const end = wsDate(params.dateend, 'dateend');
	for (const check of [from, to, prio, start, end]) if (!check.ok) return check.body;
	let parentId: number | null = null;
	if (params.id_parent) {
		const parent = data.tasks.find((t) => t.id === toInt(params.id_parent) && t.id_project === project.value.id);
		if (!parent) return wsError(WS_CODE.notFound, 'Parent task not found');
		parentId = parent.id;
	}
	const task: WsTask = {
		id: data.nextId++,
		id_project: project.value.id,
		id_parent: parentId,
		name: params.title,
		text: params.text ?? '',
		status: 'active',
		priority: valueOf(prio) ?? 0,
		user_from: valueOf(from),
		user_to: valueOf(to) ?? null,
		date_added: ymdHm(call.now),
		date_start: valueOf(start) ?? null,
		date_end: valueOf(end) ?? null,
		date_closed: null,
		added_ms: call.now,
	};
	data.tasks.push(task);
	recordEvent(call, {
		action: 'post',
		type: 'task',
		id: task.id,
		page: taskPage(task),
		idProject: task.id_project,
		new: { name: task.name, text: task.text, user_to: task.user_to, priority: task.priority, date_start: task.date_start, date_end: task.date_end },
		old: {},
	});
	return wsOk({ data: formatTask(data, task, ['text']) });
}

export function updateTask(call: WsCall): WsBody {
	const { params, data } = call;
	const found = requireTask(call);
	if (!found.ok) return found.body;
	const task = found.value;
	const to = assignee(data, params.email_user_to);
	const prio = priority(params.priority);
	const start = wsDate(params.datestart, 'datestart');
	const end = wsDate(params.dateend, 'dateend');
	for (const check of [to, prio, start, end]) if (!check.ok) return check.body;
	const before = { name: task.name, user_to: task.user_to, priority: task.priority, date_start: task.date_start, date_end: task.date_end };
	if (params.title) task.name = params.title;
	const [newTo, newPrio, newStart, newEnd] = [valueOf(to), valueOf(prio), valueOf(start), valueOf(end)];
	if (newTo !== undefined) task.user_to = newTo;
	if (newPrio !== undefined) task.priority = newPrio;
	if (newStart !== undefined) task.date_start = newStart;
	if (newEnd !== undefined) task.date_end = newEnd;
	const after = { name: task.name, user_to: task.user_to, priority: task.priority, date_start: task.date_start, date_end: task.date_end };
	recordUpdate(call, { type: 'task', id: task.id, page: taskPage(task), idProject: task.id_project }, before, after);
	return wsOk({ data: formatTask(data, task) });
}

export function completeTask(call: WsCall): WsBody {
	return setTaskStatus(call, 'done');
}

export function reopenTask(call: WsCall): WsBody {
	return setTaskStatus(call, 'active');
}

function setTaskStatus(call: WsCall, status: WsTask['status']): WsBody {
	const found = requireTask(call);
	if (!found.ok) return found.body;
	const task = found.value;
	if (task.status === status) return wsOk();
	task.status = status;
	task.date_closed = status === 'done' ? ymdHm(call.now) : null;
	recordEvent(call, {
		action: status === 'done' ? 'close' : 'reopen',
		type: 'task',
		id: task.id,
		page: taskPage(task),
		idProject: task.id_project,
		new: { status },
		old: { status: status === 'done' ? 'active' : 'done' },
	});
	return wsOk();
}

export function searchTasks(call: WsCall): WsBody {
	const { params, data } = call;
	const keys = ['id_project', 'id_task', 'email_user_from', 'email_user_to', 'filter'];
	if (!keys.some((k) => params[k])) return wsError(WS_CODE.badParam, `One of ${keys.join(', ')} is required`);
	let tasks = data.tasks;
	if (params.id_project) tasks = tasks.filter((t) => t.id_project === toInt(params.id_project));
	if (params.id_task) tasks = tasks.filter((t) => t.id === toInt(params.id_task) || t.id_parent === toInt(params.id_task));
	if (params.email_user_from) tasks = tasks.filter((t) => t.user_from === findUserByEmail(data, params.email_user_from)?.id);
	if (params.email_user_to) tasks = tasks.filter((t) => t.user_to !== null && t.user_to === findUserByEmail(data, params.email_user_to)?.id);
	if (params.filter) {
		const predicate = parseTaskFilter(params.filter);
		if (typeof predicate === 'string') return wsError(WS_CODE.badParam, predicate);
		tasks = tasks.filter(predicate);
	}
	if (params.status === 'active' || params.status === 'done') tasks = tasks.filter((t) => t.status === params.status);
	const extra = extraList(params.extra);
	return wsOk({ data: tasks.map((t) => formatTask(data, t, extra)) });
}

export function getComments(call: WsCall): WsBody {
	const task = requireTask(call);
	if (!task.ok) return task.body;
	return wsOk({ data: call.data.comments.filter((c) => c.id_task === task.value.id).map((c) => formatComment(call.data, c)) });
}

export function postComment(call: WsCall): WsBody {
	const { params, data } = call;
	const task = requireTask(call);
	if (!task.ok) return task.body;
	if (!params.text) return wsError(WS_CODE.badParam, 'Parameter text is required');
	const from = author(call, true);
	if (!from.ok) return from.body;
	const comment: WsComment = { id: data.nextId++, id_task: task.value.id, text: params.text, user_from: from.value, date_added: ymdHm(call.now) };
	data.comments.push(comment);
	recordEvent(call, {
		action: 'post',
		type: 'comment',
		id: comment.id,
		page: commentPage(data, comment),
		idProject: task.value.id_project,
		new: { text: comment.text },
		old: {},
	});
	return wsOk({ data: formatComment(data, comment) });
}
