import type { VendorDefinition } from '../types';
import { ANSWER_ERROR_ENVELOPES, RFC_AUTHORIZE_PARAMS, RFC_GRANT_TYPES, RFC_TOKEN_PARAMS } from './common';

/**
 * Wordapp. Source: its API document (https://help.wordapp.com/output/wordapp-api/) unless noted;
 * docs/vendors/wordapp.md. Its public document covers authentication only.
 */
export const wordapp: VendorDefinition = {
	id: 'wordapp',
	displayName: 'Wordapp',
	n8nPrefix: 'wordapp',
	authDocUrl: 'https://help.wordapp.com/output/wordapp-api/',
	appRegistration: 'Wordapp → your applications → create an application; add the redirect URL to "OAuth 2.0 Redirect URLs"',
	ownDomains: ['wordapp.com'], // the host of every documented URL below
	oauth2: {
		authorize: {
			url: {
				url: 'https://app.wordapp.com/oauth/authorize',
				documented: false,
				note: 'the doc describes the step but omits the URL; the token response is Ruby Doorkeeper\'s, whose default path this is',
			},
			paramNames: { ...RFC_AUTHORIZE_PARAMS },
			extraParams: {},
			pkce: false,
		},
		token: {
			url: {
				url: 'https://app.wordapp.com/oauth/token',
				documented: false,
				note: 'the doc lists the token request fields but names no URL; Doorkeeper default path, as the token response is Doorkeeper\'s',
			},
			clientAuth: 'body', // doc: client_id / client_secret listed as form fields
			paramNames: { ...RFC_TOKEN_PARAMS },
			grantTypes: { ...RFC_GRANT_TYPES },
			responseShape: 'object',
		},
		refresh: {
			sendRedirectUri: false,
			clientAuth: 'none', // doc: refresh lists only grant_type and refresh_token
			rotatesRefreshToken: true, // doc: the refresh token is used "to revoke the current token and create another fresh token"
		},
		revoke: {
			url: {
				url: 'https://app.wordapp.com/oauth/revoke',
				documented: false,
				note: 'the doc describes revoke (token param + Authorization header) but omits the URL; Doorkeeper default path',
			},
			tokenParam: 'token',
			bearer: true, // doc: include "Authorization" header in addition to "token" post parameter
		},
		scopes: { default: [], available: ['public'], separator: ' ' }, // doc sample response: scope "public"
		lifetimes: { accessToken: 7200, refreshToken: null, authorizationCode: null }, // doc: "expired in 2 hours"
		keepFields: ['created_at'],
	},
	api: {
		baseUrl: {
			url: 'https://app.wordapp.com/api/v1',
			documented: false,
			note: 'the public doc lists no resource endpoints; editable in the credential',
		},
		tokenPlacement: { in: 'header', name: 'Authorization', prefix: 'Bearer ' }, // token_type bearer
		headers: { 'X-Api-Version': 'application/vnd.wordapp-v1+json' }, // doc: X-Api-Version header; value from Wordapp's own WP plugin
		editableHeaders: [
			{
				name: 'X-Api-Version',
				credentialField: 'apiVersionHeader',
				zapierEnv: 'API_VERSION_HEADER',
				note: 'the doc names the X-Api-Version header but not its value; the default is the one Wordapp\'s own WordPress plugin sends',
			},
		],
		// The doc names no API resource. Doorkeeper's token info (GET /oauth/token/info, beside the token URL) is the
		// request least likely to be wrong: the token response is Doorkeeper's, and Doorkeeper serves it by default.
		// Still an assumption; a failure tells the user which URL to set (API Base URL).
		testRequest: { method: 'GET', path: '/oauth/token/info', fromHostRoot: true },
		expiredTokenStatus: 401, // doc: "401 Unauthorized" for invalid tokens
		connectionLabelPaths: ['email', 'name', 'resource_owner_id'],
		errorEnvelopes: ANSWER_ERROR_ENVELOPES,
	},
	alternatives: [
		{
			kind: 'clientCredentials',
			credentialName: 'wordappClientCredentialsOAuth2Api',
			displayName: 'Wordapp Client Credentials OAuth2 API',
			clientAuth: 'body',
			scopes: [],
			whereToCreate: 'Wordapp → your applications (API Key and Secret Key)',
			// the test request's answer (Doorkeeper token info, see api.testRequest) has no owner for an application token
			connectionLabelPaths: ['application.uid'],
		},
		{
			kind: 'password',
			credentialName: 'wordappPasswordApi',
			displayName: 'Wordapp Password API',
			clientAuth: 'body',
			whereToCreate: 'Your Wordapp username (or e-mail) and password; an application\'s API Key/Secret Key are optional',
		},
	],
};
