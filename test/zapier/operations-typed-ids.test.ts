/**
 * Typed IDs (Zapier check D004): WebWork Tracker's contract filter is a dropdown fed by GET /contracts, and every
 * ID a catalogue still lets the user type (`idWithoutList`) is an input some app really asks for, without a
 * dropdown: an exemption never outlives its field.
 */
import { operationCatalogues } from '../../shared/operations';
import { vendorList } from '../../shared/vendors';
import { buildApp } from '../../zapier/app';
import { resetEnv } from './harness';
import { inputsOf, operations } from './operations-helpers';

beforeEach(resetEnv);

describe('WebWork Tracker contracts', () => {
	test('New Task filters by a contract picked from a list that depends on the chosen project', () => {
		const { h } = operations('webwork-tracker');
		expect(inputsOf(h.app.triggers.newTask).contractId).toMatchObject({ dynamic: 'dropdown_contracts.id.name', dependsOn: ['projectId'] });
		expect(h.app.triggers.dropdown_contracts.display.hidden).toBe(true);
	});

	test('the contracts dropdown reads GET /contracts of the project, labelled by member and project, else by ID', async () => {
		const { poll, answers } = operations('webwork-tracker');
		const contracts = [{ id: 7001, user: { name: 'Ann Lee' }, project: { name: 'Apollo' } }, { id: 7002, project_id: 7, user_id: 9 }];
		const { result } = await answers([{ method: 'GET', path: '/contracts', query: { project_id: '7', page: '1', per_page: '100' }, reply: { success: true, data: contracts } }], () =>
			poll('dropdown_contracts', { inputData: { projectId: '7' }, meta: { page: 0 } }),
		);
		expect(result).toEqual([
			{ id: 7001, name: 'Ann Lee Apollo' },
			{ id: 7002, name: '7002' },
		]);
	});
});

test('each typed-ID exemption names an input an app asks for without a dropdown', () => {
	for (const vendor of vendorList) {
		const exempt = Object.keys(operationCatalogues[vendor.id].idWithoutList ?? {});
		const app = buildApp(vendor, { version: '1.0.0' });
		const typed = new Set<string>();
		for (const group of [app.triggers, app.creates, app.searches]) {
			for (const op of Object.values(group ?? {})) {
				for (const [key, field] of Object.entries(inputsOf(op))) if (!(field as { dynamic?: string }).dynamic) typed.add(key);
			}
		}
		expect([vendor.id, exempt.filter((key) => !typed.has(key))]).toEqual([vendor.id, []]);
	}
});
