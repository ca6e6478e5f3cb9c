// Worksection OAuth 2.0, per https://worksection.com/en/faq/api-oauth.html (docs/vendors/worksection.md).
import { sendJson } from '../http/respond';
import { authorizeHandler, splitScope } from '../oauth/authorize';
import { authenticateClient } from '../oauth/client-auth';
import { redeemCode } from '../oauth/code-exchange';
import { grantOf, issueTokens, type TokenTraits } from '../oauth/issue';
import { checkRefreshGrant } from '../oauth/refresh-grant';
import type { IssuedTokens } from '../oauth/tokens';
import { openTokenRequest, param, sendTokenError, type TokenErrorShape } from '../oauth/token-request';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';
import { seedWorksection, type WorksectionData } from '../seed/worksection';
import type { SandboxVendor } from '../vendor-entry';
import { WORKSECTION_ADMIN_KEY, registerWorksectionApi } from './worksection-api';

const VENDOR = 'worksection';
// "the refresh_token is valid for 1 month"; the `def50200` prefix is that of the doc's sample refresh token.
const TOKEN_TRAITS: TokenTraits = { refresh: { ttlSeconds: 30 * 86_400 }, refreshPrefix: 'def50200' };

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

/**
 * Opens a request to a /oauth2/ endpoint: form-body parameters ("The POST request must contain"), client_id
 * and client_secret among them; no parameters once the request has been refused.
 */
function openAuthenticated(ctx: RequestContext, state: SandboxState): ReturnType<typeof openTokenRequest> {
	const { fail, params } = openTokenRequest(ctx, state, VENDOR, errorShape);
	if (!params) return { fail };
	const auth = authenticateClient(ctx, state.options.clients.worksection, 'body', {
		id: param(params, 'client_id'),
		secret: param(params, 'client_secret'),
	});
	if (auth.ok) return { fail, params };
	fail(auth.status, auth.error, auth.description);
	return { fail };
}

function token(ctx: RequestContext, state: SandboxState): void {
	const { fail, params } = openAuthenticated(ctx, state);
	if (!params) return;
	const grantType = param(params, 'grant_type');
	if (!grantType) return fail(400, 'invalid_request', 'Missing required parameter: grant_type.');
	if (grantType === 'refresh_token') {
		return fail(400, 'unsupported_grant_type', 'This endpoint only exchanges authorization codes; refresh tokens are exchanged at /oauth2/refresh.');
	}
	if (grantType !== 'authorization_code') return fail(400, 'unsupported_grant_type', 'grant_type must be authorization_code.');
	const redeemed = redeemCode(state, VENDOR, params.client_id, param(params, 'code'), param(params, 'redirect_uri'), 'redirect_uri');
	if (!redeemed.ok) return fail(redeemed.status, redeemed.error, redeemed.description);
	state.stats.bump(VENDOR, 'tokenIssued');
	sendJson(ctx.res, 200, tokenBody(state, issueTokens(state, VENDOR, grantOf(redeemed.record, grantType), TOKEN_TRAITS)));
}

function refresh(ctx: RequestContext, state: SandboxState): void {
	const { fail, params } = openAuthenticated(ctx, state);
	if (!params) return;
	const grantType = param(params, 'grant_type');
	if (!grantType) return fail(400, 'invalid_request', 'Missing required parameter: grant_type.');
	if (grantType !== 'refresh_token') return fail(400, 'unsupported_grant_type', 'grant_type must be refresh_token.');
	const refreshed = checkRefreshGrant(state, VENDOR, params.client_id, param(params, 'refresh_token'));
	if (!refreshed.ok) return fail(refreshed.status, refreshed.error, refreshed.description);
	// "returns a new access token and a refresh token, which will invalidate the old tokens"
	state.tokens.revokeRefreshAndAccess(refreshed.record);
	state.stats.bump(VENDOR, 'refreshes');
	sendJson(ctx.res, 200, tokenBody(state, issueTokens(state, VENDOR, grantOf(refreshed.record, grantType), TOKEN_TRAITS)));
}

function resource(ctx: RequestContext, state: SandboxState): void {
	const { params } = openAuthenticated(ctx, state);
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

function tokenBody(state: SandboxState, issued: IssuedTokens): Record<string, unknown> {
	return {
		token_type: 'bearer',
		expires_in: state.accessTtl(VENDOR),
		access_token: issued.access.token,
		refresh_token: issued.refresh?.token,
		account_url: worksectionAccountUrl(state),
	};
}

export const worksectionSandbox: SandboxVendor<'worksection', WorksectionData> = {
	id: 'worksection',
	paths: {
		authorize: '/worksection/oauth2/authorize',
		token: '/worksection/oauth2/token',
		refresh: '/worksection/oauth2/refresh',
		resource: '/worksection/oauth2/resource',
		account: '/worksection/account',
	},
	accessLifetimeSeconds: 86_400, // "valid for 24 hours"
	seed: seedWorksection,
	register: registerWorksection,
	clientExtras: { adminApiKey: WORKSECTION_ADMIN_KEY },
};
