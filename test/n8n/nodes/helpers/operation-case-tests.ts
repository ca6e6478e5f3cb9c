import type { VendorOperations } from '../../../../shared/operations/types';
import { type MockVendorId, strictVendorMock } from '../../../mocks/vendor-mocks';
import { type OperationCase, runCase, untested } from '../cases';
import type { NodeRunner } from '../node-runner';

/**
 * The two tests every vendor node file opens with, declared in the calling describe block: the case table
 * covers every resource/operation of the catalogue, and each case makes exactly its calls (on a fresh strict
 * mock of `vendor`, with `token` where the vendor wants it) and gives exactly its output.
 */
export function operationCaseTests(spec: { vendor: MockVendorId; catalogue: VendorOperations; cases: OperationCase[]; node: () => NodeRunner; token: string }): void {
	test('every catalogue operation has a case', () => {
		expect(untested(spec.catalogue, spec.cases)).toEqual([]);
	});

	test.each(spec.cases.map((c) => [c.title, c] as const))('%s', async (_title, c) => {
		await runCase(spec.node(), strictVendorMock(spec.vendor), spec.token, c);
	});
}
