// WebWork Tracker REST API v2 (real base https://api.webwork-tracker.com/api/v2): authentication,
// rate limit and scope checks, then the route table.
import { parseBearer } from '../http/auth-header';
import { requestParams } from '../http/params';
import { sendJson } from '../http/respond';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';
import type { WwCall } from './webwork-call';
import { wwError } from './webwork-envelope';
import { createMember, createProject, deleteProject, getProject, listMembers, listProjects, listWorkspaces, updateProject } from './webwork-resources';
import { assignTask, createTask, deleteTask, getTask, listAssignees, listTasks, trackedHours, timeEntries, updateTask } from './webwork-tasks';
import { createWebhook, deleteWebhook, listWebhooks } from './webwork-webhooks';

const VENDOR = 'webwork-tracker';
const BASE = '/webwork-tracker/api/v2';
// Documented 401 body, verbatim.
const UNAUTHORIZED = { success: false, message: 'Unauthorized. Please provide a valid Bearer token or Basic Auth credentials.' };

type WwHandler = (call: WwCall) => void;

export function registerWebworkApi(router: Router, state: SandboxState): void {
	const on = (method: string, path: string, handler: WwHandler) => router.add(method, `${BASE}${path}`, guarded(state, method, handler));
	on('GET', '/workspaces', listWorkspaces);
	on('GET', '/members', listMembers);
	on('POST', '/members', createMember);
	on('GET', '/projects', listProjects);
	on('POST', '/projects', createProject);
	on('GET', '/projects/:id', getProject);
	on('PUT', '/projects/:id', updateProject);
	on('DELETE', '/projects/:id', deleteProject);
	on('GET', '/tasks', listTasks);
	on('POST', '/tasks', createTask);
	on('GET', '/tasks/:id', getTask);
	on('PUT', '/tasks/:id', updateTask);
	on('DELETE', '/tasks/:id', deleteTask);
	on('POST', '/tasks/:id/assign/:userId', assignTask);
	on('GET', '/tasks/:id/assignees', listAssignees);
	on('GET', '/time-entries', timeEntries);
	on('GET', '/reports/tracked-hours', trackedHours);
	on('GET', '/webhooks', listWebhooks);
	on('POST', '/webhooks', createWebhook);
	on('DELETE', '/webhooks/:id', deleteWebhook);
}

/** Scope needed per HTTP method, as the doc describes read / write / admin. */
function requiredScope(method: string): string {
	if (method === 'GET') return 'read';
	if (method === 'DELETE') return 'admin';
	return 'write';
}

function guarded(state: SandboxState, method: string, handler: WwHandler): (ctx: RequestContext) => void {
	return (ctx) => {
		state.stats.bump(VENDOR, 'apiCalls');
		// Bearer only: OAuth access tokens and personal access tokens alike.
		const check = state.tokens.checkAccess(VENDOR, parseBearer(ctx.req.headers));
		if (!check.ok) {
			state.stats.bump(VENDOR, 'apiRejected');
			return sendJson(ctx.res, 401, UNAUTHORIZED);
		}
		const userId = Number(check.record.userId);
		const limit = state.webworkLimiter.hit(`user:${userId}`);
		if (limit.limit > 0) {
			ctx.res.setHeader('X-RateLimit-Limit', limit.limit);
			ctx.res.setHeader('X-RateLimit-Remaining', limit.remaining);
		}
		if (!limit.allowed) {
			state.stats.bump(VENDOR, 'rateLimited');
			ctx.res.setHeader('Retry-After', limit.retryAfterSeconds);
			return wwError(ctx, 429, 'Too Many Attempts.');
		}
		const scope = requiredScope(method);
		// admin is "Full access"; read and write do not imply each other.
		if (!check.record.scope.includes(scope) && !check.record.scope.includes('admin')) {
			state.stats.bump(VENDOR, 'apiRejected');
			return wwError(ctx, 403, `This action requires the "${scope}" scope.`, 'insufficient_scope');
		}
		handler({ ctx, state, data: state.data[VENDOR], params: requestParams(ctx), userId, now: state.now() });
	};
}
