// WebWork API v2 response envelope and paging.
import { toInt } from '../http/params';
import { sendJson } from '../http/respond';
import type { RequestContext } from '../router';

const API_VERSION = '2.0.0';

function meta(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { api_version: API_VERSION, timestamp: new Date().toISOString(), ...extra };
}

export function wwOk(ctx: RequestContext, data: unknown, status = 200, message?: string): void {
	sendJson(ctx.res, status, { success: true, ...(message ? { message } : {}), data, meta: meta() });
}

export function wwError(ctx: RequestContext, status: number, message: string, error: unknown = null): void {
	sendJson(ctx.res, status, { success: false, message, error, meta: meta() });
}

export interface Paging {
	page: number;
	perPage: number;
}

/** `page` (default 1) and `per_page` (default 20, capped at 100); undefined after answering 400. */
export function readPaging(ctx: RequestContext, defaultPerPage = 20): Paging | undefined {
	const rawPage = ctx.query.get('page');
	const rawPerPage = ctx.query.get('per_page');
	const page = rawPage === null || rawPage === '' ? 1 : toInt(rawPage);
	const perPage = rawPerPage === null || rawPerPage === '' ? defaultPerPage : toInt(rawPerPage);
	if (page === undefined || page < 1) {
		wwError(ctx, 400, 'The page must be an integer of at least 1.', { page: ['The page must be at least 1.'] });
		return undefined;
	}
	if (perPage === undefined || perPage < 1) {
		wwError(ctx, 400, 'The per page must be an integer of at least 1.', { per_page: ['The per page must be at least 1.'] });
		return undefined;
	}
	return { page, perPage: Math.min(perPage, 100) };
}

export function wwPage<T>(ctx: RequestContext, rows: T[], paging: Paging, map: (row: T) => unknown = (row) => row): void {
	const total = rows.length;
	const start = (paging.page - 1) * paging.perPage;
	sendJson(ctx.res, 200, {
		success: true,
		data: rows.slice(start, start + paging.perPage).map(map),
		meta: meta({
			pagination: {
				total,
				per_page: paging.perPage,
				current_page: paging.page,
				last_page: Math.max(1, Math.ceil(total / paging.perPage)),
			},
		}),
	});
}
