import type { N8nClient, CredentialRef } from '../e2e/lib/n8n-client';
import { VENDORS, oauth2ClientData, type OutputCheck } from '../e2e/vendors';
import type { NodeAction } from '../e2e/lib/workflow';
import { SANDBOX_VENDORS } from '../../sandbox/vendors';

/**
 * Every credential type of the package whose token is refreshed or renewed, with how the race creates and
 * connects it and the Custom API Call / operation each run makes. Built from test/e2e/vendors.ts, so a
 * vendor added there is raced here too.
 */
export interface RaceCase {
	/** Sandbox vendor id (token requests are counted per vendor). */
	vendor: string;
	credentialType: string;
	nodeType: string;
	typeVersion?: number;
	action: NodeAction;
	check: OutputCheck;
	/** Whether each refresh spends the refresh token (a second refresh with the old one is invalid_grant). */
	rotates: boolean;
	/** Creates the credential and makes it usable (OAuth2 connect; other grants get their token on first use). */
	create(client: N8nClient, label: string, sandboxUrl: string): Promise<CredentialRef>;
	/** Token-endpoint paths of the vendor on the sandbox (its entry in sandbox/vendors/index.ts): what one token request hits. */
	tokenPaths: string[];
	/** Set when the race is known to fail for a reason outside the transport: reported, not gating (see KNOWN_LIMITS). */
	knownLimit?: string;
	/** Runs through n8n's own HTTP Request node instead of ours: measures n8n's behaviour, does not gate. */
	n8nNode?: boolean;
}

/**
 * Named, switchable exceptions (run.ts --strict makes them gate): credential type → why its race may fail.
 * None today. wordappPasswordApi used to be one (n8n runs preAuthentication without a lock and each Wordapp
 * grant invalidates the previous token); its renewals are now single-flight per process
 * (credentials/common/renewals.ts), so its race gates like every other.
 */
export const KNOWN_LIMITS: Record<string, string> = {};

/**
 * The same, for queue mode only. The Wordapp password credential's single-flight memo lives in one process;
 * two workers that meet the expiry at the same moment can each renew once, and Wordapp's doc says each new
 * token invalidates the previous one. Measured passing (1 token request) but timing-dependent: reported,
 * not gating, unless --strict.
 */
export const QUEUE_MODE_KNOWN_LIMITS: Record<string, string> = {
	wordappPasswordApi: 'renewals are single-flight per process only; two workers can each renew once (README, Concurrency)',
};


/** The sandbox's token and refresh paths of a vendor (a vendor without a sandbox entry is a clear failure). */
function sandboxTokenPaths(id: string): string[] {
	const entry = SANDBOX_VENDORS.find((v) => v.id === id);
	if (!entry) throw new Error(`test/scale/cases.ts: the sandbox has no vendor ${id}`);
	return [entry.paths.token, entry.paths.refresh].filter((p): p is string => p !== undefined);
}

const nonEmpty: OutputCheck = (items) => (items.length > 0 ? undefined : 'the node returned no items');

/** Grants that renew: everything but permanent tokens (Worktual), personal tokens and signed admin keys. */
const RENEWING_ALTERNATIVES = /ClientCredentialsOAuth2Api$|PasswordApi$/;

export function raceCases(): RaceCase[] {
	const cases: RaceCase[] = [];
	for (const vendor of VENDORS) {
		if (!vendor.oauth2.refreshes) continue;
		const tokenPaths = sandboxTokenPaths(vendor.id);
		cases.push({
			vendor: vendor.id,
			credentialType: vendor.oauth2.credentialType,
			nodeType: vendor.nodeType,
			action: vendor.testCall,
			check: vendor.checkTestCall,
			rotates: vendor.oauth2.rotates,
			tokenPaths,
			create: async (client, label) => {
				const credential = await client.createCredential(label, vendor.oauth2.credentialType, oauth2ClientData(vendor, client.oauthCallbackUrl));
				await client.connectOAuth2(credential.id);
				return credential;
			},
		});
		for (const alt of vendor.alternatives.filter((a) => RENEWING_ALTERNATIVES.test(a.credentialType))) {
			cases.push({
				vendor: vendor.id,
				credentialType: alt.credentialType,
				nodeType: vendor.nodeType,
				action: alt.action,
				check: nonEmpty,
				rotates: false,
				tokenPaths,
				knownLimit: KNOWN_LIMITS[alt.credentialType],
				create: async (client, label, sandboxUrl) => await client.createCredential(label, alt.credentialType, alt.good(sandboxUrl)),
			});
		}
	}
	return cases;
}

/**
 * The same refresh through n8n's HTTP Request node with our WebWork credential (plain Bearer, so n8n's
 * generic node can use it): what a user of n8n's own node gets, for the README's statement of n8n's limit.
 */
export function httpRequestNodeCase(sandboxUrl: string): RaceCase {
	const webwork = raceCases().find((c) => c.credentialType === 'webworkTrackerOAuth2Api');
	if (!webwork) throw new Error('test/scale/cases.ts: no WebWork OAuth2 case');
	const url = `${sandboxUrl.replace(/\/+$/, '')}/webwork-tracker/api/v2/workspaces`;
	return {
		...webwork,
		nodeType: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		n8nNode: true,
		action: {
			label: `n8n HTTP Request GET ${url}`,
			parameters: (credentialType) => ({ method: 'GET', url, authentication: 'predefinedCredentialType', nodeCredentialType: credentialType, options: {} }),
		},
		check: nonEmpty,
	};
}
