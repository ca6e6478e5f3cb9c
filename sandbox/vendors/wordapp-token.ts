// Wordapp's token endpoint: authorization_code, password, client_credentials, refresh_token.
import { parseBasic } from '../http/auth-header';
import { sendJson } from '../http/respond';
import { splitScope } from '../oauth/authorize';
import { authenticateClient } from '../oauth/client-auth';
import { redeemCode } from '../oauth/code-exchange';
import { grantOf, issueTokens, type Grant, type TokenTraits } from '../oauth/issue';
import type { IssuedTokens } from '../oauth/tokens';
import { openTokenRequest, param } from '../oauth/token-request';
import type { RequestContext } from '../router';
import type { SandboxState } from '../state';

const VENDOR = 'wordapp';
const INVALID_GRANT =
	'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';
// Doorkeeper refresh tokens do not expire on their own.
const WITH_REFRESH: TokenTraits = { refresh: { ttlSeconds: null } };

export function wordappToken(ctx: RequestContext, state: SandboxState): void {
	const { fail, params } = openTokenRequest(ctx, state, VENDOR);
	if (!params) return;
	const grantType = param(params, 'grant_type');
	if (!grantType) return fail(400, 'invalid_request', 'Missing required parameter: grant_type.');
	if (!['authorization_code', 'password', 'client_credentials', 'refresh_token'].includes(grantType)) {
		return fail(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
	}
	const client = state.options.clients.wordapp;
	const bodyCredentials = { id: param(params, 'client_id'), secret: param(params, 'client_secret') };
	// Client authentication exactly as the doc lists it: client_id and client_secret as form fields
	// ("client_id … Yes", "client_secret … Yes") for the authorization_code and client_credentials
	// grants. An HTTP Basic header is listed nowhere, so it is refused.
	if (parseBasic(ctx.req.headers) !== undefined) {
		return fail(401, 'invalid_client', 'Client authentication failed: send client_id and client_secret as form fields; HTTP Basic authentication is not supported.');
	}
	const auth = authenticateClient(ctx, client, 'body', bodyCredentials);
	// Password and refresh grants list no client fields, so credentials are optional there; if sent,
	// they must be right.
	const clientRequired = grantType === 'authorization_code' || grantType === 'client_credentials';
	if (!auth.ok && (clientRequired || bodyCredentials.id !== undefined || bodyCredentials.secret !== undefined)) return fail(auth.status, auth.error, auth.description);
	const clientId = auth.ok ? auth.clientId : null;
	const data = state.data.wordapp;

	let issued: IssuedTokens;
	if (grantType === 'authorization_code') {
		const redeemed = redeemCode(state, VENDOR, clientId as string, param(params, 'code'), param(params, 'redirect_uri'), 'redirect_uri');
		if (!redeemed.ok) return fail(redeemed.status, redeemed.error, redeemed.description);
		issued = issueFresh(state, grantOf(redeemed.record, grantType));
	} else if (grantType === 'password') {
		const username = param(params, 'username');
		const password = param(params, 'password');
		if (!username || !password) return fail(400, 'invalid_request', `Missing required parameter: ${username ? 'password' : 'username'}.`);
		// "User's username or e-mail registered at Wordapp"
		const user = data.users.find((u) => (u.username === username || u.email.toLowerCase() === username.toLowerCase()) && u.password === password);
		if (!user) return fail(400, 'invalid_grant', INVALID_GRANT);
		const scope = splitScope(param(params, 'scope') ?? null, false);
		if (scope.some((s) => s !== 'public')) return fail(400, 'invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
		issued = issueFresh(state, { clientId, userId: String(user.id), scope: ['public'], grantType });
	} else if (grantType === 'client_credentials') {
		// An app-only token: no resource owner and, as in Doorkeeper, no refresh token.
		issued = issueTokens(state, VENDOR, { clientId, userId: null, scope: ['public'], grantType });
	} else {
		const refreshToken = param(params, 'refresh_token');
		if (!refreshToken) return fail(400, 'invalid_request', 'Missing required parameter: refresh_token.');
		const check = state.tokens.checkRefresh(VENDOR, refreshToken);
		if (!check.ok) return fail(400, 'invalid_grant', INVALID_GRANT);
		if (clientId !== null && check.record.clientId !== null && check.record.clientId !== clientId) return fail(400, 'invalid_grant', INVALID_GRANT);
		// Rotation: the refresh token and the access token issued with it die together.
		state.tokens.revokeRefreshAndAccess(check.record);
		issued = issueTokens(state, VENDOR, grantOf(check.record, grantType), WITH_REFRESH);
		state.stats.bump(VENDOR, 'refreshes');
	}
	if (grantType !== 'refresh_token') state.stats.bump(VENDOR, 'tokenIssued');
	sendJson(ctx.res, 200, tokenBody(state, issued));
}

/** "A subsequent OAuth2 flow that generated a new access token. The previous token will be invalidated." */
function issueFresh(state: SandboxState, grant: Grant): IssuedTokens {
	const revoked = state.tokens.revokeWhere((t) => t.vendor === VENDOR && t.userId === grant.userId && t.clientId === grant.clientId);
	state.stats.bump(VENDOR, 'revoked', revoked);
	return issueTokens(state, VENDOR, grant, WITH_REFRESH);
}

/**
 * The doc's sample token response, field for field: {"access_token", "token_type":"bearer", "expires_in",
 * "refresh_token", "scope":"public", "created_at"} (https://help.wordapp.com/output/wordapp-api/).
 */
function tokenBody(state: SandboxState, issued: IssuedTokens): Record<string, unknown> {
	const body: Record<string, unknown> = {
		access_token: issued.access.token,
		token_type: 'bearer',
		expires_in: state.accessTtl(VENDOR),
	};
	if (issued.refresh) body.refresh_token = issued.refresh.token;
	body.scope = issued.access.scope.join(' ');
	body.created_at = Math.floor(issued.access.issuedAt / 1000);
	return body;
}
