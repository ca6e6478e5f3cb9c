import { worksectionAccountUrl } from './sandbox-overwrites';
import type { ApiCall } from './lib/workflow';

/**
 * What the e2e suite knows about each vendor: node and credential type names, the sandbox's fixed
 * test secrets (sandbox/clients.ts), the cheap request each credential is proven with, and refresh
 * behaviour. Data only; the scenarios read it.
 */

export type Json = Record<string, unknown>;
/** Returns a problem description, or undefined when the output looks right. */
export type OutputCheck = (items: Json[]) => string | undefined;

export interface OAuth2Case {
	credentialType: string;
	/** Vendor needs n8n's callback URL pasted into the credential (Weekdone, Worktual). */
	needsRedirectUri: boolean;
	/** false: permanent token, nothing to refresh (Worktual). */
	refreshes: boolean;
	/** Each refresh returns a new refresh token and invalidates the old one. */
	rotates: boolean;
}

export interface AlternativeCase {
	credentialType: string;
	good: (sandboxUrl: string) => Json;
	bad: (sandboxUrl: string) => Json;
	call: ApiCall;
}

export interface VendorCase {
	/** Sandbox vendor id (?vendor=). */
	id: string;
	nodeType: string;
	oauth2: OAuth2Case;
	/** The cheap request of the vendor (shared/vendors *.api.testRequest). */
	testCall: ApiCall;
	checkTestCall: OutputCheck;
	alternatives: AlternativeCase[];
}

const client = (id: string): Json => ({ clientId: `sandbox-${id}-client`, clientSecret: `sandbox-${id}-secret` });

const nonEmpty: OutputCheck = (items) => (items.length > 0 ? undefined : 'the node returned no items');

/** At least one item, and the first has all the given keys. */
const hasKeys =
	(...keys: string[]): OutputCheck =>
	(items) => {
		if (items.length === 0) return 'the node returned no items';
		const missing = keys.filter((k) => !(k in items[0]));
		return missing.length > 0 ? `first item lacks ${missing.join(', ')}: ${JSON.stringify(items[0]).slice(0, 200)}` : undefined;
	};

/** A field of the first item has the given value (vendor envelopes like status: ok). */
const field =
	(key: string, value: unknown): OutputCheck =>
	(items) =>
		items[0]?.[key] === value ? undefined : `expected ${key}=${JSON.stringify(value)} in ${JSON.stringify(items[0] ?? null).slice(0, 200)}`;

export const VENDORS: VendorCase[] = [
	{
		id: 'weekdone',
		nodeType: 'n8n-nodes-worktools.weekdone',
		oauth2: { credentialType: 'weekdoneOAuth2Api', needsRedirectUri: true, refreshes: true, rotates: false },
		testCall: { method: 'GET', path: '/company' },
		checkTestCall: field('status', 'ok'),
		alternatives: [],
	},
	{
		id: 'worksection',
		nodeType: 'n8n-nodes-worktools.worksection',
		oauth2: { credentialType: 'worksectionOAuth2Api', needsRedirectUri: false, refreshes: true, rotates: true },
		testCall: { method: 'GET', path: '', query: { action: 'me' } },
		checkTestCall: field('status', 'ok'),
		alternatives: [
			{
				credentialType: 'worksectionAdminApi',
				good: (sb) => ({ accountUrl: worksectionAccountUrl(sb), apiKey: 'sandbox-worksection-admin-key' }),
				bad: (sb) => ({ accountUrl: worksectionAccountUrl(sb), apiKey: 'wrong-admin-key' }),
				call: { method: 'GET', path: '', query: { action: 'get_users' } },
			},
		],
	},
	{
		id: 'worktual',
		nodeType: 'n8n-nodes-worktools.worktual',
		oauth2: { credentialType: 'worktualOAuth2Api', needsRedirectUri: true, refreshes: false, rotates: false },
		testCall: { method: 'GET', path: '/contacts', query: { limit: '1' } },
		checkTestCall: nonEmpty,
		alternatives: [
			{
				credentialType: 'worktualPrivateAppTokenApi',
				good: () => ({ accessToken: 'sandbox-worktual-private-token' }),
				bad: () => ({ accessToken: 'wrong-private-token' }),
				call: { method: 'GET', path: '/contacts', query: { limit: '1' } },
			},
		],
	},
	{
		id: 'webwork-tracker',
		nodeType: 'n8n-nodes-worktools.webworkTracker',
		oauth2: { credentialType: 'webworkTrackerOAuth2Api', needsRedirectUri: false, refreshes: true, rotates: true },
		testCall: { method: 'GET', path: '/workspaces' },
		checkTestCall: nonEmpty,
		alternatives: [
			{
				credentialType: 'webworkTrackerPersonalAccessTokenApi',
				good: () => ({ accessToken: 'sandbox-webwork-pat' }),
				bad: () => ({ accessToken: 'wrong-pat' }),
				call: { method: 'GET', path: '/workspaces' },
			},
			{
				credentialType: 'webworkTrackerClientCredentialsOAuth2Api',
				good: () => client('webwork-tracker'),
				bad: () => ({ ...client('webwork-tracker'), clientSecret: 'wrong-secret' }),
				call: { method: 'GET', path: '/workspaces' },
			},
		],
	},
	{
		id: 'wordapp',
		nodeType: 'n8n-nodes-worktools.wordapp',
		oauth2: { credentialType: 'wordappOAuth2Api', needsRedirectUri: false, refreshes: true, rotates: true },
		testCall: { method: 'GET', path: '/me' },
		checkTestCall: hasKeys('id'),
		alternatives: [
			{
				credentialType: 'wordappClientCredentialsOAuth2Api',
				good: () => client('wordapp'),
				bad: () => ({ ...client('wordapp'), clientSecret: 'wrong-secret' }),
				call: { method: 'GET', path: '/me' },
			},
			{
				credentialType: 'wordappPasswordApi',
				good: () => ({ username: 'sandbox@example.com', password: 'Sandbox-pass-1', ...client('wordapp') }),
				bad: () => ({ username: 'sandbox@example.com', password: 'Wrong-pass-1', ...client('wordapp') }),
				call: { method: 'GET', path: '/me' },
			},
		],
	},
];

export function oauth2ClientData(vendor: VendorCase, callbackUrl: string): Json {
	return { ...client(vendor.id), ...(vendor.oauth2.needsRedirectUri ? { redirectUri: callbackUrl } : {}) };
}
