// Worktual OAuth 2.0, per https://worktual.in/api-documentation/ccaas/overview (docs/vendors/worktual.md). The authorize URL is not
// published; the sandbox puts it beside the documented token URL (assumption worktual-authorize-url).
import { assumedRoute } from '../assumed-route';
import { sendJson } from '../http/respond';
import { authorizeHandler } from '../oauth/authorize';
import { authenticateClient } from '../oauth/client-auth';
import { redeemCode } from '../oauth/code-exchange';
import { grantOf, issueTokens } from '../oauth/issue';
import { openTokenRequest, param } from '../oauth/token-request';
import type { RequestContext, Router } from '../router';
import type { SandboxState } from '../state';
import { seedWorktual, type WorktualData } from '../seed/worktual';
import type { SandboxVendor } from '../vendor-entry';
import { registerWorktualApi } from './worktual-api';

const VENDOR = 'worktual';
// The doc spells the redirect parameter `Redirect_url` on both the authorize and the token call.
const REDIRECT_PARAM = 'Redirect_url';

export function registerWorktual(router: Router, state: SandboxState): void {
	// "client redirect to the authorise url" — which the doc never gives: served only with the
	// worktual-authorize-url assumption.
	router.add(
		['GET', 'POST'],
		'/worktual/services/oauth2/v1/authorize',
		assumedRoute(
			state,
			'worktual-authorize-url',
			authorizeHandler(state, {
				vendor: VENDOR,
				vendorName: 'Worktual',
				redirectParam: REDIRECT_PARAM,
			}),
		),
	);
	router.post('/worktual/services/oauth2/v1/token', (ctx) => token(ctx, state));
	registerWorktualApi(router, state);
}

function token(ctx: RequestContext, state: SandboxState): void {
	// The doc lists "Content-type: application/x-www-form-urlencoded" and body fields only.
	const { fail, params } = openTokenRequest(ctx, state, VENDOR);
	if (!params) return;
	// The doc's body list capitalises Code, Client_id and Grant_type but not client_secret, while its
	// authorize list writes client_id; both spellings are accepted for those three. Redirect_url is
	// spelled the same way everywhere, so only that spelling counts.
	const grantType = param(params, 'grant_type', 'Grant_type');
	if (!grantType) return fail(400, 'invalid_request', 'Missing required parameter: grant_type.');
	if (grantType === 'authorization_code') {
		return fail(400, 'unsupported_grant_type', 'grant_type must be "authorisation_code" (British spelling), not "authorization_code".');
	}
	if (grantType !== 'authorisation_code') return fail(400, 'unsupported_grant_type', 'grant_type must be "authorisation_code".');
	const auth = authenticateClient(ctx, state.options.clients.worktual, 'body', {
		id: param(params, 'client_id', 'Client_id'),
		secret: param(params, 'client_secret'),
	});
	if (!auth.ok) return fail(auth.status, auth.error, auth.description);
	const redirectUrl = param(params, REDIRECT_PARAM);
	if (!redirectUrl && param(params, 'redirect_uri')) {
		return fail(400, 'invalid_request', 'Missing required parameter: Redirect_url (redirect_uri is not read by this server).');
	}
	const redeemed = redeemCode(state, VENDOR, auth.clientId, param(params, 'code', 'Code'), redirectUrl, REDIRECT_PARAM);
	if (!redeemed.ok) return fail(redeemed.status, redeemed.error, redeemed.description);
	const issued = issueTokens(state, VENDOR, grantOf(redeemed.record, grantType), { accessPrefix: 'OAUTH2.' });
	state.stats.bump(VENDOR, 'tokenIssued');
	// Documented success body: a JSON array holding one object, no refresh token, no expiry.
	sendJson(ctx.res, 200, [{ access_token: issued.access.token }]);
}

/** The sandbox account's fixed private app token (permanent); public on purpose, like every sandbox secret. */
export const WORKTUAL_PRIVATE_TOKEN = 'sandbox-worktual-private-token';

export const worktualSandbox: SandboxVendor<'worktual', WorktualData> = {
	id: 'worktual',
	paths: { authorize: '/worktual/services/oauth2/v1/authorize', token: '/worktual/services/oauth2/v1/token', api: '/worktual/services/ccaas/v1' },
	accessLifetimeSeconds: null, // "permanent access_token"
	seed: () => seedWorktual(),
	staticTokens: () => [{ token: WORKTUAL_PRIVATE_TOKEN, scopes: [], expiresAt: null }],
	register: registerWorktual,
	clientExtras: { privateAppToken: WORKTUAL_PRIVATE_TOKEN },
};
