import type { VendorDefinition } from '../types';
import { ANSWER_ERROR_ENVELOPES, RFC_AUTHORIZE_PARAMS, RFC_GRANT_TYPES, RFC_TOKEN_PARAMS } from './common';

/**
 * WebWork Tracker (REST API V2). Source: its authorization document (authDocUrl below) unless noted;
 * API facts: docs/vendors/webwork-tracker.md.
 */
export const webworkTracker: VendorDefinition = {
	id: 'webwork-tracker',
	displayName: 'WebWork Tracker',
	n8nPrefix: 'webworkTracker',
	authDocUrl: 'https://api-docs.webwork-tracker.com/v2/authorization',
	appRegistration: 'WebWork → Settings → REST API → OAuth2 Apps → Create App (grant type Authorization Code); owners and executive managers only',
	ownDomains: ['webwork-tracker.com'], // the host of every documented URL below
	oauth2: {
		authorize: {
			url: { url: 'https://webwork-tracker.com/oauth/authorize', documented: true },
			paramNames: { ...RFC_AUTHORIZE_PARAMS },
			extraParams: {},
			pkce: false,
		},
		token: {
			url: { url: 'https://api.webwork-tracker.com/oauth/token', documented: true },
			clientAuth: 'basic', // doc: "Client Authentication: Send as Basic Auth header"
			paramNames: { ...RFC_TOKEN_PARAMS },
			grantTypes: { ...RFC_GRANT_TYPES },
			responseShape: 'object',
		},
		refresh: {
			sendRedirectUri: false,
			clientAuth: 'basic',
			rotatesRefreshToken: true, // doc: "Always save the new refresh token - the old one becomes invalid after use"
		},
		revoke: null,
		// doc: admin is "Required for deleting resources"; the webhook trigger deletes its webhook on deactivation and
		// the nodes archive/delete, so without admin those calls get 403 and webhooks would leak at the vendor.
		scopes: { default: ['read', 'write', 'admin'], available: ['read', 'write', 'admin'], separator: ' ' },
		lifetimes: { accessToken: 15 * 86400, refreshToken: 30 * 86400, authorizationCode: null }, // doc: 15 days / 30 days
		keepFields: [],
	},
	api: {
		baseUrl: { url: 'https://api.webwork-tracker.com/api/v2', documented: true },
		tokenPlacement: { in: 'header', name: 'Authorization', prefix: 'Bearer ' },
		headers: {},
		testRequest: { method: 'GET', path: '/workspaces' }, // doc: "Test your authentication with a simple API call"
		expiredTokenStatus: 401,
		connectionLabelPaths: ['data.0.workspace_name', 'data.0.name'],
		errorEnvelopes: ANSWER_ERROR_ENVELOPES,
	},
	alternatives: [
		{
			kind: 'personalToken',
			credentialName: 'webworkTrackerPersonalAccessTokenApi',
			displayName: 'WebWork Tracker Personal Access Token',
			tokenPlacement: { in: 'header', name: 'Authorization', prefix: 'Bearer ' },
			lifetime: '6 months, no refresh', // doc
			whereToCreate: 'WebWork → Settings → REST API → Personal Access Tokens → Create Token',
		},
		{
			kind: 'clientCredentials',
			credentialName: 'webworkTrackerClientCredentialsOAuth2Api',
			displayName: 'WebWork Tracker Client Credentials OAuth2 API',
			clientAuth: 'basic',
			scopes: ['read', 'write', 'admin'], // admin: DELETE calls (see oauth2.scopes)
			whereToCreate: 'WebWork → Settings → REST API → OAuth2 Apps → Create App (grant type Client Credentials)',
		},
	],
};
