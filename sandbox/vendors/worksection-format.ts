// Answer shapes, after the docs' get_tasks sample and the official Python SDK's models.
import type { WorksectionData, WsComment, WsCost, WsProject, WsTask, WsUser } from '../seed/worksection';

export function userRef(data: WorksectionData, id: number | null): Record<string, unknown> | null {
	const user = data.users.find((u) => u.id === id);
	return user ? { id: user.id, email: user.email, name: fullName(user) } : null;
}

export function fullName(user: WsUser): string {
	return `${user.first_name} ${user.last_name}`;
}

export function formatUser(user: WsUser): Record<string, unknown> {
	return { id: user.id, first_name: user.first_name, last_name: user.last_name, name: fullName(user), title: user.title, email: user.email, role: user.role };
}

export function projectPage(id: number): string {
	return `/project/${id}/`;
}

export function taskPage(task: WsTask): string {
	return `/project/${task.id_project}/${task.id_parent !== null ? `${task.id_parent}/` : ''}${task.id}/`;
}

/** `extra` is the comma list of optional blocks; text is only included when asked for. */
export function formatProject(data: WorksectionData, project: WsProject, extra: string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: project.id,
		name: project.name,
		page: projectPage(project.id),
		status: project.status,
		company: project.company,
		user_from: userRef(data, project.user_from),
		user_to: userRef(data, project.user_to),
		date_added: project.date_added,
		date_start: project.date_start,
		date_end: project.date_end,
		date_closed: project.date_closed,
		max_time: project.max_time,
		max_money: project.max_money,
	};
	if (extra.includes('text') || extra.includes('html')) out.text = project.text;
	return out;
}

export function formatTask(data: WorksectionData, task: WsTask, extra: string[] = [], withChildren = false): Record<string, unknown> {
	const project = data.projects.find((p) => p.id === task.id_project);
	const out: Record<string, unknown> = {
		id: task.id,
		name: task.name,
		page: taskPage(task),
		status: task.status,
		priority: String(task.priority),
		user_from: userRef(data, task.user_from),
		user_to: userRef(data, task.user_to),
		project: project ? { id: project.id, name: project.name, page: projectPage(project.id) } : null,
		date_added: task.date_added,
		date_start: task.date_start,
		date_end: task.date_end,
		date_closed: task.date_closed,
	};
	if (task.id_parent !== null) {
		const parent = data.tasks.find((t) => t.id === task.id_parent);
		out.parent = parent ? { id: parent.id, name: parent.name, page: taskPage(parent) } : null;
	}
	if (extra.includes('text') || extra.includes('html')) out.text = task.text;
	if (withChildren) {
		const children = data.tasks.filter((t) => t.id_parent === task.id);
		if (children.length > 0) out.child = children.map((c) => formatTask(data, c, extra, true));
	}
	return out;
}

export function formatComment(data: WorksectionData, comment: WsComment): Record<string, unknown> {
	return { id: comment.id, page: commentPage(data, comment), text: comment.text, date_added: comment.date_added, user_from: userRef(data, comment.user_from) };
}

export function commentPage(data: WorksectionData, comment: WsComment): string {
	const task = data.tasks.find((t) => t.id === comment.id_task);
	return task ? `${taskPage(task)}#com${comment.id}` : '';
}

export function formatCost(data: WorksectionData, cost: WsCost): Record<string, unknown> {
	const task = data.tasks.find((t) => t.id === cost.id_task);
	return {
		id: cost.id,
		task: task ? { id: task.id, name: task.name, page: taskPage(task) } : null,
		comment: cost.comment,
		time: `${Math.floor(cost.minutes / 60)}:${String(cost.minutes % 60).padStart(2, '0')}`,
		money: cost.money.toFixed(2),
		date: cost.date,
		is_timer: false,
		user_from: userRef(data, cost.user_from),
	};
}

export function extraList(value: string | undefined): string[] {
	return value ? value.split(',').map((s) => s.trim()) : [];
}
