import './env';

import type { ICredentialDataDecryptedObject, ICredentialTestRequest, IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Workflow } from 'n8n-workflow';
import { isExpression } from 'n8n-workflow';

import type { Engine } from './engine';

/**
 * What n8n's credential tester does with a type's `test` (n8n@2.41 credentials-tester.service.js → RoutingNode):
 * resolve the request's expressions with `$credentials`, send it through httpRequestWithAuthentication (so
 * preAuthentication and authenticate apply), then apply the `rules` to the response.
 */
export async function runCredentialTest(engine: Engine, type: string, credentialId: string): Promise<{ status: 'OK' | 'Error'; message?: string; response?: unknown }> {
	const test = engine.credentials.types.getByName(type).test as ICredentialTestRequest;
	return await engine.execute(type, credentialId, async function (this: IExecuteFunctions) {
		const credentials = await this.getCredentials(type);
		const resolve = (value: unknown): unknown => {
			if (typeof value === 'string' && isExpression(value)) {
				// the context's workflow: expressions resolve with n8n-workflow's engine, as in RoutingNode
				return (this as unknown as { workflow: Workflow }).workflow.expression.getSimpleParameterValue(
					this.getNode(),
					value,
					'internal',
					{ $credentials: credentials as ICredentialDataDecryptedObject },
					undefined,
					'',
				);
			}
			if (value && typeof value === 'object' && !Array.isArray(value)) {
				return Object.fromEntries(Object.entries(value as IDataObject).map(([k, v]) => [k, resolve(v)]));
			}
			return value;
		};
		const request = resolve({ ...test.request, url: test.request.url ?? '' }) as IHttpRequestOptions;
		let response: unknown;
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(this, type, { ...request, json: true });
		} catch (error) {
			return { status: 'Error', message: (error as Error).message };
		}
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseSuccessBody') {
				const body = response as Record<string, unknown>;
				if (body && body[rule.properties.key] === rule.properties.value) return { status: 'Error', message: rule.properties.message, response };
			}
		}
		return { status: 'OK', response };
	});
}
