import { worksectionAccountUrl } from './sandbox-overwrites';
import { customCall, operation, type NodeAction } from './lib/workflow';

/**
 * What the e2e suite knows about each vendor: node and credential type names, the sandbox's fixed
 * test secrets and seed IDs (sandbox/clients.ts, sandbox/seed/), the cheap request each credential is
 * proven with, refresh behaviour, and one read and one write operation per node. Data only.
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
	action: NodeAction;
}

/** A node operation run with the vendor's connected OAuth2 credential. */
export interface OperationCase {
	kind: 'list' | 'create' | 'read' | 'write';
	action: NodeAction;
	check: OutputCheck;
	/** A sandbox counter this operation must raise by one (proves the write reached the vendor). */
	raises?: string;
}

export interface VendorCase {
	/** Sandbox vendor id (?vendor=). */
	id: string;
	nodeType: string;
	oauth2: OAuth2Case;
	/** The cheap request of the vendor (shared/vendors *.api.testRequest), as a Custom API Call. */
	testCall: NodeAction;
	checkTestCall: OutputCheck;
	alternatives: AlternativeCase[];
	/** Run in order after the OAuth2 checks; the last may spend the credential (Wordapp revoke). */
	operations: OperationCase[];
}

const client = (id: string): Json => ({ clientId: `sandbox-${id}-client`, clientSecret: `sandbox-${id}-secret` });

const nonEmpty: OutputCheck = (items) => (items.length > 0 ? undefined : 'the node returned no items');

/** At least `min` items, and the first has all the given keys. */
const itemsWith =
	(min: number, ...keys: string[]): OutputCheck =>
	(items) => {
		if (items.length < min) return `expected at least ${min} item(s), got ${items.length}: ${JSON.stringify(items).slice(0, 200)}`;
		const missing = keys.filter((k) => !(k in (items[0] ?? {})));
		return missing.length > 0 ? `first item lacks ${missing.join(', ')}: ${JSON.stringify(items[0]).slice(0, 200)}` : undefined;
	};

/** Some field of the first item (searched one level deep too) equals the value: the record we created. */
const echoes =
	(key: string, value: unknown): OutputCheck =>
	(items) => {
		const first = items[0] ?? {};
		const nested = Object.values(first).filter((v): v is Json => typeof v === 'object' && v !== null);
		const found = [first, ...nested].some((o) => o[key] === value);
		return found ? undefined : `no ${key}=${JSON.stringify(value)} in ${JSON.stringify(first).slice(0, 300)}`;
	};

/** A field of the first item has the given value (vendor envelopes like status: ok). */
const field =
	(key: string, value: unknown): OutputCheck =>
	(items) =>
		items[0]?.[key] === value ? undefined : `expected ${key}=${JSON.stringify(value)} in ${JSON.stringify(items[0] ?? null).slice(0, 200)}`;

const WEBWORK_WORKSPACE = 1001; // sandbox/seed/webwork-tracker.ts WEBWORK_MAIN_WORKSPACE
const WEEKDONE_TYPE_PROGRESS = 1; // sandbox/seed/weekdone.ts types
const STAMP = 'e2e created';

