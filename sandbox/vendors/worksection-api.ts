// Worksection's account-scoped API: /api/oauth2 (user token) and /api/admin/v2 (account API key).
import { createHash } from 'node:crypto';
import { parseBearer } from '../http/auth-header';
import { requestParams } from '../http/params';
import { ownValue } from '../own-keys';
import { sendJson } from '../http/respond';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';
import { WORKSECTION_ACTIONS } from './worksection-actions';
import { WS_CODE, wsError, type WsCall } from './worksection-types';

/** The sandbox account's fixed admin API key (the real one is in the account's settings); public on purpose, like every sandbox secret. */
export const WORKSECTION_ADMIN_KEY = 'sandbox-worksection-admin-key';

const VENDOR = 'worksection';
const ACCOUNT = '/worksection/account';

export function registerWorksectionApi(router: Router, state: SandboxState): void {
	// Parameters may come as query string, form, multipart (PHP SDK) or JSON body (Python SDK).
	router.add(['GET', 'POST'], `${ACCOUNT}/api/oauth2`, (ctx) => oauthApi(ctx, state));
	router.add(['GET', 'POST'], `${ACCOUNT}/api/admin/v2`, (ctx) => adminApi(ctx, state));
}

function oauthApi(ctx: RequestContext, state: SandboxState): void {
	state.stats.bump(VENDOR, 'apiCalls');
	const params = requestParams(ctx);
	// "passed in the authorization header or in the access_token parameter"
	const token = parseBearer(ctx.req.headers) ?? params.access_token;
	const check = state.tokens.checkAccess(VENDOR, token);
	if (!check.ok) {
		state.stats.bump(VENDOR, 'apiRejected');
		// The vendor SDKs refresh on HTTP 401 whose message contains "token is expired".
		const message = !token ? 'Access token is missing' : check.reason === 'expired' ? 'Access token is expired' : 'Access token is invalid';
		return sendJson(ctx.res, 401, wsError(WS_CODE.token, message));
	}
	run(ctx, state, {
		ctx,
		state,
		data: state.data.worksection,
		params,
		mode: 'oauth',
		userId: Number(check.record.userId),
		now: state.now(),
	}, check.record.scope);
}

function adminApi(ctx: RequestContext, state: SandboxState): void {
	state.stats.bump(VENDOR, 'apiCalls');
	if (!adminHashValid(ctx.rawQuery)) {
		state.stats.bump(VENDOR, 'apiRejected');
		return sendJson(ctx.res, 200, wsError(WS_CODE.hash, 'Action hash is missed or invalid'));
	}
	const data = state.data.worksection;
	run(ctx, state, { ctx, state, data, params: requestParams(ctx), mode: 'admin', userId: data.me, now: state.now() }, undefined);
}

/**
 * Current docs: hash = md5(all request parameters as a query string + API key). The sandbox
 * hashes the query string byte for byte as received, minus the `hash` pair itself.
 */
export function adminHashValid(rawQuery: string): boolean {
	const pairs = rawQuery.split('&').filter((p) => p.length > 0);
	const hashPair = pairs.find((p) => p.startsWith('hash='));
	if (!hashPair) return false;
	const signed = pairs.filter((p) => p !== hashPair).join('&');
	const expected = createHash('md5').update(signed + WORKSECTION_ADMIN_KEY).digest('hex');
	return hashPair.slice('hash='.length).toLowerCase() === expected;
}

/** `scope` undefined = admin key, which may do everything except user-only actions. */
function run(ctx: RequestContext, state: SandboxState, call: WsCall, scope: string[] | undefined): void {
	const name = call.params.action;
	// Own keys only: ?action=constructor or __proto__ is an invalid action, not Object.prototype.
	const known = ownValue(WORKSECTION_ACTIONS, name);
	const action = known && (!known.assumption || state.rely(known.assumption, ctx)) ? known : undefined;
	if (!action) return sendJson(ctx.res, 200, wsError(WS_CODE.invalidAction, name ? `Action "${name}" is invalid` : 'Action is missed'));
	if (action.userOnly && call.mode === 'admin') return sendJson(ctx.res, 200, wsError(WS_CODE.forbidden, `Action "${name}" requires a user OAuth token`));
	const scoped = scope && action.scope && !scope.includes(action.scope) && !scope.includes('administrative');
	if (scoped && !(action.unscopedWith && state.rely(action.unscopedWith, ctx))) {
		state.stats.bump(VENDOR, 'apiRejected');
		return sendJson(ctx.res, 403, wsError(WS_CODE.forbidden, `Access denied: the token lacks the ${action.scope} scope`));
	}
	sendJson(ctx.res, 200, action.run(call));
}
