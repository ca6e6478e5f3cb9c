// Worksection OAuth 2.0, per https://worksection.com/en/faq/api-oauth.html (docs/vendors/worksection.md).
import { sendJson } from '../http/respond';
import { authorizeHandler, splitScope } from '../oauth/authorize';
import { authenticateClient } from '../oauth/client-auth';
import { redeemCode } from '../oauth/code-exchange';
import type { IssuedTokens } from '../oauth/tokens';
import { param, readTokenParams, sendTokenError, tokenFailer, type TokenErrorShape, type TokenFail } from '../oauth/token-request';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';
import { registerWorksectionApi } from './worksection-api';

const VENDOR = 'worksection';
const REFRESH_TTL_SECONDS = 30 * 86_400; // "the refresh_token is valid for 1 month"

export const WORKSECTION_SCOPES = [
	'projects_read', 'projects_write', 'tasks_read', 'tasks_write', 'costs_read', 'costs_write',
	'tags_read', 'tags_write', 'comments_read', 'comments_write', 'files_read', 'files_write',
	'users_read', 'users_write', 'contacts_read', 'contacts_write', 'administrative',
];

// The vendor's own PHP and Python SDKs read `errorDescription`; RFC clients read
// `error_description`. Both are sent so either kind of client sees the reason.
const errorShape: TokenErrorShape = (error, description) => ({ error, error_description: description, errorDescription: description });

/** The emulated account host, returned as `account_url` (real: https://<account>.worksection.com). */
export function worksectionAccountUrl(state: SandboxState): string {
	return `${state.baseUrl}/worksection/account`;
}

export function registerWorksection(router: Router, state: SandboxState): void {
	router.add(
		['GET', 'POST'],
		'/worksection/oauth2/authorize',
		authorizeHandler(state, {
			vendor: VENDOR,
			vendorName: 'Worksection',
			redirectParam: 'redirect_uri',
			userId: (s) => String(s.data.worksection.me),
			// The doc lists state and scope among "the required parameters".
			validate: (query) => {
				if (!query.get('state')) return { error: 'invalid_request', description: 'Missing required parameter: state.' };
				const scope = splitScope(query.get('scope'), true);
				if (scope.length === 0) return { error: 'invalid_request', description: 'Missing required parameter: scope.' };
				const unknown = scope.filter((s) => !WORKSECTION_SCOPES.includes(s));
				if (unknown.length > 0) return { error: 'invalid_scope', description: `Unknown scope: ${unknown.join(', ')}.` };
				return undefined;
			},
			scope: (query) => splitScope(query.get('scope'), true),
			// "The URI must meet the requirements of the OAuth2 standard and use the HTTPS protocol."
			checkRedirect: (uri, ctx) =>
				uri.protocol === 'https:' || state.rely('worksection-http-redirect', ctx)
					? undefined
					: `redirect_uri must use the HTTPS protocol (got ${uri.protocol.replace(':', '')}).`,
		}),
	);
	// "Access data can be obtained by making a POST request"; "The POST request must contain the required
	// parameters": POST only, parameters in the body only (the query string is not read).
	router.post('/worksection/oauth2/token', (ctx) => token(ctx, state));
	router.post('/worksection/oauth2/refresh', (ctx) => refresh(ctx, state));
	router.post('/worksection/oauth2/resource', (ctx) => resource(ctx, state));
	registerWorksectionApi(router, state);
}


/** Form-body parameters ("The POST request must contain"), client_id and client_secret among them. */
function readAuthenticated(ctx: RequestContext, state: SandboxState, fail: TokenFail): Record<string, string> | undefined {
	const { params, bodyProblem } = readTokenParams(ctx);
	if (bodyProblem) {
		fail(400, 'invalid_request', bodyProblem);
		return undefined;
	}
	const auth = authenticateClient(ctx, state.options.clients.worksection, 'body', {
		id: param(params, 'client_id'),
		secret: param(params, 'client_secret'),
	});
	if (!auth.ok) {
		fail(auth.status, auth.error, auth.description);
		return undefined;
	}
	return params;
}

