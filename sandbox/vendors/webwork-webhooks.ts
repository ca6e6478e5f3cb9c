// WebWork webhooks: CRUD plus delivery when projects or members change.
import { randomToken } from '../oauth/tokens';
import { jsonMember, toInt } from '../http/params';
import { ymdHms } from '../seed/dates';
import type { WwWebhook } from '../seed/webwork-tracker';
import { invalid, requireWorkspace, type WwCall } from './webwork-call';
import { readPaging, wwError, wwOk, wwPage } from './webwork-envelope';

export const WEBWORK_EVENTS = [
	'tracker.started', 'tracker.stopped',
	'member.invited', 'member.updated', 'member.deleted', 'member.activated', 'member.archived',
	'project.created', 'project.updated', 'project.deleted',
];

/**
 * The delivery format is not documented. Sandbox assumption: a JSON POST of
 * {event, workspace_id, data, timestamp}, with the webhook's secret in `X-Webhook-Token`.
 */
export function fireWebworkEvent(call: WwCall, workspaceId: number, event: string, data: unknown): void {
	for (const hook of call.data.webhooks) {
		if (hook.workspace_id !== workspaceId || !hook.events.includes(event)) continue;
		call.state.sendWebhook('webwork-tracker', {
			url: hook.url,
			headers: { 'X-Webhook-Token': hook.token },
			body: { event, workspace_id: workspaceId, data, timestamp: new Date(call.now).toISOString() },
		});
	}
}

export function listWebhooks(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	const paging = readPaging(call.ctx, 50); // "50/page"
	if (!paging) return;
	wwPage(call.ctx, call.data.webhooks.filter((h) => h.workspace_id === workspace.id), paging, publicHook);
}

export function createWebhook(call: WwCall): void {
	const workspace = requireWorkspace(call, call.params.workspace_id);
	if (!workspace) return;
	const url = call.params.url;
	if (!url) return invalid(call, 'url', 'The url field is required.');
	if (!/^https?:\/\/\S+$/.test(url)) return invalid(call, 'url', 'The url must be a valid URL.');
	const raw = jsonMember(call.ctx, 'events') ?? call.params.events;
	const events = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',').map((e) => e.trim()).filter((e) => e) : [];
	if (events.length === 0) return invalid(call, 'events', 'The events field is required.');
	const unknown = events.filter((e) => !WEBWORK_EVENTS.includes(e));
	if (unknown.length > 0) return invalid(call, 'events', `The selected events are invalid: ${unknown.join(', ')}.`);
	const hook: WwWebhook = {
		id: call.data.nextId++,
		workspace_id: workspace.id,
		url,
		events,
		token: randomToken(24),
		created_at: ymdHms(call.now),
	};
	call.data.webhooks.push(hook);
	wwOk(call.ctx, { id: hook.id, url: hook.url, events: hook.events, token: hook.token }, 201);
}

export function deleteWebhook(call: WwCall): void {
	const hook = call.data.webhooks.find((h) => h.id === toInt(call.ctx.params.id));
	if (!hook) return wwError(call.ctx, 404, 'Webhook not found.');
	if (!requireWorkspace(call, hook.workspace_id)) return;
	call.data.webhooks.splice(call.data.webhooks.indexOf(hook), 1);
	wwOk(call.ctx, null, 200, 'Webhook deleted successfully.');
}

function publicHook(hook: WwWebhook): Record<string, unknown> {
	return { id: hook.id, workspace_id: hook.workspace_id, url: hook.url, events: hook.events, created_at: hook.created_at };
}
