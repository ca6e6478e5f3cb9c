// Wordapp OAuth 2.0, per https://help.wordapp.com/output/wordapp-api/ (docs/vendors/wordapp.md). The token response
// (`created_at`, scope "public") is Ruby Doorkeeper's, so undocumented corners behave like Doorkeeper.
import { assumedRoute } from '../assumed-route';
import { authorizeHandler, splitScope } from '../oauth/authorize';
import type { Router } from '../router';
import type { SandboxState } from '../state';
import { WORDAPP_USER, seedWordapp, type WordappData } from '../seed/wordapp';
import type { SandboxVendor } from '../vendor-entry';
import { registerWordappApi } from './wordapp-api';
import { wordappToken } from './wordapp-token';

export const WORDAPP_SCOPES = ['public'];

export function registerWordapp(router: Router, state: SandboxState): void {
	// The doc names no URL at all ("direct the user's browser to Wordapp's OAuth 2.0 authorization
	// endpoint"); the Doorkeeper default paths are served only with their assumptions on.
	router.add(
		['GET', 'POST'],
		'/wordapp/oauth/authorize',
		assumedRoute(state, 'wordapp-authorize-url', authorizeHandler(state, {
			vendor: 'wordapp',
			vendorName: 'Wordapp',
			redirectParam: 'redirect_uri',
			validate: (query) => {
				const unknown = splitScope(query.get('scope'), false).filter((s) => !WORDAPP_SCOPES.includes(s));
				return unknown.length > 0 ? { error: 'invalid_scope', description: `The requested scope is invalid, unknown, or malformed: ${unknown.join(' ')}.` } : undefined;
			},
			// Doorkeeper's default scope when none is asked for.
			scope: (query) => {
				const scope = splitScope(query.get('scope'), false);
				return scope.length > 0 ? scope : ['public'];
			},
			// "If there is a valid existing permission grant from the user, the authorization screen is by-passed"
			remembersApproval: (s) => s.data.wordapp.approvedClients,
		})),
	);
	router.post('/wordapp/oauth/token', assumedRoute(state, 'wordapp-token-url', (ctx) => wordappToken(ctx, state)));
	registerWordappApi(router, state);
}

export const wordappSandbox: SandboxVendor<'wordapp', WordappData> = {
	id: 'wordapp',
	paths: { authorize: '/wordapp/oauth/authorize', token: '/wordapp/oauth/token', revoke: '/wordapp/oauth/revoke', tokenInfo: '/wordapp/oauth/token/info', api: '/wordapp/api/v1' },
	accessLifetimeSeconds: 7200, // "expired in 2 hours"
	seed: () => seedWordapp(),
	register: registerWordapp,
	clientExtras: { username: WORDAPP_USER.email, password: WORDAPP_USER.password },
};
