import { readdirSync } from 'fs';
import { join } from 'path';

import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { OAuth2Api } from './oauth2-api';

export const CREDENTIALS_DIR = join(__dirname, '..', '..', '..', 'credentials');

/** Every credential class in credentials/*.credentials.ts, instantiated, keyed by type name. */
export function loadPackageCredentials(): Map<string, { file: string; className: string; type: ICredentialType }> {
	const found = new Map<string, { file: string; className: string; type: ICredentialType }>();
	for (const file of readdirSync(CREDENTIALS_DIR).filter((f) => f.endsWith('.credentials.ts')).sort()) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(join(CREDENTIALS_DIR, file)) as Record<string, new () => ICredentialType>;
		for (const [className, Ctor] of Object.entries(mod)) {
			const type = new Ctor();
			found.set(type.name, { file, className, type });
		}
	}
	return found;
}

/**
 * n8n's credential type registry as the CLI sees it (n8n@2.41 credential-types.js / credentials-helper.js
 * getCredentialsProperties): parents resolved through `extends`, child properties merged over the parent's
 * with NodeHelpers.mergeNodeProperties (same name replaces, doNotInherit skipped), and `oauthTokenData`
 * added for the OAuth base types.
 */
export class CredentialTypeRegistry {
	private readonly types = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[] = [...loadPackageCredentials().values()].map((c) => c.type)) {
		this.types.set('oAuth2Api', new OAuth2Api());
		for (const type of types) this.types.set(type.name, type);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`unknown credential type ${name}`);
		return type;
	}

	names(): string[] {
		return [...this.types.keys()].filter((n) => n !== 'oAuth2Api');
	}

	getParentTypes(name: string): string[] {
		const parents = this.getByName(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	getCredentialsProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (type.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(name)) {
				return [...type.properties, { displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} }];
			}
			return type.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}
