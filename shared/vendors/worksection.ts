import type { VendorDefinition } from '../types';
import { ANSWER_ERROR_ENVELOPES, RFC_AUTHORIZE_PARAMS, RFC_GRANT_TYPES, RFC_TOKEN_PARAMS } from './common';

/**
 * Worksection. Source: its OAuth document (authDocUrl below) unless noted; API facts: docs/vendors/worksection.md.
 */
export const worksection: VendorDefinition = {
	id: 'worksection',
	displayName: 'Worksection',
	n8nPrefix: 'worksection',
	authDocUrl: 'https://worksection.com/en/faq/api-oauth.html',
	appRegistration: 'Worksection → avatar → Account settings → API → OAuth 2.0 applications; the redirect URL must be HTTPS',
	ownDomains: ['worksection.com'], // the host of every documented URL below
	oauth2: {
		authorize: {
			url: { url: 'https://worksection.com/oauth2/authorize', documented: true },
			paramNames: { ...RFC_AUTHORIZE_PARAMS },
			extraParams: {},
			pkce: false,
		},
		token: {
			url: { url: 'https://worksection.com/oauth2/token', documented: true },
			clientAuth: 'body', // doc: client_id/client_secret in the POST body (curl -d)
			paramNames: { ...RFC_TOKEN_PARAMS },
			grantTypes: { ...RFC_GRANT_TYPES },
			responseShape: 'object',
		},
		refresh: {
			url: { url: 'https://worksection.com/oauth2/refresh', documented: true }, // doc: refresh has its own URL
			sendRedirectUri: false,
			clientAuth: 'body',
			rotatesRefreshToken: true, // doc: "returns a new access token and a refresh token, which will invalidate the old tokens"
		},
		revoke: null, // not documented; users remove the session in their profile
		scopes: {
			// SDK default read set (docs/vendors/worksection.md) plus writes our nodes need
			default: ['projects_read', 'projects_write', 'tasks_read', 'tasks_write', 'comments_read', 'comments_write', 'costs_read', 'costs_write', 'users_read'],
			available: [
				'projects_read', 'projects_write', 'tasks_read', 'tasks_write', 'costs_read', 'costs_write', 'tags_read', 'tags_write',
				'comments_read', 'comments_write', 'files_read', 'files_write', 'users_read', 'users_write', 'contacts_read',
				'contacts_write', 'administrative',
			],
			separator: ',', // doc: "separated by a space or comma"
		},
		lifetimes: { accessToken: 86400, refreshToken: 30 * 86400, authorizationCode: 600 }, // doc: 24 h, 1 month, 10 min
		keepFields: ['account_url'], // doc: token and refresh responses carry account_url
	},
	api: {
		baseUrl: { url: 'https://worksection.com/api/oauth2', documented: true },
		baseUrlFromToken: { field: 'account_url', path: '/api/oauth2' }, // docs/vendors/worksection.md: calls go to the account host
		tokenPlacement: { in: 'header', name: 'Authorization', prefix: 'Bearer ' }, // doc: "authorization header"
		headers: {},
		// A cheap API call: get_projects needs projects_read, which the default scopes include (action=me is not documented).
		testRequest: { method: 'GET', path: '', qs: { action: 'get_projects' } },
		expiredTokenStatus: 401,
		connectionLabelPaths: ['email', 'account_url'], // doc: /oauth2/resource answers id, first_name, last_name, email, account_url
		errorEnvelopes: ANSWER_ERROR_ENVELOPES,
		userInfo: {
			// doc "Getting information about OAuth 2.0 user": POST with client_id, client_secret, access_token
			url: { url: 'https://worksection.com/oauth2/resource', documented: true },
			fields: { clientId: 'client_id', clientSecret: 'client_secret', accessToken: 'access_token' },
		},
	},
	alternatives: [
		{
			kind: 'adminApiKey',
			credentialName: 'worksectionAdminApi',
			displayName: 'Worksection Admin API Key',
			basePath: '/api/admin/v2/', // docs/vendors/worksection.md (admin API)
			hashParam: 'hash', // hash = md5(query string + api key), https://worksection.com/en/faq/api-start.html ("Worksection API authorization")
			testRequest: { method: 'GET', path: '', qs: { action: 'get_users' } },
			whereToCreate: 'Worksection → Account → API (visible to the account owner only)',
			docUrl: 'https://worksection.com/en/faq/api-start.html',
			// the vendor's SDK: a comment written with the admin key names its author (docs/vendors/worksection.md)
			requiredParams: { post_comment: ['email_user_from'] },
		},
	],
};
