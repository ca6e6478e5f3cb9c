/** Shared bits of the operations-*.test.ts files: connection data per vendor and running app operations. */
import type { VendorId } from '../../shared/types';
import { strictVendorMock, type StrictVendorMock } from '../mocks/vendor-mocks';
import { failure, harness, type Harness } from './harness';

export const ACCOUNT_URL = 'https://acme.worksection.com';

/** authData as Zapier would hold it after connecting (kept token fields included). */
export function connection(id: VendorId, accessToken: string): Record<string, string> {
	const data: Record<string, string> = { access_token: accessToken };
	if (id !== 'worktual') data.refresh_token = 'refresh-0';
	if (id === 'weekdone') data.user = JSON.stringify({ id: 42, name: 'Test User', email: 'user@example.com' });
	if (id === 'worksection') data.account_url = ACCOUNT_URL;
	return data;
}

/** An API call the strict mock expects; the connection's token is added by `operations`. */
export type ApiCall = Omit<Parameters<StrictVendorMock['expectApiCall']>[0], 'token'>;

type Bundle = { inputData?: Record<string, unknown>; meta?: Record<string, unknown>; [key: string]: unknown };

/** Runs operations of one vendor's app with that vendor's connection. */
export function operations(id: VendorId, accessToken = 'access-9') {
	const h: Harness = harness(id);
	const run = (perform: unknown, bundle: Bundle = {}) => h.run(perform, { authData: connection(id, accessToken), ...bundle });
	/** A strict mock of this vendor expecting exactly `calls`, in order, each with this connection's token. */
	const expectCalls = (calls: ApiCall[]) => calls.reduce((mock, call) => mock.expectApiCall({ ...call, token: accessToken }), strictVendorMock(id));
	return {
		h,
		token: accessToken,
		create: (key: string, bundle?: Bundle) => run(h.app.creates[key].operation.perform, bundle),
		search: (key: string, bundle?: Bundle) => run(h.app.searches[key].operation.perform, bundle),
		// hook-to-poll operations have no perform; ours are polling or hook triggers
		poll: (key: string, bundle?: Bundle) => run((h.app.triggers[key].operation as { perform: unknown }).perform, bundle),
		run,
		/** Runs `steps` against a strict mock expecting exactly `calls`, then asserts each was made and none was rejected. */
		async answers<T>(calls: ApiCall[], steps: () => Promise<T>): Promise<{ result: T; mock: StrictVendorMock }> {
			const mock = expectCalls(calls);
			const result = await steps();
			mock.done();
			return { result, mock };
		},
		/** The same for steps that must fail: their error, once every expected call was made and none was rejected. */
		async fails(calls: ApiCall[], steps: () => Promise<unknown>): Promise<{ error: Error; mock: StrictVendorMock }> {
			const mock = expectCalls(calls);
			const error = await failure(steps());
			mock.done();
			return { error, mock };
		},
	};
}

/** The inputFields of an operation, by key. */
export function inputsOf(operation: { operation: { inputFields?: unknown[] } }): Record<string, Record<string, unknown>> {
	const fields = (operation.operation.inputFields ?? []) as Array<Record<string, unknown>>;
	return Object.fromEntries(fields.map((f) => [String(f.key), f]));
}
