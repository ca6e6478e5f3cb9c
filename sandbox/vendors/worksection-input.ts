// Parameter helpers shared by the Worksection actions.
import { toInt } from '../http/params';
import type { WorksectionData, WsProject, WsTask, WsUser } from '../seed/worksection';
import { WS_CODE, wsError, type WsBody, type WsCall } from './worksection-types';

export type Found<T> = { ok: true; value: T } | { ok: false; body: WsBody };

/** The value of a Found that the caller already checked. */
export function valueOf<T>(found: Found<T>): T {
	if (!found.ok) throw new Error('valueOf() on a failed lookup');
	return found.value;
}

export function requireProject(call: WsCall): Found<WsProject> {
	if (!call.params.id_project) return { ok: false, body: wsError(WS_CODE.badParam, 'Parameter id_project is required') };
	const project = call.data.projects.find((p) => p.id === toInt(call.params.id_project));
	return project ? { ok: true, value: project } : { ok: false, body: wsError(WS_CODE.notFound, 'Project not found') };
}

export function requireTask(call: WsCall): Found<WsTask> {
	if (!call.params.id_task) return { ok: false, body: wsError(WS_CODE.badParam, 'Parameter id_task is required') };
	const task = call.data.tasks.find((t) => t.id === toInt(call.params.id_task));
	return task ? { ok: true, value: task } : { ok: false, body: wsError(WS_CODE.notFound, 'Task not found') };
}

/** Worksection takes dates as DD.MM.YYYY and answers with YYYY-MM-DD. */
export function wsDate(value: string | undefined, name: string): Found<string | undefined> {
	if (value === undefined || value === '') return { ok: true, value: undefined };
	const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
	const iso = match ? `${match[3]}-${match[2]}-${match[1]}` : '';
	if (!match || Number.isNaN(Date.parse(iso)) || new Date(iso).toISOString().slice(0, 10) !== iso) {
		return { ok: false, body: wsError(WS_CODE.badParam, `Parameter ${name} must be a date in DD.MM.YYYY format`) };
	}
	return { ok: true, value: iso };
}

/** email_user_to: a member's e-mail, or Worksection's ANY / NOONE placeholders (both mean unassigned here). */
export function assignee(data: WorksectionData, email: string | undefined): Found<number | null | undefined> {
	if (email === undefined || email === '') return { ok: true, value: undefined };
	if (email === 'ANY' || email === 'NOONE') return { ok: true, value: null };
	const user = findUserByEmail(data, email);
	return user ? { ok: true, value: user.id } : { ok: false, body: wsError(WS_CODE.badParam, `User ${email} not found`) };
}

export function findUserByEmail(data: WorksectionData, email: string): WsUser | undefined {
	return data.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
}

/**
 * The author of a write. With the admin key there is no user, so email_user_from names one
 * (required for comments, per the vendor SDK); with OAuth it is the token's owner.
 */
export function author(call: WsCall, required: boolean): Found<number> {
	if (call.mode === 'oauth') return { ok: true, value: call.userId };
	const email = call.params.email_user_from;
	if (!email) {
		return required ? { ok: false, body: wsError(WS_CODE.badParam, 'Parameter email_user_from is required with the admin API key') } : { ok: true, value: call.userId };
	}
	const user = findUserByEmail(call.data, email);
	return user ? { ok: true, value: user.id } : { ok: false, body: wsError(WS_CODE.badParam, `User ${email} not found`) };
}

export function priority(value: string | undefined): Found<number | undefined> {
	if (value === undefined || value === '') return { ok: true, value: undefined };
	const n = toInt(value);
	if (n === undefined || n < 0 || n > 10) return { ok: false, body: wsError(WS_CODE.badParam, 'Parameter priority must be 0..10') };
	return { ok: true, value: n };
}
