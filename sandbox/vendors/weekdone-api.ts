// Weekdone API v1 (real base https://api.weekdone.com/1). Routes and fields follow the
// research notes (MindCloud catalogue + Activepieces piece); the docs themselves were not stored.
import { parseDay, isoWeekPeriod } from '../seed/dates';
import type { WeekdoneData, WeekdoneItem, WeekdoneObjective } from '../seed/weekdone';
import { requestParams, toInt } from '../http/params';
import { sendJson } from '../http/respond';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';

const BASE = '/weekdone/api/1';
const VENDOR = 'weekdone';
const OBJECTIVE_TYPES = ['company', 'department', 'team', 'user'];

type Params = Record<string, string>;
type ApiHandler = (ctx: RequestContext, params: Params, data: WeekdoneData, me: number, now: number) => void;

export function registerWeekdoneApi(router: Router, state: SandboxState): void {
	const on = (method: string, path: string, handler: ApiHandler) => router.add(method, `${BASE}${path}`, guarded(state, handler));

	on('GET', '/items', listItems);
	on('POST', '/item', createItem);
	on('PATCH', '/item/:id', updateItem);
	on('DELETE', '/item/:id', deleting(findItem, (data) => data.items));
	on('PATCH', '/item/:id/assign', assignItem);
	on('GET', '/item/:id/comments', (ctx, _p, data) => {
		const item = findItem(ctx, data);
		if (item) ok(ctx, { comments: data.comments.filter((c) => c.item_id === item.id) });
	});
	on('POST', '/item/:id/comments', addComment);
	on('GET', '/objective', listObjectives);
	on('POST', '/objective', createObjective);
	on('PATCH', '/objective/:id', updateObjective);
	on('DELETE', '/objective/:id', deleting(findObjective, (data) => data.objectives));
	on('POST', '/objective/:id/result', addResult);
	on('PATCH', '/objective/:id/result/:rid', updateResult);
	on('GET', '/teams', (ctx, _p, data) => ok(ctx, { teams: data.teams }));
	on('GET', '/users', (ctx, _p, data) => ok(ctx, { users: data.users }));
	on('GET', '/types', (ctx, _p, data) => ok(ctx, { types: data.types }));
	on('GET', '/company', (ctx, _p, data) => ok(ctx, { data: data.company }));
	on('GET', '/user', (ctx, _p, data, me) => ok(ctx, { user: data.users.find((u) => u.id === me) }));
}

/** Every call carries the access token as `?token=`; a Bearer header alone is not enough. */
function guarded(state: SandboxState, handler: ApiHandler): (ctx: RequestContext) => void {
	return (ctx) => {
		state.stats.bump(VENDOR, 'apiCalls');
		const token = ctx.query.get('token');
		const check = state.tokens.checkAccess(VENDOR, token);
		if (!check.ok) {
			state.stats.bump(VENDOR, 'apiRejected');
			const message = !token
				? 'Missing access token: pass it as the token query parameter.'
				: check.reason === 'expired'
					? 'The access token provided has expired.'
					: 'The access token provided is invalid.';
			// "all responses are encoded in JSON, including errors" (https://weekdone.com/developer, Overview), but
			// no error shape is documented: an empty JSON object unless the weekdone-api-401-body assumption is on.
			if (!state.rely('weekdone-api-401-body', ctx)) return sendJson(ctx.res, 401, {});
			return sendJson(ctx.res, 401, { status: 'error', error: 'invalid_token', message });
		}
		handler(ctx, requestParams(ctx), state.data.weekdone, Number(check.record.userId), state.now());
	};
}

/** DELETE /<record>/:id: removes the record `find` names (which answers 404 when there is none). */
function deleting<T>(find: (ctx: RequestContext, data: WeekdoneData) => T | undefined, records: (data: WeekdoneData) => T[]): ApiHandler {
	return (ctx, _p, data) => {
		const record = find(ctx, data);
		if (record === undefined) return;
		records(data).splice(records(data).indexOf(record), 1);
		ok(ctx, {});
	};
}

function ok(ctx: RequestContext, body: Record<string, unknown>): void {
	sendJson(ctx.res, 200, { status: 'ok', ...body });
}

