import type { CredentialRef, ExecutionResult, Workflow } from '../lib/n8n-client';
import { ACTION, singleActionWorkflow, TRIGGER } from '../lib/workflow';
import { oauth2ClientData, type VendorCase } from '../vendors';
import { requireTypes, type SuiteContext } from './context';

/**
 * One vendor's OAuth2 authorization-code credential, end to end in a real n8n: connect without a browser,
 * call the API from a workflow, expire the token and watch n8n refresh it (once), then refresh again to
 * prove the stored (for rotating vendors: rotated) refresh token is the one n8n uses next.
 * Returns the connected credential for the operation scenarios (undefined when a check failed).
 */
export async function oauth2Scenario(ctx: SuiteContext, vendor: VendorCase): Promise<CredentialRef | undefined> {
	const { client, sandbox } = ctx;
	const type = vendor.oauth2.credentialType;
	const label = `${vendor.id} ${type}`;
	let credential: CredentialRef | undefined;
	let workflow: Workflow | undefined;
	let complete = false;

	const runCall = async (): Promise<ExecutionResult> => {
		if (!workflow) throw new Error('no workflow');
		const result = await client.run(workflow, TRIGGER);
		if (result.status !== 'success') throw new Error(`execution ${result.id} ${result.status}: ${result.error}`);
		const problem = vendor.checkTestCall(result.items(ACTION));
		if (problem) throw new Error(`unexpected output: ${problem}`);
		return result;
	};
	/** Runs the call and compares the sandbox's refresh counters before and after. */
	const runExpecting = async (newRefreshes: number): Promise<void> => {
		const before = await sandbox.stats(vendor.id);
		await runCall();
		const after = await sandbox.stats(vendor.id);
		const refreshed = after.refreshes - before.refreshes;
		const rejected = after.tokenRejected - before.tokenRejected;
		if (rejected > 0) throw new Error(`the sandbox rejected ${rejected} token request(s) (invalid_grant or bad client auth): ${await lastTokenCalls(ctx, vendor.id)}`);
		if (refreshed !== newRefreshes) throw new Error(`expected ${newRefreshes} refresh(es), the sandbox saw ${refreshed}`);
	};

	await ctx.report.group(async (check) => {
		await check(`${label}: connect without a browser`, async () => {
			requireTypes(ctx, vendor.nodeType, type);
			credential = await client.createCredential(`e2e ${vendor.id} oauth2`, type, oauth2ClientData(vendor, client.oauthCallbackUrl));
			await client.connectOAuth2(credential.id);
		});
		await check(`${label}: workflow calls the API (${vendor.testCall.label})`, async () => {
			if (!credential) throw new Error('no credential');
			const parameters = vendor.testCall.parameters(type);
			workflow = await client.createWorkflow(singleActionWorkflow(`e2e ${vendor.id} oauth2 call`, { type: vendor.nodeType, parameters, credential }));
			await runExpecting(0);
		});
		if (vendor.oauth2.refreshes) {
			await check(`${label}: expired token is refreshed once`, async () => {
				await sandbox.expire(vendor.id);
				await runExpecting(1);
			});
			await check(`${label}: refreshed token is stored (next run, no refresh)`, async () => {
				await runExpecting(0);
			});
			const what = vendor.oauth2.rotates ? 'rotated refresh token is used next time (no invalid_grant)' : 'stored refresh token works again';
			await check(`${label}: ${what}`, async () => {
				await sandbox.expire(vendor.id);
				await runExpecting(1);
			});
		}
		complete = true;
	});
	return complete ? credential : undefined;
}

/** The vendor's last few token-endpoint requests from the sandbox log, to explain a rejection. */
async function lastTokenCalls(ctx: SuiteContext, vendor: string): Promise<string> {
	const log = (await ctx.sandbox.log(vendor)) as { method: string; path: string; status: number; bodyKeys?: string[] }[];
	return log
		.filter((e) => /oauth|token|refresh/.test(e.path))
		.slice(-4)
		.map((e) => `${e.method} ${e.path} [${(e.bodyKeys ?? []).join(',')}] → ${e.status}`)
		.join('; ');
}
