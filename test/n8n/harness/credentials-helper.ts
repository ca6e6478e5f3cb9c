import './env';

import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { deepCopy, ICredentialsHelper, isExpression, NodeHelpers, Workflow } from 'n8n-workflow';

import { CredentialTypeRegistry } from './credential-types';

/**
 * The CLI's CredentialsHelper (n8n@2.41.1 dist/credentials-helper.js), minus the database and encryption:
 * credentials live in a map, in plain text. The parts that decide behaviour are kept line for line:
 * - getDecrypted/applyDefaultsAndOverwrites: pinned OAuth fields dropped when the type declares them hidden,
 *   CREDENTIALS_OVERWRITE_DATA-style overwrites filling empty fields, defaults via NodeHelpers.getNodeParameters,
 *   oauthTokenData re-attached, then every expression resolved by n8n-workflow's real expression engine with
 *   `$self` = the credential data and n8n-core's credential additional keys (`$executionId`, `$vars`, …).
 * - authenticate (generic with expressions, or the type's function), preAuthentication (expirable field,
 *   persistence of the output), runPreAuthentication, updateCredentialsOauthTokenData (replaces oauthTokenData only).
 * Every write is recorded so tests can assert what n8n would persist.
 */

// dcr-managed-fields.js OAUTH_PINNED_FIELDS
export const OAUTH_PINNED_FIELDS = ['useDynamicClientRegistration', 'authUrl', 'accessTokenUrl', 'grantType', 'authentication', 'usePkce', 'requestTokenUrl', 'signatureMethod'];

const mockNode: INode = { id: 'mock', name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };

const mockNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as never,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as never,
	getKnownTypes: () => ({}),
};

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export type PersistEvent =
	| { kind: 'oauthTokenData'; id: string; type: string; oauthTokenData: unknown }
	| { kind: 'update'; id: string; type: string; data: ICredentialDataDecryptedObject };

export class HarnessCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();
	readonly persisted: PersistEvent[] = [];
	/** Like CREDENTIALS_OVERWRITE_DATA: type → field values applied where the stored value is empty. */
	overwrites: Record<string, ICredentialDataDecryptedObject> = {};

	constructor(readonly types = new CredentialTypeRegistry()) {
		super();
	}

	add(credential: StoredCredential): INodeCredentialsDetails {
		this.store.set(credential.id, { ...credential, data: deepCopy(credential.data) });
		return { id: credential.id, name: credential.name };
	}

	stored(id: string): ICredentialDataDecryptedObject {
		const found = this.store.get(id);
		if (!found) throw new Error(`no credential ${id}`);
		return found.data;
	}

	getParentTypes(name: string): string[] {
		return this.types.getParentTypes(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string) {
		return this.types.getCredentialsProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: WorkflowType,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions & Record<string, unknown>;
		const type = this.types.getByName(typeName);
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, requestOptions);
		if (type.authenticate && type.authenticate.type === 'generic') {
			if (!workflow || !node) throw new Error('Workflow and node are required for declarative credential authentication');
			requestOptions.headers ??= {};
			for (const [outerKey, outerValue] of Object.entries(type.authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					const target = (requestOptions[outerKey] ??= {}) as Record<string, unknown>;
					target[this.resolveValue(key, credentials, workflow, node)] = this.resolveValue(value, credentials, workflow, node);
				}
			}
		}
		return requestOptions;
	}

	private resolveValue(value: string, credentials: ICredentialDataDecryptedObject, workflow: WorkflowType, node: INode): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.getByName(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (expirable?.name === undefined || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (!(credentials[expirable.name] === '' || credentialsExpired || isTestingCredentials)) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			const nodeCredentials = node.credentials[type.name];
			const storedData = this.stored(nodeCredentials.id as string);
			const dataToPersist = { ...storedData };
			for (const [key, value] of Object.entries(output)) {
				if (key === expirable.name || !isExpression(storedData[key])) dataToPersist[key] = value as ICredentialDataDecryptedObject[string];
			}
			await this.updateCredentials(nodeCredentials, type.name, dataToPersist);
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.getByName(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return ((await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const data = this.stored(nodeCredentials.id as string);
		return { id: nodeCredentials.id, name: nodeCredentials.name, type, getData: () => deepCopy(data) } as unknown as ICredentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const found = this.store.get(nodeCredentials.id as string);
		if (!found || found.type !== type) throw new Error(`credential ${String(nodeCredentials.id)} of type ${type} not found`);
		const original = deepCopy(found.data);
		if (raw === true) return original;
		return await this.applyDefaultsAndOverwrites(additionalData, original, type, mode);
	}

	async applyDefaultsAndOverwrites(
		additionalData: Partial<IWorkflowExecuteAdditionalData>,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);
		const storedData = { ...decryptedDataOriginal };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete storedData[field];
		}
		const withOverwrites = this.applyOverwrite(type, storedData);
		let decryptedData = NodeHelpers.getNodeParameters(properties, withOverwrites as INodeParameters, true, false, null, null) as ICredentialDataDecryptedObject;
		if (decryptedDataOriginal.oauthTokenData !== undefined) decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		const additionalKeys = getAdditionalKeys(additionalData as IWorkflowExecuteAdditionalData, mode, null, { isCredential: true });
		const workflow = new Workflow({ nodes: [mockNode], connections: {}, active: false, nodeTypes: mockNodeTypes });
		await workflow.expression.acquireIsolate();
		try {
			decryptedData = workflow.expression.getComplexParameterValue(
				mockNode,
				decryptedData as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decryptedData as INodeParameters,
			) as ICredentialDataDecryptedObject;
		} finally {
			await workflow.expression.releaseIsolate();
		}
		return decryptedData;
	}

	// credentials-overwrites.js applyOverwrite: fills only empty values
	private applyOverwrite(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const overwrites = this.overwrites[type];
		if (!overwrites) return data;
		const result = deepCopy(data);
		for (const [key, value] of Object.entries(overwrites)) {
			if (value === '') continue;
			if (result[key] === null || result[key] === undefined || result[key] === '') result[key] = value;
		}
		return result;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const found = this.store.get(nodeCredentials.id as string);
		if (!found) throw new Error('no credential to update');
		found.data = deepCopy(data);
		this.persisted.push({ kind: 'update', id: found.id, type, data: deepCopy(data) });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const found = this.store.get(nodeCredentials.id as string);
		if (!found) throw new Error('no credential to update');
		found.data = { ...found.data, oauthTokenData: deepCopy(data.oauthTokenData) } as ICredentialDataDecryptedObject;
		this.persisted.push({ kind: 'oauthTokenData', id: found.id, type, oauthTokenData: deepCopy(data.oauthTokenData) });
	}
}
