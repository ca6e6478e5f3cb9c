// Wordapp endpoints that use an access token: revoke, token info, and a minimal API.
import { assumedRoute } from '../assumed-route';
import { parseBasic, parseBearer } from '../http/auth-header';
import { sendJson } from '../http/respond';
import type { AccessTokenRecord, TokenCheck } from '../oauth/tokens';
import { param, readTokenParams } from '../oauth/token-request';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';

const VENDOR = 'wordapp';
// The only value seen anywhere (Wordapp's own WordPress plugin).
export const WORDAPP_API_VERSION = 'application/vnd.wordapp-v1+json';

export function registerWordappApi(router: Router, state: SandboxState): void {
	router.post('/wordapp/oauth/revoke', assumedRoute(state, 'wordapp-revoke-url', (ctx) => revoke(ctx, state)));
	router.get('/wordapp/oauth/token/info', assumedRoute(state, 'wordapp-token-info', (ctx) => tokenInfo(ctx, state)));
	// Wordapp's resource API is not public; /me only exercises the documented Authorization +
	// X-Api-Version header pair.
	router.get('/wordapp/api/v1/me', assumedRoute(state, 'wordapp-api-me', (ctx) => me(ctx, state)));
}

/** "include "Authorization" header in addition to "token" post parameter" */
function revoke(ctx: RequestContext, state: SandboxState): void {
	const { params, bodyProblem } = readTokenParams(ctx);
	if (bodyProblem) return sendJson(ctx.res, 400, { error: 'invalid_request', error_description: bodyProblem });
	const token = param(params, 'token');
	if (!token) return sendJson(ctx.res, 400, { error: 'invalid_request', error_description: 'Missing required parameter: token.' });
	const client = state.options.clients.wordapp;
	const basic = parseBasic(ctx.req.headers);
	const bearer = state.tokens.checkAccess(VENDOR, parseBearer(ctx.req.headers));
	const authorized = bearer.ok || (basic !== undefined && basic.username === client.clientId && basic.password === client.clientSecret);
	if (!authorized) {
		state.stats.bump(VENDOR, 'tokenRejected');
		// Doorkeeper's answer when the caller may not revoke.
		return sendJson(ctx.res, 403, { error: 'unauthorized_client', error_description: 'You are not authorized to revoke this token' });
	}
	const access = state.tokens.checkAccess(VENDOR, token);
	const refresh = state.tokens.checkRefresh(VENDOR, token);
	if (access.ok) state.tokens.revokeGrantOfAccess(token);
	else if (refresh.ok) state.tokens.revokeGrantOfAccess(refresh.record.accessToken);
	if (access.ok || refresh.ok) state.stats.bump(VENDOR, 'revoked');
	// RFC 7009: unknown tokens are answered like known ones.
	sendJson(ctx.res, 200, {});
}

function tokenInfo(ctx: RequestContext, state: SandboxState): void {
	const check = bearer(ctx, state);
	if (!check.ok) return;
	const record = check.record;
	sendJson(ctx.res, 200, {
		resource_owner_id: record.userId === null ? null : Number(record.userId),
		// Doorkeeper serialises scopes as an array here.
		scope: record.scope,
		expires_in: record.expiresAt === null ? null : Math.max(0, Math.round((record.expiresAt - state.now()) / 1000)),
		application: { uid: record.clientId },
		created_at: Math.floor(record.issuedAt / 1000),
	});
}

function me(ctx: RequestContext, state: SandboxState): void {
	state.stats.bump(VENDOR, 'apiCalls');
	// "including an "Authorization" and "X-Api-Version" headers in your HTTP call": the header is
	// documented, its value is not, so no value passes unless the wordapp-api-version-value assumption
	// accepts the one Wordapp's WordPress plugin sends.
	const version = ctx.req.headers['x-api-version'];
	if (version === undefined) {
		state.stats.bump(VENDOR, 'apiRejected');
		return sendJson(ctx.res, 400, { error: 'missing_api_version', error_description: 'The X-Api-Version header is required.' });
	}
	if (version !== WORDAPP_API_VERSION || !state.rely('wordapp-api-version-value', ctx)) {
		state.stats.bump(VENDOR, 'apiRejected');
		return sendJson(ctx.res, 400, { error: 'unsupported_api_version', error_description: `Unsupported X-Api-Version "${String(version)}" (no value is documented; the sandbox accepts ${WORDAPP_API_VERSION} with the wordapp-api-version-value assumption on).` });
	}
	const check = bearer(ctx, state);
	if (!check.ok) return;
	const user = state.data.wordapp.users.find((u) => String(u.id) === check.record.userId);
	if (!user) return sendJson(ctx.res, 403, { error: 'forbidden', error_description: 'This token has no resource owner (client_credentials).' });
	sendJson(ctx.res, 200, { id: user.id, username: user.username, email: user.email, name: user.name });
}

/** Doorkeeper-style Bearer check; answers 401 itself on failure. */
function bearer(ctx: RequestContext, state: SandboxState): TokenCheck<AccessTokenRecord> {
	const check = state.tokens.checkAccess(VENDOR, parseBearer(ctx.req.headers));
	if (!check.ok) {
		state.stats.bump(VENDOR, 'apiRejected');
		const description = { unknown: 'The access token is invalid', expired: 'The access token expired', revoked: 'The access token was revoked' }[check.reason];
		sendJson(ctx.res, 401, { error: 'invalid_token', error_description: description }, {
			'WWW-Authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${description}"`,
		});
	}
	return check;
}
