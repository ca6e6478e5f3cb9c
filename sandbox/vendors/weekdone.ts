// Weekdone OAuth 2.0, per https://weekdone.com/developer (docs/vendors/weekdone.md).
import { sendJson } from '../http/respond';
import { hasOwn } from '../own-keys';
import { authorizeHandler } from '../oauth/authorize';
import { authenticateClient } from '../oauth/client-auth';
import { redeemCode } from '../oauth/code-exchange';
import { grantOf, issueTokens } from '../oauth/issue';
import { checkRefreshGrant } from '../oauth/refresh-grant';
import { openTokenRequest, param } from '../oauth/token-request';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';
import { seedWeekdone, type WeekdoneData } from '../seed/weekdone';
import type { SandboxVendor } from '../vendor-entry';
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
		}),
	);
	router.post('/weekdone/oauth_token', (ctx) => token(ctx, state));
	registerWeekdoneApi(router, state);
}

function token(ctx: RequestContext, state: SandboxState): void {
	// "The app must make POST request to https://weekdone.com/oauth_token passing following parameters
	// in form-encoded post body". The query string is read only with the weekdone-token-query assumption.
	const { fail, params } = openTokenRequest(ctx, state, VENDOR);
	if (!params) return;
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

	if (grantType === 'authorization_code') {
		const redeemed = redeemCode(state, VENDOR, auth.clientId, param(params, 'code'), param(params, 'redirect_uri'), 'redirect_uri');
		if (!redeemed.ok) return fail(redeemed.status, redeemed.error, redeemed.description + where);
		// The doc calls the refresh token "a long-lived token" and gives no lifetime.
		const issued = issueTokens(state, VENDOR, grantOf(redeemed.record, grantType), {
			refresh: { ttlSeconds: null, redirectUri: redeemed.record.redirectUri },
		});
		state.stats.bump(VENDOR, 'tokenIssued');
		const user = state.data.weekdone.users.find((u) => String(u.id) === redeemed.record.userId);
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
	const refreshed = checkRefreshGrant(state, VENDOR, auth.clientId, refreshToken);
	if (!refreshed.ok) return fail(refreshed.status, refreshed.error, refreshed.description);
	if (refreshed.record.redirectUri !== redirectUri) return fail(400, 'invalid_grant', 'redirect_uri does not match the redirect_uri specified in the original request.');
	// "Response will be the new access_token": no rotation, the refresh token stays valid, and no new one.
	const issued = issueTokens(state, VENDOR, grantOf(refreshed.record, grantType));
	state.stats.bump(VENDOR, 'refreshes');
	// "Response will be the new access_token": nothing else is documented.
	sendJson(ctx.res, 200, { access_token: issued.access.token });
}

export const weekdoneSandbox: SandboxVendor<'weekdone', WeekdoneData> = {
	id: 'weekdone',
	paths: { authorize: '/weekdone/oauth_authorize', token: '/weekdone/oauth_token', api: '/weekdone/api/1' },
	accessLifetimeSeconds: 3600, // "access_token will expire in 60 minutes"
	seed: seedWeekdone,
	register: registerWeekdone,
	clientExtras: {},
};