export const VENDORS: VendorCase[] = [
	{
		id: 'weekdone',
		nodeType: 'n8n-nodes-worktools.weekdone',
		oauth2: { credentialType: 'weekdoneOAuth2Api', needsRedirectUri: true, refreshes: true, rotates: false },
		testCall: customCall({ method: 'GET', path: '/company' }),
		checkTestCall: field('status', 'ok'),
		alternatives: [],
		operations: [
			{ kind: 'list', action: operation('item', 'getAll', { returnAll: false, limit: 5 }), check: itemsWith(1, 'id', 'description') },
			{
				kind: 'create',
				action: operation('item', 'create', { description: `${STAMP} item`, typeId: WEEKDONE_TYPE_PROGRESS }),
				check: echoes('description', `${STAMP} item`),
			},
		],
	},
	{
		id: 'worksection',
		nodeType: 'n8n-nodes-worktools.worksection',
		oauth2: { credentialType: 'worksectionOAuth2Api', needsRedirectUri: false, refreshes: true, rotates: true },
		// action=me is not in Worksection's documents (the sandbox's worksection-action-me assumption stays off).
		testCall: customCall({ method: 'GET', path: '', query: { action: 'get_projects' } }),
		checkTestCall: field('status', 'ok'),
		alternatives: [
			{
				credentialType: 'worksectionAdminApi',
				good: (sb) => ({ accountUrl: worksectionAccountUrl(sb), apiKey: 'sandbox-worksection-admin-key' }),
				bad: (sb) => ({ accountUrl: worksectionAccountUrl(sb), apiKey: 'wrong-admin-key' }),
				action: customCall({ method: 'GET', path: '', query: { action: 'get_users' } }),
			},
		],
		operations: [
			{ kind: 'list', action: operation('project', 'getAll', { returnAll: false, limit: 5 }), check: itemsWith(1, 'id', 'name') },
			{ kind: 'create', action: operation('project', 'create', { title: `${STAMP} project` }), check: echoes('name', `${STAMP} project`) },
		],
	},
	{
		id: 'worktual',
		nodeType: 'n8n-nodes-worktools.worktual',
		oauth2: { credentialType: 'worktualOAuth2Api', needsRedirectUri: true, refreshes: false, rotates: false },
		testCall: customCall({ method: 'GET', path: '/contacts', query: { limit: '1' } }),
		checkTestCall: nonEmpty,
		alternatives: [
			{
				credentialType: 'worktualPrivateAppTokenApi',
				good: () => ({ accessToken: 'sandbox-worktual-private-token' }),
				bad: () => ({ accessToken: 'wrong-private-token' }),
				action: customCall({ method: 'GET', path: '/contacts', query: { limit: '1' } }),
			},
		],
		// Worktual contact create/update routes are guesses (not in the public docs) and the sandbox does not emulate them: list only.
		operations: [{ kind: 'list', action: operation('contact', 'getAll', { returnAll: false, limit: 5 }), check: itemsWith(1) }],
	},
	{
		id: 'webwork-tracker',
		nodeType: 'n8n-nodes-worktools.webworkTracker',
		oauth2: { credentialType: 'webworkTrackerOAuth2Api', needsRedirectUri: false, refreshes: true, rotates: true },
		testCall: customCall({ method: 'GET', path: '/workspaces' }),
		checkTestCall: nonEmpty,
		alternatives: [
			{
				credentialType: 'webworkTrackerPersonalAccessTokenApi',
				good: () => ({ accessToken: 'sandbox-webwork-pat' }),
				bad: () => ({ accessToken: 'wrong-pat' }),
				action: customCall({ method: 'GET', path: '/workspaces' }),
			},
			{
				credentialType: 'webworkTrackerClientCredentialsOAuth2Api',
				good: () => client('webwork-tracker'),
				bad: () => ({ ...client('webwork-tracker'), clientSecret: 'wrong-secret' }),
				action: customCall({ method: 'GET', path: '/workspaces' }),
			},
		],
		operations: [
			{ kind: 'list', action: operation('workspace', 'getAll', { returnAll: false, limit: 5 }), check: itemsWith(1, 'id', 'name') },
			{
				kind: 'create',
				action: operation('project', 'create', { workspaceId: WEBWORK_WORKSPACE, name: `${STAMP} project` }),
				check: echoes('name', `${STAMP} project`),
			},
		],
	},
	{
		id: 'wordapp',
		nodeType: 'n8n-nodes-worktools.wordapp',
		oauth2: { credentialType: 'wordappOAuth2Api', needsRedirectUri: false, refreshes: true, rotates: true },
		// No document names an API resource; Doorkeeper's token info is the connection test (wordapp-token-info).
		testCall: operation('token', 'getInfo'),
		checkTestCall: itemsWith(1, 'scope'),
		alternatives: [
			{
				credentialType: 'wordappClientCredentialsOAuth2Api',
				good: () => client('wordapp'),
				bad: () => ({ ...client('wordapp'), clientSecret: 'wrong-secret' }),
				action: operation('token', 'getInfo'),
			},
			{
				credentialType: 'wordappPasswordApi',
				good: () => ({ username: 'sandbox@example.com', password: 'Sandbox-pass-1', ...client('wordapp') }),
				bad: () => ({ username: 'sandbox@example.com', password: 'Wrong-pass-1', ...client('wordapp') }),
				action: operation('token', 'getInfo'),
			},
		],
		// Wordapp's public API documents only its OAuth server: token info as the read, revoke as the write.
		operations: [
			{ kind: 'read', action: operation('token', 'getInfo'), check: itemsWith(1, 'scope') },
			{ kind: 'write', action: operation('token', 'revoke'), check: nonEmpty, raises: 'revoked' },
		],
	},
];

export function oauth2ClientData(vendor: VendorCase, callbackUrl: string): Json {
	return { ...client(vendor.id), ...(vendor.oauth2.needsRedirectUri ? { redirectUri: callbackUrl } : {}) };
}
