/**
 * Every credential type of the package (11), each connected with DISTINCT planted secret values, plus the node
 * that uses it and the API base its calls must go to. Shared by the n8n attack tests (custom-call origin,
 * secret scan, hostile responses) so each one covers all credential types without its own table.
 */
import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';

import { WebworkTracker } from '../../nodes/WebworkTracker/WebworkTracker.node';
import { Weekdone } from '../../nodes/Weekdone/Weekdone.node';
import { Wordapp } from '../../nodes/Wordapp/Wordapp.node';
import { Worksection } from '../../nodes/Worksection/Worksection.node';
import { Worktual } from '../../nodes/Worktual/Worktual.node';
import { vendors } from '../../shared/vendors';
import type { VendorDefinition } from '../../shared/types';
import { N8N_CALLBACK_URL } from '../n8n/harness/oauth-flow';

export interface Connection {
	/** Credential type name. */
	type: string;
	vendor: VendorDefinition;
	node: () => INodeType;
	/** What the harness stores. */
	data: ICredentialDataDecryptedObject;
	/** Every secret value planted in `data`, by what it is. */
	secrets: Record<string, string>;
	/** The API base the node's calls go to (no trailing slash). */
	apiBase: string;
}

export const WORKSECTION_ACCOUNT = 'https://acme.worksection.com';

/** A value nobody else uses: tag + credential type + role + a random suffix. */
function secret(tag: string, type: string, role: string): string {
	return `${tag}-${type}-${role}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The 11 connections. `tag` keeps values of different tests apart. Token data is stored the way n8n stores
 * it (Worktual's array answer as {"0": {...}}; Worksection with account_url).
 */
export function allConnections(tag = 'planted'): Connection[] {
	const make = (type: string, vendor: VendorDefinition, node: () => INodeType, apiBase: string, build: (s: (role: string) => string) => ICredentialDataDecryptedObject): Connection => {
		const secrets: Record<string, string> = {};
		const s = (role: string) => (secrets[role] ??= secret(tag, type, role));
		return { type, vendor, node, apiBase: apiBase.replace(/\/+$/, ''), data: build(s), secrets };
	};
	const client = (s: (role: string) => string) => ({ clientId: 'client-id-public', clientSecret: s('clientSecret') });
	const tokens = (s: (role: string) => string, extra: object = {}) => ({ access_token: s('accessToken'), refresh_token: s('refreshToken'), token_type: 'Bearer', ...extra });
	const { weekdone, worksection, worktual, wordapp } = vendors;
	const webwork = vendors['webwork-tracker'];
	return [
		make('weekdoneOAuth2Api', weekdone, () => new Weekdone(), weekdone.api.baseUrl.url, (s) => ({ ...client(s), redirectUri: N8N_CALLBACK_URL, oauthTokenData: tokens(s) })),
		make('worksectionOAuth2Api', worksection, () => new Worksection(), `${WORKSECTION_ACCOUNT}/api/oauth2`, (s) => ({ ...client(s), oauthTokenData: tokens(s, { account_url: WORKSECTION_ACCOUNT }) })),
		make('worksectionAdminApi', worksection, () => new Worksection(), `${WORKSECTION_ACCOUNT}/api/admin/v2`, (s) => ({ accountUrl: WORKSECTION_ACCOUNT, apiKey: s('apiKey') })),
		make('worktualOAuth2Api', worktual, () => new Worktual(), worktual.api.baseUrl.url, (s) => ({ ...client(s), redirectUri: N8N_CALLBACK_URL, oauthTokenData: { 0: { access_token: s('accessToken') } } })),
		make('worktualPrivateAppTokenApi', worktual, () => new Worktual(), worktual.api.baseUrl.url, (s) => ({ accessToken: s('accessToken') })),
		make('webworkTrackerOAuth2Api', webwork, () => new WebworkTracker(), webwork.api.baseUrl.url, (s) => ({ ...client(s), oauthTokenData: tokens(s) })),
		make('webworkTrackerPersonalAccessTokenApi', webwork, () => new WebworkTracker(), webwork.api.baseUrl.url, (s) => ({ accessToken: s('accessToken') })),
		make('webworkTrackerClientCredentialsOAuth2Api', webwork, () => new WebworkTracker(), webwork.api.baseUrl.url, (s) => ({ ...client(s), oauthTokenData: { access_token: s('accessToken'), token_type: 'Bearer' } })),
		make('wordappOAuth2Api', wordapp, () => new Wordapp(), wordapp.api.baseUrl.url, (s) => ({ ...client(s), oauthTokenData: tokens(s) })),
		make('wordappClientCredentialsOAuth2Api', wordapp, () => new Wordapp(), wordapp.api.baseUrl.url, (s) => ({ ...client(s), oauthTokenData: { access_token: s('accessToken'), token_type: 'Bearer' } })),
		make('wordappPasswordApi', wordapp, () => new Wordapp(), wordapp.api.baseUrl.url, (s) => ({
			username: 'ann@example.com',
			password: s('password'),
			...client(s),
			accessToken: s('accessToken'),
			refreshToken: s('refreshToken'),
		})),
	];
}
