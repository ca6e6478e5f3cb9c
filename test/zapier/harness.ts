/** Shared set-up for the Zapier adapter tests: env, app + tester per vendor, the platform's refresh loop. */
import * as zapier from 'zapier-platform-core';

import type { VendorDefinition, VendorId } from '../../shared/types';
import { vendorIds, vendors } from '../../shared/vendors';
import { buildApp, type VendorApp } from '../../zapier/app';
import { version } from '../../package.json';
import { MOCK_CLIENT } from '../mocks/vendor-mocks';

export const REDIRECT = 'https://zapier.com/dashboard/auth/oauth/return/App123CLIAPI/';
/** The registry's ids (shared/vendors/index.ts), never a list of its own. */
export const VENDOR_IDS: VendorId[] = vendorIds;
const OVERRIDES = ['AUTHORIZE_URL', 'TOKEN_URL', 'REFRESH_URL', 'REVOKE_URL', 'API_BASE_URL', 'REDIRECT_URI', 'TRUSTED_ORIGINS', 'REQUEST_TIMEOUT_MS'];

/** The integration's env as `zapier-platform env:set` would give it: the mock's client, no URL overrides. */
export function resetEnv(): void {
	process.env.CLIENT_ID = MOCK_CLIENT.clientId;
	process.env.CLIENT_SECRET = MOCK_CLIENT.clientSecret;
	for (const name of OVERRIDES) delete process.env[name];
}

type Bundle = Record<string, unknown>;
type Tester = (method: unknown, bundle?: Bundle) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Harness {
	vendor: VendorDefinition;
	app: VendorApp;
	run: Tester;
	oauth2: NonNullable<VendorApp['authentication']>['oauth2Config'] & Record<string, unknown>;
}

export function harness(id: VendorId): Harness {
	const vendor = vendors[id];
	const app = buildApp(vendor, { version });
	const tester = zapier.createAppTester(app) as unknown as Tester;
	const oauth2 = app.authentication?.oauth2Config as Harness['oauth2'];
	return { vendor, app, run: (method, bundle = {}) => tester(method, bundle), oauth2 };
}

/**
 * What Zapier's backend does and createAppTester does not (zapier.md §3.1c): on RefreshAuthError call
 * refreshAccessToken (with redirect_uri), merge the result into authData, replay the step once.
 * `refreshed` tells whether the loop ran.
 */
export async function runWithRefresh(h: Harness, method: unknown, bundle: { authData: Record<string, string>; inputData?: Bundle }) {
	try {
		return { result: await h.run(method, bundle), refreshed: false };
	} catch (error) {
		if ((error as Error).name !== 'RefreshAuthError') throw error;
		const fresh = (await h.run(h.oauth2.refreshAccessToken, { authData: bundle.authData, inputData: { redirect_uri: REDIRECT } })) as Record<string, string>;
		bundle.authData = { ...bundle.authData, ...fresh };
		return { result: await h.run(method, bundle), refreshed: true };
	}
}

/** The rejection of a promise that must fail. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure, got success');
}

/** Values that must never appear in an error. */
export const SECRETS = [MOCK_CLIENT.clientSecret];

export function expectNoSecrets(error: Error, extra: string[] = []): void {
	const text = `${error.message}\n${JSON.stringify(error)}`;
	for (const secret of [...SECRETS, ...extra]) expect(text).not.toContain(secret);
}
