import './env';

import { existsSync } from 'fs';
import { join } from 'path';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Engine } from './engine';
import { N8N_CALLBACK_URL } from './oauth-flow';

/**
 * The n8n CLI's own OAuth2 callback controller and auth-URI builder, loaded from the pinned e2e runtime
 * (test/e2e/runtime, n8n 2.41.1, installed by scripts/n8n-runtime.sh) when it is there. Only their
 * collaborators are stubbed (credential lookup, CSRF state, persistence, rendering). Lets the tests check
 * that oauth-flow.ts's emulation sends byte for byte what n8n itself sends.
 */
const RUNTIME_DIST = join(__dirname, '..', '..', 'e2e', 'runtime', 'node_modules', 'n8n', 'dist');

type AnyRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RealN8n {
	/** The CLI's CredentialsHelper.applyDefaultsAndOverwrites on a credential (executionId undefined = no execution). */
	resolve(engine: Engine, credentialId: string, executionId: string | undefined, mode: string): Promise<ICredentialDataDecryptedObject>;
	authorizationUrl(engine: Engine, credentialId: string): Promise<URL>;
	connect(engine: Engine, credentialId: string, code: string): Promise<{ saved?: AnyRecord; error?: string }>;
}

/** Locally these tests are skipped without the runtime; in CI (which installs it first) a missing runtime is a failure. */
function unavailable(reason: string): undefined {
	if (process.env.CI === 'true') throw new Error(`real n8n unavailable in CI: ${reason}`);
	return undefined;
}

export function loadRealN8n(): RealN8n | undefined {
	const controllerFile = join(RUNTIME_DIST, 'controllers', 'oauth', 'oauth2-credential.controller.js');
	const serviceFile = join(RUNTIME_DIST, 'oauth', 'oauth.service.js');
	if (!existsSync(controllerFile) || !existsSync(serviceFile)) return unavailable('test/e2e/runtime is not installed (bash scripts/n8n-runtime.sh)');
	let Controller: new (...args: unknown[]) => AnyRecord;
	let Service: { prototype: AnyRecord };
	let Helper: { prototype: AnyRecord };
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		Helper = require(join(RUNTIME_DIST, 'credentials-helper.js')).CredentialsHelper;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		Controller = require(controllerFile).OAuth2CredentialController;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		Service = require(serviceFile).OauthService;
	} catch (error) {
		return unavailable(`n8n's OAuth controller did not load: ${error instanceof Error ? error.message : String(error)}`);
	}
	const baseUrl = N8N_CALLBACK_URL.replace(/\/callback$/, '');
	const quiet = { debug() {}, error() {}, warn() {}, info() {} };

	return {
		async resolve(engine, credentialId, executionId, mode) {
			const stored = engine.credentials.store.get(credentialId)!;
			const helper = Object.create(Helper.prototype) as AnyRecord;
			Object.assign(helper, {
				credentialTypes: engine.credentials.types,
				credentialsOverwrites: { applyOverwrite: (_type: string, data: AnyRecord) => data },
			});
			const additionalData = { executionId, variables: {}, webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting', formWaitingBaseUrl: 'http://localhost:5678/form-waiting' };
			return await helper.applyDefaultsAndOverwrites(additionalData, { ...stored.data }, stored.type, mode);
		},

		async authorizationUrl(engine, credentialId) {
			const resolved = await engine.resolvedForOAuthFlow(credentialId);
			const service = Object.create(Service.prototype) as AnyRecord;
			Object.assign(service, {
				logger: quiet,
				externalHooks: { run: async () => {} },
				browserBindingService: { isEnabled: () => false },
				getOAuthCredentials: async () => ({ ...resolved }),
				getBaseUrl: () => baseUrl,
				createCsrfState: async () => ['csrf-secret', 'STATE', 'state-token'],
				storeOauthFlowState: async () => {},
				encryptAndSaveData: async () => {},
			});
			const uri: string = await service.generateAOauth2AuthUri({ id: credentialId, type: engine.credentials.store.get(credentialId)!.type }, {});
			return new URL(uri);
		},

		async connect(engine, credentialId, code) {
			const stored = engine.credentials.stored(credentialId);
			const resolved = await engine.resolvedForOAuthFlow(credentialId);
			const result: { saved?: AnyRecord; error?: string } = {};
			const oauthService = {
				resolveCredential: async () => [
					{ id: credentialId, type: engine.credentials.store.get(credentialId)!.type },
					{ ...stored },
					{ ...resolved },
					{ token: 'state-token', origin: 'static-credential' },
					{ csrfSecret: 'csrf-secret' },
				],
				getBaseUrl: () => baseUrl,
				getSsrfBridge: () => undefined,
				encryptAndSaveData: async (_credential: unknown, data: AnyRecord) => {
					result.saved = data;
					const entry = engine.credentials.store.get(credentialId)!;
					entry.data = { ...entry.data, ...data } as ICredentialDataDecryptedObject;
				},
				renderCallbackError: (_res: unknown, message: string, reason?: string) => {
					result.error = `${message}${reason ? ` (${reason})` : ''}`;
				},
				extractCallbackErrorReason: () => undefined,
			};
			const controller = new Controller(oauthService, quiet, { run: async () => {} }, {}, { emit() {} }, {});
			const query = { code, state: 'STATE' };
			await controller.handleCallback({ query, originalUrl: `/rest/oauth2-credential/callback?${new URLSearchParams(query)}` }, { render: () => {} });
			return result;
		},
	};
}
