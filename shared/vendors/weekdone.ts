import type { VendorDefinition } from '../types';
import { ANSWER_ERROR_ENVELOPES, RFC_AUTHORIZE_PARAMS, RFC_GRANT_TYPES, RFC_TOKEN_PARAMS } from './common';

/**
 * Weekdone. Source: its developer document (https://weekdone.com/developer) unless noted;
 * API facts: docs/vendors/weekdone.md.
 */
export const weekdone: VendorDefinition = {
	id: 'weekdone',
	displayName: 'Weekdone',
	n8nPrefix: 'weekdone',
	authDocUrl: 'https://weekdone.com/developer',
	appRegistration: 'Weekdone → Company Settings → Applications → Setup Application (admin only); give it the redirect URL',
	ownDomains: ['weekdone.com'], // the host of every documented URL below
	oauth2: {
		authorize: {
			url: { url: 'https://weekdone.com/oauth_authorize', documented: true },
			paramNames: { ...RFC_AUTHORIZE_PARAMS },
			extraParams: {},
			pkce: false, // doc: "supports only Authorization Code Grant"; no PKCE mentioned
		},
		token: {
			url: { url: 'https://weekdone.com/oauth_token', documented: true },
			clientAuth: 'body', // doc: client_id and client_secret "in form-encoded post body"
			paramNames: { ...RFC_TOKEN_PARAMS },
			grantTypes: { ...RFC_GRANT_TYPES },
			responseShape: 'object',
		},
		refresh: {
			sendRedirectUri: true, // doc: refresh lists redirect_uri as required
			clientAuth: 'body',
			rotatesRefreshToken: false, // doc: "Response will be the new access_token"
		},
		revoke: null, // not documented
		scopes: { default: [], available: [], separator: ' ' }, // doc lists no scope parameter
		lifetimes: { accessToken: 3600, refreshToken: null, authorizationCode: null }, // doc: "expire in 60 minutes"
		keepFields: ['user'], // doc: the token response carries a `user` object
	},
	api: {
		baseUrl: { url: 'https://api.weekdone.com/1', documented: false, note: 'docs/vendors/weekdone.md: every working client (Activepieces, Ruby SDK, adenin) uses it' },
		tokenPlacement: { in: 'query', name: 'token' }, // docs/vendors/weekdone.md: all working clients send ?token=
		headers: {},
		testRequest: { method: 'GET', path: '/company' }, // docs/vendors/weekdone.md: documented lookup, cheap
		expiredTokenStatus: 401,
		connectionLabelPaths: ['user.email', 'user.name', 'data.name'],
		errorEnvelopes: ANSWER_ERROR_ENVELOPES,
	},
	alternatives: [],
};
