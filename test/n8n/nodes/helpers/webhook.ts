import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import type { StrictVendorMock } from '../../../mocks/vendor-mocks';
import type { NodeRunner } from '../node-runner';

/**
 * Activation as n8n does it: the default webhook's create() succeeds and makes exactly the registration
 * `registration` expects. The mock's catch-all is then removed, so that the test's next strict mock sees the
 * vendor traffic that follows.
 */
export async function activate<R extends NodeRunner>(runner: R, params: INodeParameters, registration: StrictVendorMock): Promise<R> {
	expect(await runner.hook('create', params)).toBe(true);
	registration.done();
	nock.cleanAll();
	return runner;
}

/** A delivery that fails the node's check is answered 401 directly and starts no execution. */
export async function expectRefusedDelivery(runner: NodeRunner, params: INodeParameters, delivery: { headers: Record<string, string>; body: unknown }): Promise<void> {
	const { result, response } = await runner.deliver(params, delivery);
	expect(response.status).toBe(401);
	expect(result).toEqual({ noWebhookResponse: true });
}