function error(ctx: RequestContext, status: number, message: string): void {
	sendJson(ctx.res, status, { status: 'error', message });
}

function listItems(ctx: RequestContext, params: Params, data: WeekdoneData, me: number): void {
	let items = data.items;
	if (params.user_id) {
		const userId = params.user_id === 'me' ? me : toInt(params.user_id);
		items = items.filter((i) => i.user_id === userId);
	}
	if (params.team_id) items = items.filter((i) => i.team_id === toInt(params.team_id));
	if (params.period) items = items.filter((i) => i.period === params.period);
	ok(ctx, { items });
}

function createItem(ctx: RequestContext, params: Params, data: WeekdoneData, me: number, now: number): void {
	if (!params.description) return error(ctx, 400, 'description is required');
	if (params.type_id === undefined || params.type_id === '') return error(ctx, 400, 'type_id is required');
	const typeId = toInt(params.type_id);
	if (typeId === undefined || !data.types.some((t) => t.id === typeId)) return error(ctx, 400, 'type_id is invalid');
	const userId = params.user_id ? toInt(params.user_id === 'me' ? String(me) : params.user_id) : me;
	const user = data.users.find((u) => u.id === userId);
	if (!user) return error(ctx, 400, 'user_id is invalid');
	const problem = validateItemFields(params);
	if (problem) return error(ctx, 400, problem);
	const item: WeekdoneItem = {
		id: data.nextId++,
		inserted: new Date(now).toISOString(),
		description: params.description,
		likecount: 0,
		commentcount: 0,
		type_id: typeId,
		team_id: toInt(params.team_id) ?? user.team_id,
		user_id: user.id,
		priority: toInt(params.priority) ?? 0,
		from_id: me,
		source: params.source_id ? 'api' : null,
		source_id: params.source_id ?? null,
		due_on: params.due_on || null,
		private: toInt(params.private) ?? 0,
		nr: data.items.length + 1,
		period: params.period || isoWeekPeriod(now),
	};
	data.items.push(item);
	ok(ctx, { item });
}

function updateItem(ctx: RequestContext, params: Params, data: WeekdoneData): void {
	const item = findItem(ctx, data);
	if (!item) return;
	const problem = validateItemFields(params);
	if (problem) return error(ctx, 400, problem);
	if (params.type_id !== undefined && params.type_id !== '') {
		const typeId = toInt(params.type_id);
		if (typeId === undefined || !data.types.some((t) => t.id === typeId)) return error(ctx, 400, 'type_id is invalid');
		// Sandbox assumption (from the Activepieces piece): moving an item needs its target week.
		if (typeId !== item.type_id && !params.period) return error(ctx, 400, 'period is required when type_id changes');
		item.type_id = typeId;
	}
	if (params.description) item.description = params.description;
	if (params.period) item.period = params.period;
	if (params.priority !== undefined && params.priority !== '') item.priority = toInt(params.priority) ?? item.priority;
	if (params.due_on !== undefined) item.due_on = params.due_on || null;
	ok(ctx, { item });
}

function validateItemFields(params: Params): string | undefined {
	if (params.priority && ![0, 1, 2, 3].includes(toInt(params.priority) ?? -1)) return 'priority must be 0, 1, 2 or 3';
	if (params.due_on && (!/^\d{4}-\d{2}-\d{2}$/.test(params.due_on) || parseDay(params.due_on) === undefined)) return 'due_on must be YYYY-MM-DD';
	if (params.period && !/^\d{6}$/.test(params.period)) return 'period must be a week like 202403';
	if (params.source_id && params.source_id.length > 50) return 'source_id must be at most 50 characters';
	if (params.private && params.private !== '0' && params.private !== '1') return 'private must be 0 or 1';
	return undefined;
}

function assignItem(ctx: RequestContext, params: Params, data: WeekdoneData): void {
	const item = findItem(ctx, data);
	if (!item) return;
	if (!params.user_id) return error(ctx, 400, 'user_id is required');
	const user = data.users.find((u) => u.id === toInt(params.user_id));
	if (!user) return error(ctx, 400, 'user_id is invalid');
	item.user_id = user.id;
	item.team_id = user.team_id;
	ok(ctx, { item });
}

