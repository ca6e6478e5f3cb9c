import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * n8n's generic `oAuth2Api` credential, copied property for property from n8n-nodes-base@2.41.1
 * dist/credentials/OAuth2Api.credentials.js (not a dependency here; https://github.com/n8n-io/n8n/blob/master/packages/nodes-base/credentials/OAuth2Api.credentials.ts).
 * Our credentials extend it, so the harness merges it under them the way n8n does.
 */
const notDcr = { show: { useDynamicClientRegistration: [false] } };

export class OAuth2Api implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	documentationUrl = 'httprequest';

	genericAuth = true;

	properties: INodeProperties[] = [
		{ displayName: 'Use Dynamic Client Registration', name: 'useDynamicClientRegistration', type: 'hidden', default: false },
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			displayOptions: notDcr,
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{ displayName: 'Server URL', name: 'serverUrl', type: 'string', displayOptions: { show: { useDynamicClientRegistration: [true] } }, default: '', required: true },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] } },
			default: '',
			required: true,
		},
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', displayOptions: notDcr, default: '', required: true },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', displayOptions: notDcr, default: '', required: true },
		{ displayName: 'Authentication', name: 'clientCredentialType', type: 'hidden', default: 'clientSecret' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', displayOptions: notDcr, typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'Private Key', name: 'privateKey', type: 'hidden', default: '' },
		{ displayName: 'Certificate', name: 'certificate', type: 'hidden', default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', displayOptions: notDcr, default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			displayOptions: { show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] } },
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			displayOptions: notDcr,
			options: [
				{ name: 'Body', value: 'body', description: 'Send credentials in body' },
				{ name: 'Header', value: 'header', description: 'Send credentials as Basic Auth header' },
			],
			default: 'header',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'boolean',
			default: false,
			displayOptions: { show: { grantType: ['clientCredentials'], authentication: ['body'], useDynamicClientRegistration: [false] } },
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'json',
			typeOptions: { rows: 5 },
			displayOptions: {
				show: { grantType: ['clientCredentials'], authentication: ['body'], sendAdditionalBodyProperties: [true], useDynamicClientRegistration: [false] },
			},
			default: '',
		},
		{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSLIssues', type: 'boolean', default: false, doNotInherit: true },
		{ displayName: 'Token Expired Status Code', name: 'tokenExpiredStatusCode', type: 'number', default: 401, doNotInherit: true },
		{ displayName: 'Encrypted Tokens (JWE)', name: 'jweEnabled', type: 'boolean', default: false, envFeatureFlag: 'OAUTH2_JWE', doNotInherit: true },
		{ displayName: 'JWKS URI', name: 'jwksUri', type: 'string', default: '', displayOptions: { show: { jweEnabled: [true] } }, doNotInherit: true },
		{
			displayName: 'Inline JWKS in Client Registration',
			name: 'inlineJwks',
			type: 'boolean',
			default: false,
			displayOptions: { show: { jweEnabled: [true], useDynamicClientRegistration: [true] } },
			doNotInherit: true,
		},
	];
}
