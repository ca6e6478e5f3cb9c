import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * What `run` rejects with: a NodeApiError that carries the vendor's message (and its HTTP status where the
 * vendor sends one) and never the token.
 */
export async function expectNodeApiError(run: Promise<unknown>, expected: { message: string; httpCode?: string; token: string }): Promise<NodeApiError> {
	const error = await run.catch((e: unknown) => e);
	expect(error).toBeInstanceOf(NodeApiError);
	expect((error as NodeApiError).message).toContain(expected.message);
	if (expected.httpCode !== undefined) expect((error as NodeApiError).httpCode).toBe(expected.httpCode);
	expect(JSON.stringify(error)).not.toContain(expected.token);
	return error as NodeApiError;
}

/** continueOnFail over two items: the first failed with `message` and is paired to item 0, the second gave `json`. */
export function expectFailedThenDone(output: INodeExecutionData[], message: string, json: IDataObject): void {
	expect(output).toHaveLength(2);
	expect(output[0].pairedItem).toEqual({ item: 0 });
	expect(String(output[0].json.error)).toContain(message);
	expect(output[1]).toEqual({ json, pairedItem: { item: 1 } });
}
