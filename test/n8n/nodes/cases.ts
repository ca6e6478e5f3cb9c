import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { VendorOperations } from '../../../shared/operations/types';
import type { StrictVendorMock } from '../../mocks/vendor-mocks';
import { jsonOf, type NodeRunner } from './node-runner';

/** One API call the operation must make, exactly (the strict mock rejects anything else). */
export interface ExpectedCall {
	method: string;
	path: string;
	query?: Record<string, string>;
	body?: object;
	reply: unknown;
	status?: number;
	headers?: Record<string, string>;
}

/** An operation run: node parameters in, exact calls out, exact output items back. */
export interface OperationCase {
	title: string;
	params: INodeParameters;
	calls: ExpectedCall[];
	output: IDataObject[];
}

/** Runs a case against a fresh strict mock: method, path, query, body and token placement are all checked. */
export async function runCase(runner: NodeRunner, mock: StrictVendorMock, token: string, c: OperationCase): Promise<void> {
	for (const call of c.calls) mock.expectApiCall({ ...call, token });
	const output = await runner.execute(c.params);
	mock.done();
	expect(jsonOf(output)).toEqual(c.output);
	// Every output is paired to the one input item.
	for (const item of output) expect(item.pairedItem).toEqual({ item: 0 });
}

/** Resource/operation pairs of a catalogue that no case exercises: must be empty. */
export function untested(catalogue: VendorOperations, cases: OperationCase[]): string[] {
	const seen = new Set(cases.map((c) => `${String(c.params.resource)}/${String(c.params.operation)}`));
	return catalogue.resources.flatMap((r) => r.operations.map((o) => `${r.value}/${o.value}`)).filter((key) => !seen.has(key));
}
