import type { VendorOperations } from './types';

/**
 * Wordapp. Its public document covers authentication only (docs/vendors/wordapp.md): no resource endpoint is
 * known, so the node offers what the OAuth server itself provides, plus Custom API Call for the rest.
 */
export const wordappOperations: VendorOperations = {
	vendor: 'wordapp',
	bodyFormat: 'json',
	docsUrl: 'https://help.wordapp.com/output/wordapp-api/',
	dropdowns: {},
	resources: [
		{
			value: 'token',
			name: 'Access Token',
			operations: [
				{
					value: 'getInfo',
					name: 'Get Info',
					action: 'Get access token info',
					description: 'Show the owner, scope and remaining lifetime of the connection\'s access token.',
					kind: 'get',
					// Beside /api/v1 on the same host, not under it.
					request: { method: 'GET', path: '/oauth/token/info', fromHostRoot: true },
					result: { shape: 'record' },
					source: 'guess',
					note: 'Ruby Doorkeeper\'s default token-introspection route; Wordapp\'s answers look like Doorkeeper\'s, but the route is unconfirmed',
					fields: [],
				},
				{
					value: 'revoke',
					name: 'Revoke',
					action: 'Revoke the access token',
					description: 'Revoke the connection\'s access token at Wordapp. The credential must be reconnected afterwards.',
					kind: 'action',
					request: { method: 'POST', path: '/oauth/revoke', fromHostRoot: true, bodyFormat: 'form' },
					special: 'revokeToken',
					result: { shape: 'success' },
					source: 'doc',
					note: 'revocation (token field + Bearer header) is documented; its URL is Doorkeeper\'s default (shared/vendors/wordapp.ts, documented: false)',
					fields: [],
				},
			],
		},
	],
};
