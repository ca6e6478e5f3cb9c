// Worksection's activity log (get_events) and webhook fan-out: every project, task and
// comment change made through the API is logged here and pushed to matching webhooks.
import { toInt } from '../http/params';
import { ymdHm } from '../seed/dates';
import type { WsEvent, WsWebhook } from '../seed/worksection';
import { userRef } from './worksection-format';
import { WS_CODE, wsError, wsOk, type WsBody, type WsCall } from './worksection-types';

/** Event names accepted by add_webhook (vendor SDK docstring plus reopen_task). */
export const WEBHOOK_EVENTS = [
	'post_task', 'update_task', 'close_task', 'reopen_task', 'delete_task',
	'post_comment', 'update_comment', 'delete_comment', 'post_project', 'update_project',
];
// The docs say a webhook is switched off after 10 errors.
const MAX_FAILURES = 10;

export interface EventInput {
	action: WsEvent['action'];
	type: WsEvent['object']['type'];
	id: number;
	page: string;
	idProject: number;
	new: Record<string, unknown>;
	old: Record<string, unknown>;
}

export function recordEvent(call: WsCall, input: EventInput): void {
	const { data, state, now } = call;
	const event: WsEvent = {
		action: input.action,
		object: { type: input.type, id: input.id, page: input.page },
		date_added: ymdHm(now),
		user_from: (userRef(data, call.userId) as WsEvent['user_from']) ?? { id: call.userId, email: '', name: '' },
		new: input.new,
		old: input.old,
		at: now,
		id_project: input.idProject,
	};
	data.events.push(event);
	const name = `${input.action}_${input.type}`;
	for (const hook of data.webhooks) {
		if (hook.status !== 'active' || !hook.events.includes(name)) continue;
		if (hook.projects.length > 0 && !hook.projects.includes(input.idProject)) continue;
		state.sendWebhook(
			'worksection',
			{
				url: hook.url,
				// Deliveries are a JSON array of events.
				body: [publicEvent(event)],
				basicAuth: hook.http_user ? { user: hook.http_user, pass: hook.http_pass ?? '' } : undefined,
			},
			(result) => {
				hook.failures = result.ok ? 0 : hook.failures + 1;
				if (hook.failures >= MAX_FAILURES) hook.status = 'disabled';
			},
		);
	}
}

/** Logs an `update` event that names only the fields that changed, new and old values; none when nothing did. */
export function recordUpdate<T extends Record<string, unknown>>(call: WsCall, target: Pick<EventInput, 'type' | 'id' | 'page' | 'idProject'>, before: T, after: T): void {
	const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
	if (changed.length === 0) return;
	recordEvent(call, {
		action: 'update',
		...target,
		new: Object.fromEntries(changed.map((k) => [k, after[k]])),
		old: Object.fromEntries(changed.map((k) => [k, before[k]])),
	});
}

export function publicEvent(event: WsEvent): Record<string, unknown> {
	return { action: event.action, object: event.object, date_added: event.date_added, user_from: event.user_from, new: event.new, old: event.old };
}

/** get_events: `period` is a number with m, h or d (e.g. 30m, 3h, 7d), newest first. */
export function getEvents(call: WsCall): WsBody {
	const match = /^(\d+)([mhd])$/.exec(call.params.period ?? '');
	if (!match) return wsError(WS_CODE.badParam, 'Parameter period is required, e.g. 3h or 7d');
	const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'm' | 'h' | 'd'];
	const since = call.now - Number(match[1]) * unitMs;
	const project = toInt(call.params.id_project);
	// Reversed first so events logged in the same millisecond still come newest first.
	const events = call.data.events
		.filter((e) => e.at >= since && (project === undefined || e.id_project === project))
		.reverse()
		.sort((a, b) => b.at - a.at)
		.map(publicEvent);
	return wsOk({ data: events });
}

export function getWebhooks(call: WsCall): WsBody {
	return wsOk({ data: call.data.webhooks.map(formatWebhook) });
}

export function addWebhook(call: WsCall): WsBody {
	const { params, data } = call;
	if (!params.url) return wsError(WS_CODE.badParam, 'Parameter url is required');
	if (!/^https?:\/\//.test(params.url)) return wsError(WS_CODE.badParam, 'Parameter url must be an http(s) URL');
	const events = (params.events ?? '').split(',').map((e) => e.trim()).filter((e) => e.length > 0);
	if (events.length === 0) return wsError(WS_CODE.badParam, 'Parameter events is required');
	const unknown = events.filter((e) => !WEBHOOK_EVENTS.includes(e));
	if (unknown.length > 0) return wsError(WS_CODE.badParam, `Unknown events: ${unknown.join(', ')}`);
	const projects = (params.projects ?? '').split(',').map((p) => toInt(p)).filter((p): p is number => p !== undefined);
	const hook: WsWebhook = {
		id: data.nextId++,
		url: params.url,
		events,
		projects,
		http_user: params.http_user || null,
		http_pass: params.http_pass || null,
		// The UI creates webhooks disabled; whether API-created ones are is undocumented (assumed active).
		status: 'active',
		failures: 0,
	};
	data.webhooks.push(hook);
	return wsOk({ id: hook.id });
}

export function deleteWebhook(call: WsCall): WsBody {
	const id = toInt(call.params.id);
	const index = call.data.webhooks.findIndex((h) => h.id === id);
	if (id === undefined) return wsError(WS_CODE.badParam, 'Parameter id is required');
	if (index < 0) return wsError(WS_CODE.notFound, 'Webhook not found');
	call.data.webhooks.splice(index, 1);
	return wsOk();
}

function formatWebhook(hook: WsWebhook): Record<string, unknown> {
	return { id: hook.id, url: hook.url, events: hook.events.join(','), projects: hook.projects.join(','), status: hook.status, http_user: hook.http_user };
}
