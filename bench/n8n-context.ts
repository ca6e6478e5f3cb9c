/**
 * Runs our built nodes (dist/) inside n8n-core 2.41's real ExecuteContext, with the test harness's
 * credential store (test/n8n/harness: the CLI's CredentialsHelper minus database and encryption), and counts
 * what the issue asks about: credential resolutions (getDecrypted) and pre-authentication calls.
 */
import '../test/n8n/harness/env';

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { ExecuteContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialType, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { harnessAdditionalData } from '../test/n8n/harness/additional-data';
import { CredentialTypeRegistry } from '../test/n8n/harness/credential-types';
import { HarnessCredentialsHelper } from '../test/n8n/harness/credentials-helper';
import { Engine } from '../test/n8n/harness/engine';
import { oneNodeWorkflow } from '../test/n8n/harness/one-node-workflow';
import { authorizationUrl, connect, N8N_CALLBACK_URL } from '../test/n8n/harness/oauth-flow';
import { sandboxOverwrites } from '../test/e2e/sandbox-overwrites';
import { SANDBOX_CLIENTS, type VendorId } from '../sandbox/clients';

export const ROOT = join(__dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');

/** The shipped credential classes (dist/credentials), instantiated. */
function distCredentialTypes(): ICredentialType[] {
	const dir = join(DIST, 'credentials');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.credentials.js'))
		.flatMap((f) => Object.values(require(join(dir, f)) as Record<string, new () => ICredentialType>).map((Ctor) => new Ctor()));
}

/** A shipped node type, by its folder name under dist/nodes. */
export function distNode(name: string): INodeType {
	const mod = require(join(DIST, 'nodes', name, `${name}.node.js`)) as Record<string, new () => INodeType>;
	return new (Object.values(mod)[0])();
}

export interface CredentialCounts {
	resolutions: number;
	preAuthentications: number;
}

/** The harness store over the shipped credential types, counting resolutions and pre-authentication calls. */
export class CountingCredentials extends HarnessCredentialsHelper {
	readonly counts: CredentialCounts = { resolutions: 0, preAuthentications: 0 };

	constructor(sandboxUrl: string) {
		super(new CredentialTypeRegistry(distCredentialTypes()));
		this.overwrites = sandboxOverwrites(sandboxUrl);
	}

	override async getDecrypted(...args: Parameters<HarnessCredentialsHelper['getDecrypted']>): Promise<ICredentialDataDecryptedObject> {
		this.counts.resolutions++;
		return await super.getDecrypted(...args);
	}

	override async runPreAuthentication(...args: Parameters<HarnessCredentialsHelper['runPreAuthentication']>) {
		this.counts.preAuthentications++;
		return await super.runPreAuthentication(...args);
	}

	override async preAuthentication(...args: Parameters<HarnessCredentialsHelper['preAuthentication']>) {
		this.counts.preAuthentications++;
		return await super.preAuthentication(...args);
	}

	resetCounts(): void {
		this.counts.resolutions = 0;
		this.counts.preAuthentications = 0;
	}
}

/** Connects an authorization-code credential through the sandbox's consent (auto-approved) and n8n's callback steps. */
export async function connectOAuth2(credentials: CountingCredentials, vendor: VendorId, type: string): Promise<string> {
	// Engine's own store would load credentials/*.ts; this one holds the shipped types.
	const engine = Object.assign(Object.create(Engine.prototype) as Engine, { credentials });
	const id = `${type}-1`;
	const client = SANDBOX_CLIENTS[vendor];
	credentials.add({ id, name: `${type} account`, type, data: { clientId: client.clientId, clientSecret: client.clientSecret, redirectUri: N8N_CALLBACK_URL } });
	const res = await fetch((await authorizationUrl(engine, id)).toString(), { redirect: 'manual' });
	const code = new URL(res.headers.get('location') ?? '').searchParams.get('code');
	if (!code) throw new Error(`${vendor}: the sandbox gave no authorization code (HTTP ${res.status})`);
	await connect(engine, id, code);
	return id;
}

/** One execution of `nodeType` with `parameters`, the way the CLI builds an ExecuteContext for a manual run. */
export async function executeNode(
	credentials: HarnessCredentialsHelper,
	nodeType: INodeType,
	credential: { type: string; id: string },
	parameters: INodeParameters,
): Promise<INodeExecutionData[]> {
	const { workflow, node } = oneNodeWorkflow(
		nodeType,
		{
			id: 'bench-node',
			name: 'Node',
			parameters: { authentication: credential.type, ...parameters },
			credentials: { [credential.type]: { id: credential.id, name: `${credential.type} account` } },
		},
		{ id: 'wf-bench', name: 'bench' },
	);
	const additionalData = harnessAdditionalData(credentials, '2001');
	const items = [{ json: {} }];
	const context = new ExecuteContext(workflow, node, additionalData, 'manual', createRunExecutionData(), 0, items, { main: [items] }, { node, data: { main: [items] }, source: null }, []);
	const output = await (nodeType.execute as (this: ExecuteContext) => Promise<INodeExecutionData[][]>).call(context);
	return output[0];
}
