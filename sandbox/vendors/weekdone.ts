// Weekdone OAuth 2.0, per https://weekdone.com/developer (docs/vendors/weekdone.md).
import { sendJson } from '../http/respond';
import { hasOwn } from '../own-keys';
import { authorizeHandler } from '../oauth/authorize';
import { authenticateClient } from '../oauth/client-auth';
import { redeemCode } from '../oauth/code-exchange';
import { param, readTokenParams, tokenFailer } from '../oauth/token-request';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';
import { registerWeekdoneApi } from './weekdone-api';

const VENDOR = 'weekdone';
// The parameters the doc lists for the exchange and the refresh request.
const TOKEN_PARAMS = ['code', 'grant_type', 'client_id', 'client_secret', 'redirect_uri', 'refresh_token'];

export function registerWeekdone(router: Router, state: SandboxState): void {
	router.add(
		['GET', 'POST'],
		'/weekdone/oauth_authorize',
		authorizeHandler(state, {
			vendor: VENDOR,
			vendorName: 'Weekdone',
			redirectParam: 'redirect_uri',
			userId: (s) => String(s.data.weekdone.me),
		}),
	);
	router.post('/weekdone/oauth_token', (ctx) => token(ctx, state));
	registerWeekdoneApi(router, state);
}

function token(ctx: RequestContext, state: SandboxState): void {
	const fail = tokenFailer(ctx, state, VENDOR);
	// "The app must make POST request to https://weekdone.com/oauth_token passing following parameters
	// in form-encoded post body". The query string is read only with the weekdone-token-query assumption.
	const { params, bodyProblem } = readTokenParams(ctx);
	if (bodyProblem) return fail(400, 'invalid_request', bodyProblem);
	const queryOnly = [...new Set(ctx.query.keys())].filter((key) => TOKEN_PARAMS.includes(key) && !hasOwn(params, key));
	const queryIgnored = queryOnly.length > 0 && !state.rely('weekdone-token-query', ctx);
	if (queryOnly.length > 0 && !queryIgnored) for (const key of queryOnly) params[key] = ctx.query.get(key) as string;
	const where = queryIgnored ? ` (the query string is not read: ${queryOnly.join(', ')} must be in the form-encoded POST body)` : '';
	const grantType = param(params, 'grant_type');
	if (!grantType) return fail(400, 'invalid_request', `Missing required parameter: grant_type.${where}`);
	if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
		return fail(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
	}
	// Documented as form fields only; a Basic header is not a documented alternative.
	const auth = authenticateClient(ctx, state.options.clients.weekdone, 'body', {
		id: param(params, 'client_id'),
		secret: param(params, 'client_secret'),
	});
	if (!auth.ok) return fail(auth.status, auth.error, auth.description);
	const data = state.data.weekdone;
	const ttl = state.accessTtl(VENDOR);

	if (grantType === 'authorization_code') {
		const redeemed = redeemCode(state, VENDOR, auth.clientId, param(params, 'code'), param(params, 'redirect_uri'), 'redirect_uri');
		if (!redeemed.ok) return fail(redeemed.status, redeemed.error, redeemed.description + where);
		const issued = state.tokens.issue({
			vendor: VENDOR,
			clientId: auth.clientId,
			userId: redeemed.record.userId,
			scope: [],
			grantType,
			accessTtlSeconds: ttl,
			// The doc calls it "a long-lived token" and gives no lifetime.
			refresh: { ttlSeconds: null, redirectUri: redeemed.record.redirectUri },
		});
		state.stats.bump(VENDOR, 'tokenIssued');
		const user = data.users.find((u) => String(u.id) === redeemed.record.userId);
		// Exactly the documented fields: access_token, refresh_token, user (no token_type, no expires_in).
		return sendJson(ctx.res, 200, {
			access_token: issued.access.token,
			refresh_token: issued.refresh?.token,
			user: user ? { id: user.id, name: user.name, email: user.email } : null,
		});
	}

	const refreshToken = param(params, 'refresh_token');
	if (!refreshToken) return fail(400, 'invalid_request', `Missing required parameter: refresh_token.${where}`);
	// Unusual but documented: the refresh request must repeat redirect_uri.
	const redirectUri = param(params, 'redirect_uri');
	if (!redirectUri) return fail(400, 'invalid_request', `Missing required parameter: redirect_uri (required on refresh as well).${where}`);
	const check = state.tokens.checkRefresh(VENDOR, refreshToken);
	if (!check.ok) return fail(400, 'invalid_grant', `The refresh token is ${check.reason === 'unknown' ? 'invalid' : check.reason}.`);
	if (check.record.clientId !== auth.clientId) return fail(400, 'invalid_grant', 'The refresh token was issued to another client.');
	if (check.record.redirectUri !== redirectUri) return fail(400, 'invalid_grant', 'redirect_uri does not match the redirect_uri specified in the original request.');
	// "Response will be the new access_token": no rotation, the refresh token stays valid.
	const issued = state.tokens.issue({
		vendor: VENDOR,
		clientId: auth.clientId,
		userId: check.record.userId,
		scope: [],
		grantType,
		accessTtlSeconds: ttl,
	});
	state.stats.bump(VENDOR, 'refreshes');
	// "Response will be the new access_token": nothing else is documented.
	sendJson(ctx.res, 200, { access_token: issued.access.token });
}
