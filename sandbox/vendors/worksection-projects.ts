// Worksection project, cost and member actions.
import { toInt } from '../http/params';
import { ymd, ymdHm } from '../seed/dates';
import type { WsCost, WsProject } from '../seed/worksection';
import { recordEvent, recordUpdate } from './worksection-events';
import { extraList, formatCost, formatProject, formatUser, projectPage } from './worksection-format';
import { author, findUserByEmail, requireProject, requireTask, valueOf, wsDate } from './worksection-input';
import { WS_CODE, wsError, wsOk, type WsBody, type WsCall } from './worksection-types';

const PROJECT_FILTERS: Record<string, WsProject['status']> = { active: 'active', pending: 'pending', archived: 'archive' };

export function getProjects(call: WsCall): WsBody {
	const { params, data } = call;
	let projects = data.projects;
	if (params.filter) {
		const status = PROJECT_FILTERS[params.filter];
		if (!status) return wsError(WS_CODE.badParam, 'Parameter filter must be active, pending or archived');
		projects = projects.filter((p) => p.status === status);
	}
	const extra = extraList(params.extra);
	return wsOk({ data: projects.map((p) => formatProject(data, p, extra)) });
}

export function getProject(call: WsCall): WsBody {
	const project = requireProject(call);
	if (!project.ok) return project.body;
	return wsOk({ data: formatProject(call.data, project.value, extraList(call.params.extra)) });
}

export function postProject(call: WsCall): WsBody {
	const { params, data } = call;
	if (!params.title) return wsError(WS_CODE.badParam, 'Parameter title is required');
	const from = author(call, false);
	const start = wsDate(params.datestart, 'datestart');
	const end = wsDate(params.dateend, 'dateend');
	for (const check of [from, start, end]) if (!check.ok) return check.body;
	const manager = params.email_manager ? findUserByEmail(data, params.email_manager) : undefined;
	if (params.email_manager && !manager) return wsError(WS_CODE.badParam, `User ${params.email_manager} not found`);
	const owner = valueOf(from);
	const project: WsProject = {
		id: data.nextId++,
		name: params.title,
		status: 'active',
		company: params.company ?? '',
		text: params.text ?? '',
		user_from: owner,
		user_to: manager?.id ?? owner,
		date_added: ymdHm(call.now),
		date_start: valueOf(start) ?? null,
		date_end: valueOf(end) ?? null,
		date_closed: null,
		max_time: toInt(params.max_time) ?? 0,
		max_money: toInt(params.max_money) ?? 0,
	};
	data.projects.push(project);
	recordEvent(call, { action: 'post', type: 'project', id: project.id, page: projectPage(project.id), idProject: project.id, new: { name: project.name }, old: {} });
	return wsOk({ data: formatProject(data, project, ['text']) });
}

export function updateProject(call: WsCall): WsBody {
	const { params, data } = call;
	const found = requireProject(call);
	if (!found.ok) return found.body;
	const project = found.value;
	const start = wsDate(params.datestart, 'datestart');
	const end = wsDate(params.dateend, 'dateend');
	for (const check of [start, end]) if (!check.ok) return check.body;
	const before = { name: project.name, text: project.text, company: project.company, date_start: project.date_start, date_end: project.date_end };
	if (params.title) project.name = params.title;
	if (params.text !== undefined) project.text = params.text;
	if (params.company !== undefined) project.company = params.company;
	const [newStart, newEnd] = [valueOf(start), valueOf(end)];
	if (newStart) project.date_start = newStart;
	if (newEnd) project.date_end = newEnd;
	const after = { name: project.name, text: project.text, company: project.company, date_start: project.date_start, date_end: project.date_end };
	recordUpdate(call, { type: 'project', id: project.id, page: projectPage(project.id), idProject: project.id }, before, after);
	return wsOk({ data: formatProject(data, project, ['text']) });
}

export function closeProject(call: WsCall): WsBody {
	return setProjectStatus(call, 'archive');
}

export function activateProject(call: WsCall): WsBody {
	return setProjectStatus(call, 'active');
}

function setProjectStatus(call: WsCall, status: WsProject['status']): WsBody {
	const found = requireProject(call);
	if (!found.ok) return found.body;
	const project = found.value;
	if (project.status === status) return wsOk();
	const old = project.status;
	project.status = status;
	project.date_closed = status === 'archive' ? ymd(call.now) : null;
	// No dedicated close/activate webhook event exists, so this is an update_project.
	recordEvent(call, { action: 'update', type: 'project', id: project.id, page: projectPage(project.id), idProject: project.id, new: { status }, old: { status: old } });
	return wsOk();
}

export function getCosts(call: WsCall): WsBody {
	const { params, data } = call;
	const start = wsDate(params.datestart, 'datestart');
	const end = wsDate(params.dateend, 'dateend');
	for (const check of [start, end]) if (!check.ok) return check.body;
	let costs = data.costs;
	if (params.id_task) costs = costs.filter((c) => c.id_task === toInt(params.id_task));
	if (params.id_project) {
		const project = toInt(params.id_project);
		costs = costs.filter((c) => data.tasks.find((t) => t.id === c.id_task)?.id_project === project);
	}
	const [from, to] = [valueOf(start), valueOf(end)];
	if (from) costs = costs.filter((c) => c.date >= from);
	if (to) costs = costs.filter((c) => c.date <= to);
	return wsOk({ data: costs.map((c) => formatCost(data, c)) });
}

export function addCosts(call: WsCall): WsBody {
	const { params, data } = call;
	const task = requireTask(call);
	if (!task.ok) return task.body;
	if (!params.time && !params.money) return wsError(WS_CODE.badParam, 'Parameter time or money is required');
	const minutes = params.time ? parseTime(params.time) : 0;
	if (minutes === undefined) return wsError(WS_CODE.badParam, 'Parameter time must look like 1:30 or 1.5');
	const money = params.money ? Number(params.money) : 0;
	if (!Number.isFinite(money)) return wsError(WS_CODE.badParam, 'Parameter money must be a number');
	const date = wsDate(params.date, 'date');
	const from = author(call, false);
	for (const check of [date, from]) if (!check.ok) return check.body;
	const cost: WsCost = {
		id: data.nextId++,
		id_task: task.value.id,
		comment: params.comment ?? '',
		minutes,
		money,
		date: valueOf(date) ?? ymd(call.now),
		user_from: valueOf(from),
	};
	data.costs.push(cost);
	return wsOk({ id: cost.id });
}

/** "1:30" or decimal hours "1.5" → minutes. */
function parseTime(value: string): number | undefined {
	const clock = /^(\d+):([0-5]\d)$/.exec(value);
	if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 60);
	return undefined;
}

export function getUsers(call: WsCall): WsBody {
	return wsOk({ data: call.data.users.map(formatUser) });
}

export function me(call: WsCall): WsBody {
	const user = call.data.users.find((u) => u.id === call.userId);
	return user ? wsOk({ data: formatUser(user) }) : wsError(WS_CODE.notFound, 'User not found');
}
