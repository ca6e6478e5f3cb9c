import type { CredentialRef } from '../lib/n8n-client';
import { ACTION, singleActionWorkflow, TRIGGER } from '../lib/workflow';
import type { VendorCase } from '../vendors';
import type { SuiteContext } from './context';

/** The node's own operations (a list and a create, or what the vendor has) with the connected OAuth2 credential. */
export async function operationsScenario(ctx: SuiteContext, vendor: VendorCase, credential: CredentialRef | undefined): Promise<void> {
	const { client, sandbox } = ctx;
	await ctx.report.group(async (check) => {
		for (const op of vendor.operations) {
			await check(`${vendor.id} node: ${op.kind} (${op.action.label})`, async () => {
				if (!credential) throw new Error('not run: the OAuth2 credential did not pass its checks');
				const before = op.raises ? await sandbox.stats(vendor.id) : undefined;
				const parameters = op.action.parameters(credential.type);
				const workflow = await client.createWorkflow(
					singleActionWorkflow(`e2e ${vendor.id} ${op.action.label}`, { type: vendor.nodeType, parameters, credential }),
				);
				const result = await client.run(workflow, TRIGGER);
				if (result.status !== 'success') throw new Error(`execution ${result.id} ${result.status}: ${result.error}`);
				const problem = op.check(result.items(ACTION));
				if (problem) throw new Error(`unexpected output: ${problem}`);
				if (op.raises && before) {
					const after = await sandbox.stats(vendor.id);
					if (after[op.raises] - before[op.raises] !== 1) throw new Error(`sandbox counter ${op.raises} went ${before[op.raises]} → ${after[op.raises]}, expected +1`);
				}
			});
		}
	});
}
