// Worktual CCaaS contacts (real base https://api.worktual.co.uk/services/ccaas/v1).
import { toInt } from '../http/params';
import { hasOwn, ownValue } from '../own-keys';
import { sendJson } from '../http/respond';
import type { RequestContext, Router } from '../router';
import type { WorktualContact } from '../seed/worktual';
import type { SandboxState } from '../state';

const VENDOR = 'worktual';
const BASE = '/worktual/services/ccaas/v1';
const MAX_LIMIT = 100; // "default and max 100"
const CONDITIONS: Record<string, (a: number, b: number) => boolean> = {
	EQ: (a, b) => a === b,
	LT: (a, b) => a < b,
	GT: (a, b) => a > b,
	GTE: (a, b) => a >= b,
	LTE: (a, b) => a <= b,
};

export function registerWorktualApi(router: Router, state: SandboxState): void {
	router.get(`${BASE}/contacts`, (ctx) => {
		if (authorized(ctx, state)) listContacts(ctx, state);
	});
	router.get(`${BASE}/contacts/:id`, (ctx) => {
		if (authorized(ctx, state)) getContact(ctx, state);
	});
}

/**
 * The contact-module doc prints the header as `Authorisation : token`: British spelling, the bare token.
 * That is what passes. `Authorization` and/or a `Bearer ` prefix (what our credential sends) pass only
 * with the worktual-authorization-header assumption. The private app token authenticates the same way.
 */
function authorized(ctx: RequestContext, state: SandboxState): boolean {
	state.stats.bump(VENDOR, 'apiCalls');
	const british = single(ctx.req.headers['authorisation'])?.trim();
	const american = single(ctx.req.headers.authorization)?.trim();
	const documented = british !== undefined && !/^Bearer\s/i.test(british) ? british : undefined;
	let token = documented;
	if (token === undefined && (british ?? american) !== undefined && state.rely('worktual-authorization-header', ctx)) {
		token = (british ?? american)?.replace(/^Bearer\s+/i, '');
	}
	const check = state.tokens.checkAccess(VENDOR, token);
	if (check.ok) return true;
	state.stats.bump(VENDOR, 'apiRejected');
	const message = !token
		? british === undefined && american !== undefined
			? 'Authorisation header is missing (an Authorization header is not read)'
			: 'Authorisation header is missing'
		: check.reason === 'unknown'
			? 'Invalid token'
			: `Token ${check.reason}`;
	sendJson(ctx.res, 401, { status: 'error', message });
	return false;
}

function single(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

function listContacts(ctx: RequestContext, state: SandboxState): void {
	const q = ctx.query;
	const bad = (message: string) => sendJson(ctx.res, 400, { status: 'error', message });
	let contacts = state.data.worktual.contacts;

	const createdDate = q.get('createdDate');
	const condition = (q.get('condition') ?? 'EQ').toUpperCase();
	if (!ownValue(CONDITIONS, condition)) return bad('condition must be one of EQ, LT, GT, GTE, LTE');
	if (createdDate !== null && createdDate !== '') {
		const ms = toInt(createdDate);
		if (ms === undefined) return bad('createdDate must be epoch milliseconds');
		contacts = contacts.filter((c) => CONDITIONS[condition](Date.parse(String(c.createdAt)), ms));
	}
	const filter = q.get('filter');
	if (filter) {
		const predicate = parseFilter(filter, contacts[0] ?? state.data.worktual.contacts[0]);
		if (typeof predicate === 'string') return bad(predicate);
		contacts = contacts.filter(predicate);
	}
	// offset is a page index ("increments by 1"), not a record offset.
	const page = q.get('offset') === null || q.get('offset') === '' ? 0 : toInt(q.get('offset'));
	if (page === undefined || page < 0) return bad('offset must be a page number starting at 0');
	const rawLimit = q.get('limit') === null || q.get('limit') === '' ? MAX_LIMIT : toInt(q.get('limit'));
	if (rawLimit === undefined || rawLimit < 1) return bad('limit must be a positive number');
	const limit = Math.min(rawLimit, MAX_LIMIT);
	const fields = q.get('fields');
	const wanted = fields ? fields.split(',').map((f) => f.trim()).filter((f) => f.length > 0) : undefined;
	const unknownField = wanted?.find((f) => !hasOwn(state.data.worktual.contacts[0] ?? {}, f));
	if (unknownField) return bad(`Unknown field in fields: ${unknownField}`);

	// Newest first (sandbox assumption; the doc does not state an order).
	const sorted = [...contacts].sort((a, b) => Date.parse(String(b.createdAt)) - Date.parse(String(a.createdAt)));
	const pageRows = sorted.slice(page * limit, page * limit + limit);
	sendJson(ctx.res, 200, wanted ? pageRows.map((c) => pick(c, wanted)) : pageRows);
}

function getContact(ctx: RequestContext, state: SandboxState): void {
	const contact = state.data.worktual.contacts.find((c) => c.coid === toInt(ctx.params.id));
	if (!contact) return sendJson(ctx.res, 404, { status: 'error', message: 'Contact not found' });
	sendJson(ctx.res, 200, contact);
}

function pick(contact: WorktualContact, fields: string[]): WorktualContact {
	return Object.fromEntries(fields.map((f) => [f, contact[f]]));
}

/** The documented filter is SQL-like; the sandbox supports `field = "value"` terms joined by AND. */
function parseFilter(filter: string, sample: WorktualContact | undefined): ((c: WorktualContact) => boolean) | string {
	const terms = filter.split(/\s+AND\s+/i);
	const checks: ((c: WorktualContact) => boolean)[] = [];
	for (const term of terms) {
		const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?))\s*$/.exec(term);
		if (!match) return `Unsupported filter term: ${term.trim()} (the sandbox supports field = "value" joined by AND)`;
		const field = match[1];
		if (sample && !hasOwn(sample, field)) return `Unknown filter field: ${field}`;
		const expected = match[2] ?? match[3] ?? match[4];
		checks.push((c) => String(c[field] ?? '') === expected);
	}
	return (c) => checks.every((check) => check(c));
}