function token(ctx: RequestContext, state: SandboxState): void {
	const fail = tokenFailer(ctx, state, VENDOR, errorShape);
	const params = readAuthenticated(ctx, state, fail);
	if (!params) return;
	const grantType = param(params, 'grant_type');
	if (!grantType) return fail(400, 'invalid_request', 'Missing required parameter: grant_type.');
	if (grantType === 'refresh_token') {
		return fail(400, 'unsupported_grant_type', 'This endpoint only exchanges authorization codes; refresh tokens are exchanged at /oauth2/refresh.');
	}
	if (grantType !== 'authorization_code') return fail(400, 'unsupported_grant_type', 'grant_type must be authorization_code.');
	const redeemed = redeemCode(state, VENDOR, params.client_id, param(params, 'code'), param(params, 'redirect_uri'), 'redirect_uri');
	if (!redeemed.ok) return fail(redeemed.status, redeemed.error, redeemed.description);
	const issued = issue(state, params.client_id, redeemed.record.userId, redeemed.record.scope, grantType);
	state.stats.bump(VENDOR, 'tokenIssued');
	sendJson(ctx.res, 200, tokenBody(state, issued));
}

function refresh(ctx: RequestContext, state: SandboxState): void {
	const fail = tokenFailer(ctx, state, VENDOR, errorShape);
	const params = readAuthenticated(ctx, state, fail);
	if (!params) return;
	const grantType = param(params, 'grant_type');
	if (!grantType) return fail(400, 'invalid_request', 'Missing required parameter: grant_type.');
	if (grantType !== 'refresh_token') return fail(400, 'unsupported_grant_type', 'grant_type must be refresh_token.');
	const refreshToken = param(params, 'refresh_token');
	if (!refreshToken) return fail(400, 'invalid_request', 'Missing required parameter: refresh_token.');
	const check = state.tokens.checkRefresh(VENDOR, refreshToken);
	if (!check.ok) return fail(400, 'invalid_grant', `The refresh token is ${check.reason === 'unknown' ? 'invalid' : check.reason}.`);
	if (check.record.clientId !== params.client_id) return fail(400, 'invalid_grant', 'The refresh token was issued to another client.');
	// "returns a new access token and a refresh token, which will invalidate the old tokens"
	state.tokens.revokeRefresh(check.record.token);
	state.tokens.revokeAccess(check.record.accessToken);
	const issued = issue(state, params.client_id, check.record.userId, check.record.scope, grantType);
	state.stats.bump(VENDOR, 'refreshes');
	sendJson(ctx.res, 200, tokenBody(state, issued));
}

function resource(ctx: RequestContext, state: SandboxState): void {
	const fail = tokenFailer(ctx, state, VENDOR, errorShape);
	const params = readAuthenticated(ctx, state, fail);
	if (!params) return;
	const check = state.tokens.checkAccess(VENDOR, param(params, 'access_token'));
	if (!check.ok) {
		const message = check.reason === 'expired' ? 'Access token is expired' : 'Access token is invalid';
		state.stats.bump(VENDOR, 'apiRejected');
		return sendTokenError(ctx, 401, 'invalid_token', message, errorShape);
	}
	const user = state.data.worksection.users.find((u) => String(u.id) === check.record.userId);
	sendJson(ctx.res, 200, {
		id: String(user?.id ?? ''),
		first_name: user?.first_name ?? '',
		last_name: user?.last_name ?? '',
		email: user?.email ?? '',
		account_url: worksectionAccountUrl(state),
	});
}

function issue(state: SandboxState, clientId: string, userId: string | null, scope: string[], grantType: string): IssuedTokens {
	return state.tokens.issue({
		vendor: VENDOR,
		clientId,
		userId,
		scope,
		grantType,
		accessTtlSeconds: state.accessTtl(VENDOR),
		refresh: { ttlSeconds: REFRESH_TTL_SECONDS },
		refreshPrefix: 'def50200',
	});
}

function tokenBody(state: SandboxState, issued: IssuedTokens): Record<string, unknown> {
	return {
		token_type: 'bearer',
		expires_in: state.accessTtl(VENDOR),
		access_token: issued.access.token,
		refresh_token: issued.refresh?.token,
		account_url: worksectionAccountUrl(state),
	};
}
