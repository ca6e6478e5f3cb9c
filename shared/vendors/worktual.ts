import type { VendorDefinition } from '../types';
import { ANSWER_ERROR_ENVELOPES, RFC_AUTHORIZE_PARAMS, RFC_GRANT_TYPES, RFC_TOKEN_PARAMS } from './common';

/**
 * Worktual. Source: its auth document (authDocUrl below) unless noted; API facts: docs/vendors/worktual.md.
 */
export const worktual: VendorDefinition = {
	id: 'worktual',
	displayName: 'Worktual',
	n8nPrefix: 'worktual',
	authDocUrl: 'https://worktual.in/api-documentation/ccaas/overview',
	appRegistration: 'Worktual → Settings → Integration → OAuth2.0 → Create New App (name, description, redirect URI, scopes)',
	ownDomains: ['worktual.co.uk'], // the host of every documented URL below
	oauth2: {
		authorize: {
			url: {
				url: 'https://api.worktual.co.uk/services/oauth2/v1/authorize',
				documented: false,
				note: 'the doc names the parameters but not the URL; guessed beside the documented token URL. Check it in your Worktual OAuth app page.',
			},
			paramNames: { ...RFC_AUTHORIZE_PARAMS, redirectUri: 'Redirect_url' }, // doc: "Redirect_url(required)"
			extraParams: {},
			pkce: false,
		},
		token: {
			url: { url: 'https://api.worktual.co.uk/services/oauth2/v1/token', documented: true },
			clientAuth: 'body', // doc: Client_id / client_secret in the form body
			paramNames: { ...RFC_TOKEN_PARAMS, redirectUri: 'Redirect_url' }, // doc: "Redirect_url(required)"
			grantTypes: { ...RFC_GRANT_TYPES, authorizationCode: 'authorisation_code' }, // doc: "Default: authorisation_code"
			responseShape: 'array', // doc: [ { "access_token": "…" } ]
		},
		refresh: null, // doc: "permanent access_token"; no refresh documented
		revoke: null,
		scopes: { default: [], available: [], separator: ' ' }, // scopes are chosen on the app, names not documented
		lifetimes: { accessToken: null, refreshToken: null, authorizationCode: 600 }, // doc: code expires within 10 minutes
		keepFields: [],
	},
	api: {
		baseUrl: {
			url: 'https://api.worktual.co.uk/services/ccaas/v1',
			documented: false, // editable: the auth doc names no API base, and accounts also live on worktual.in
			note: 'from Worktual\'s contact-module API page, not the auth document; check it against your account\'s API settings',
		},
		// The doc prints "Authorisation : token" (no scheme). Sent as a raw Authorization header; the credential lets users add a prefix.
		tokenPlacement: { in: 'header', name: 'Authorization', prefix: '' },
		headers: {},
		testRequest: { method: 'GET', path: '/contacts', qs: { limit: '1' } },
		expiredTokenStatus: 401,
		connectionLabelPaths: [],
		errorEnvelopes: ANSWER_ERROR_ENVELOPES,
	},
	alternatives: [
		{
			kind: 'personalToken',
			credentialName: 'worktualPrivateAppTokenApi',
			displayName: 'Worktual Private App Token',
			tokenPlacement: { in: 'header', name: 'Authorization', prefix: '' },
			lifetime: 'not documented',
			whereToCreate: 'Worktual → Settings → Private App → Create a New token (admin only)',
		},
	],
};
