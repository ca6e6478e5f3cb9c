import type { CredentialRef } from '../lib/n8n-client';
import { ACTION, singleActionWorkflow, TRIGGER } from '../lib/workflow';
import type { AlternativeCase, VendorCase } from '../vendors';
import { requireTypes, type SuiteContext } from './context';

// What a "clear" failure message looks like: it names the HTTP status or says what was wrong.
const CLEAR_ERROR = /\b40[0-3]\b|unauthori[sz]ed|forbidden|invalid|denied|rejected|incorrect|wrong|credential|authenticat/i;

/** A non-OAuth2 credential: the same workflow succeeds with the sandbox's secret and fails clearly with a wrong one. */
export async function alternativeScenario(ctx: SuiteContext, vendor: VendorCase, alt: AlternativeCase): Promise<void> {
	const { client, sandbox } = ctx;
	const label = `${vendor.id} ${alt.credentialType}`;
	const runWith = async (kind: 'good' | 'bad', data: Record<string, unknown>) => {
		const credential: CredentialRef = await client.createCredential(`e2e ${vendor.id} ${alt.credentialType} ${kind}`, alt.credentialType, data);
		const parameters = alt.action.parameters(alt.credentialType);
		const workflow = await client.createWorkflow(singleActionWorkflow(`e2e ${label} ${kind}`, { type: vendor.nodeType, parameters, credential }));
		return client.run(workflow, TRIGGER);
	};
	await ctx.report.group(async (check) => {
		await check(`${label}: good credential works (${alt.action.label})`, async () => {
			requireTypes(ctx, vendor.nodeType, alt.credentialType);
			const result = await runWith('good', alt.good(sandbox.url));
			if (result.status !== 'success') throw new Error(`execution ${result.id} ${result.status}: ${result.error}`);
			const items = result.items(ACTION);
			if (items.length === 0) throw new Error('the node returned no items');
		});
		await check(`${label}: bad credential fails with a clear message`, async () => {
			const result = await runWith('bad', alt.bad(sandbox.url));
			if (result.status === 'success') throw new Error(`execution ${result.id} succeeded with a wrong secret: ${JSON.stringify(result.items(ACTION)).slice(0, 200)}`);
			if (!result.error || !CLEAR_ERROR.test(result.error)) throw new Error(`unclear error message: ${result.error ?? '(none)'}`);
			console.log(`  message: ${result.error.slice(0, 200)}`);
		});
	});
}
