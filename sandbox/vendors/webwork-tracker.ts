// WebWork Tracker OAuth 2.0, per https://api-docs.webwork-tracker.com/v2/authorization (docs/vendors/webwork-tracker.md).
import { sendJson } from '../http/respond';
import { authorizeHandler, splitScope } from '../oauth/authorize';
import { authenticateClient } from '../oauth/client-auth';
import { redeemCode } from '../oauth/code-exchange';
import { grantOf, issueTokens, type Grant, type TokenTraits } from '../oauth/issue';
import { checkRefreshGrant } from '../oauth/refresh-grant';
import type { IssuedTokens } from '../oauth/tokens';
import { openTokenRequest, param, type TokenErrorShape } from '../oauth/token-request';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';
import { seedWebwork, type WebworkData } from '../seed/webwork-tracker';
import type { SandboxVendor } from '../vendor-entry';
import { registerWebworkApi } from './webwork-api';

const VENDOR = 'webwork-tracker';
const SCOPES = ['read', 'write', 'admin'];
// "Refresh tokens: Expire after 30 days"; the `def50200` prefix is the doc samples' (see errorShape).
const WITH_REFRESH: TokenTraits = { refresh: { ttlSeconds: 30 * 86_400 }, refreshPrefix: 'def50200' };

// league/oauth2-server (Laravel Passport) error body; the `def50200` refresh-token prefix
// in the doc's samples is that library's signature.
const errorShape: TokenErrorShape = (error, description) => ({ error, error_description: description, message: description });

export function registerWebwork(router: Router, state: SandboxState): void {
	router.add(
		['GET', 'POST'],
		'/webwork-tracker/oauth/authorize',
		authorizeHandler(state, {
			vendor: VENDOR,
			vendorName: 'WebWork Tracker',
			redirectParam: 'redirect_uri',
			// scope is listed with the other parameters but never called required, and no default is
			// documented: it may be omitted (the code then carries no scope), and must be valid when sent.
			validate: (query) => validateScope(query.get('scope')),
			scope: (query) => splitScope(query.get('scope'), false),
		}),
	);
	router.post('/webwork-tracker/oauth/token', (ctx) => token(ctx, state));
	registerWebworkApi(router, state);
}

/** Space-separated read/write/admin (a comma-joined list is one unknown scope). */
function validateScope(value: string | null): { error: string; description: string } | undefined {
	const scope = splitScope(value, false);
	if (scope.length === 0) return undefined;
	const unknown = scope.filter((s) => !SCOPES.includes(s));
	if (unknown.length > 0) return { error: 'invalid_scope', description: `Unknown scope: ${unknown.join(', ')}. Use space-separated read, write, admin.` };
	return undefined;
}

function token(ctx: RequestContext, state: SandboxState): void {
	const { fail, params } = openTokenRequest(ctx, state, VENDOR, errorShape);
	if (!params) return;
	const grantType = param(params, 'grant_type');
	if (!grantType) return fail(400, 'invalid_request', 'Missing required parameter: grant_type.');
	if (!['authorization_code', 'refresh_token', 'client_credentials'].includes(grantType)) {
		return fail(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
	}
	// The doc contradicts itself: "Client Authentication: Send as Basic Auth header" (configuration
	// values) while its own token and refresh samples send client_id and client_secret in the form body.
	// Both readings are accepted.
	const auth = authenticateClient(ctx, state.options.clients[VENDOR], 'body-or-basic', {
		id: param(params, 'client_id'),
		secret: param(params, 'client_secret'),
	});
	if (!auth.ok) return fail(auth.status, auth.error, auth.description);

	if (grantType === 'authorization_code') {
		const redeemed = redeemCode(state, VENDOR, auth.clientId, param(params, 'code'), param(params, 'redirect_uri'), 'redirect_uri');
		if (!redeemed.ok) return fail(redeemed.status, redeemed.error, redeemed.description);
		state.stats.bump(VENDOR, 'tokenIssued');
		return sendJson(ctx.res, 200, body(state, issueTokens(state, VENDOR, grantOf(redeemed.record, grantType), WITH_REFRESH)));
	}

	if (grantType === 'client_credentials') {
		const problem = validateScope(param(params, 'scope') ?? null);
		if (problem) return fail(400, problem.error, problem.description);
		const scope = splitScope(param(params, 'scope') ?? null, false);
		// No resource owner in this grant; the sandbox lets the token act as the app's owner. No refresh token.
		const grant: Grant = { clientId: auth.clientId, userId: state.me(VENDOR), scope: scope.length > 0 ? scope : SCOPES, grantType };
		state.stats.bump(VENDOR, 'tokenIssued');
		return sendJson(ctx.res, 200, body(state, issueTokens(state, VENDOR, grant)));
	}

	const refreshed = checkRefreshGrant(state, VENDOR, auth.clientId, param(params, 'refresh_token'));
	if (!refreshed.ok) return fail(refreshed.status, refreshed.error, refreshed.description);
	// "the old one becomes invalid after use"; the library also revokes the old access token.
	state.tokens.revokeRefreshAndAccess(refreshed.record);
	state.stats.bump(VENDOR, 'refreshes');
	sendJson(ctx.res, 200, body(state, issueTokens(state, VENDOR, grantOf(refreshed.record, grantType), WITH_REFRESH)));
}

function body(state: SandboxState, issued: IssuedTokens): Record<string, unknown> {
	const out: Record<string, unknown> = { token_type: 'Bearer', expires_in: state.accessTtl(VENDOR), access_token: issued.access.token };
	if (issued.refresh) out.refresh_token = issued.refresh.token;
	return out;
}

/** The sandbox account's fixed personal access token; public on purpose, like every sandbox secret. */
export const WEBWORK_PAT = 'sandbox-webwork-pat';
const SIX_MONTHS_MS = 182 * 86_400_000;

export const webworkTrackerSandbox: SandboxVendor<'webwork-tracker', WebworkData> = {
	id: 'webwork-tracker',
	paths: { authorize: '/webwork-tracker/oauth/authorize', token: '/webwork-tracker/oauth/token', api: '/webwork-tracker/api/v2' },
	accessLifetimeSeconds: 1_296_000, // 15 days
	seed: seedWebwork,
	staticTokens: (now) => [{ token: WEBWORK_PAT, scopes: [...SCOPES], expiresAt: now + SIX_MONTHS_MS }],
	register: registerWebwork,
	clientExtras: { personalAccessToken: WEBWORK_PAT },
};