function addComment(ctx: RequestContext, params: Params, data: WeekdoneData, me: number, now: number): void {
	const item = findItem(ctx, data);
	if (!item) return;
	if (!params.comment) return error(ctx, 400, 'comment is required');
	const comment = { id: data.nextId++, item_id: item.id, user_id: me, comment: params.comment, inserted: new Date(now).toISOString() };
	data.comments.push(comment);
	item.commentcount++;
	ok(ctx, { comment });
}

function listObjectives(ctx: RequestContext, params: Params, data: WeekdoneData): void {
	let list = data.objectives;
	if (params.type) list = list.filter((o) => o.type === params.type);
	if (params.team_id) list = list.filter((o) => o.team_id === toInt(params.team_id));
	if (params.user_id) list = list.filter((o) => o.user_id === toInt(params.user_id));
	if (params.period) list = list.filter((o) => o.period === params.period);
	ok(ctx, { data: list });
}

function createObjective(ctx: RequestContext, params: Params, data: WeekdoneData, me: number): void {
	if (!params.description) return error(ctx, 400, 'description is required');
	if (!params.type) return error(ctx, 400, 'type is required');
	if (!OBJECTIVE_TYPES.includes(params.type)) return error(ctx, 400, `type must be one of ${OBJECTIVE_TYPES.join(', ')}`);
	if (params.type === 'team' && !data.teams.some((t) => t.id === toInt(params.team_id))) return error(ctx, 400, 'team_id is required for team objectives');
	const objective: WeekdoneObjective = {
		id: data.nextId++,
		type: params.type,
		description: params.description,
		period: params.period || data.objectives[0]?.period || '',
		comments: 0,
		progress: 0,
		results: [],
		parent_list: [],
		department_id: toInt(params.department_id) ?? null,
		team_id: params.type === 'team' ? (toInt(params.team_id) as number) : null,
		user_id: params.type === 'user' ? toInt(params.user_id) ?? me : null,
	};
	data.objectives.push(objective);
	ok(ctx, { data: objective });
}

function updateObjective(ctx: RequestContext, params: Params, data: WeekdoneData): void {
	const objective = findObjective(ctx, data);
	if (!objective) return;
	if (params.description) objective.description = params.description;
	if (params.period) objective.period = params.period;
	ok(ctx, { data: objective });
}

function addResult(ctx: RequestContext, params: Params, data: WeekdoneData): void {
	const objective = findObjective(ctx, data);
	if (!objective) return;
	if (!params.description) return error(ctx, 400, 'description is required');
	const result = { id: data.nextId++, description: params.description, progress: 0 };
	objective.results.push(result);
	recomputeProgress(objective);
	ok(ctx, { data: result });
}

function updateResult(ctx: RequestContext, params: Params, data: WeekdoneData): void {
	const objective = findObjective(ctx, data);
	if (!objective) return;
	const result = objective.results.find((r) => r.id === toInt(ctx.params.rid));
	if (!result) return error(ctx, 404, 'Key result not found');
	if (params.progress !== undefined && params.progress !== '') {
		const progress = Number(params.progress);
		if (!Number.isFinite(progress) || progress < 0 || progress > 100) return error(ctx, 400, 'progress must be between 0 and 100');
		result.progress = progress;
	}
	if (params.description) result.description = params.description;
	recomputeProgress(objective);
	ok(ctx, { data: result });
}

function recomputeProgress(objective: WeekdoneObjective): void {
	if (objective.results.length === 0) return;
	objective.progress = Math.round(objective.results.reduce((sum, r) => sum + r.progress, 0) / objective.results.length);
}

function findItem(ctx: RequestContext, data: WeekdoneData): WeekdoneItem | undefined {
	const item = data.items.find((i) => i.id === toInt(ctx.params.id));
	if (!item) error(ctx, 404, 'Item not found');
	return item;
}

function findObjective(ctx: RequestContext, data: WeekdoneData): WeekdoneObjective | undefined {
	const objective = data.objectives.find((o) => o.id === toInt(ctx.params.id));
	if (!objective) error(ctx, 404, 'Objective not found');
	return objective;
}
