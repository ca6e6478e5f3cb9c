import type { Bundle, Create, HttpRequestOptions, ZObject } from 'zapier-platform-core';

import type { VendorDefinition } from '../../shared/types';
import { checkApiTarget } from '../urls';
import { asObject } from './results';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

function parseBody(z: ZObject, vendor: VendorDefinition, text: unknown): unknown {
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		throw new z.errors.Error(`${vendor.displayName}: the Body is not valid JSON`, 'invalid_input', 400);
	}
}

/**
 * "API Request": any call to the vendor's API with the connection's token, for endpoints no action covers.
 * It follows the one custom-call rule (shared/oauth/hosts.ts), as n8n's Custom API Call does: a path relative
 * to the API base, or a full URL on the connection's API origin; anything else is refused before sending.
 */
export function apiRequestCreate(vendor: VendorDefinition): Create {
	const base = vendor.api.baseUrl.url;
	const example = vendor.api.testRequest;
	const perform = async (z: ZObject, bundle: Bundle) => {
		const input = bundle.inputData;
		const method: Method = METHODS.includes(input.method as Method) ? (input.method as Method) : 'GET';
		const path = typeof input.path === 'string' ? input.path.trim() : '';
		const target = checkApiTarget(vendor, bundle.authData, path);
		if (!target.ok) {
			throw new z.errors.Error(`${vendor.displayName}: the Path was refused before sending: ${target.reason}`, 'invalid_input', 400);
		}
		const body = parseBody(z, vendor, input.body);
		const request: HttpRequestOptions & { url: string } = { method, url: target.url, params: (input.query as Record<string, string>) ?? {} };
		// the app's beforeRequest checks the URL again and adds the token
		if (body !== undefined && input.body_format === 'form') request.form = body;
		else if (body !== undefined) request.json = body;
		const response = await z.request(request);
		return asObject(response.data, response.status);
	};
	return {
		key: 'api_request',
		noun: 'API Request',
		display: {
			label: 'API Request',
			description: `Sends any request to the ${vendor.displayName} API with this connection, for endpoints no other action covers.`,
		},
		operation: {
			inputFields: [
				{ key: 'method', label: 'Method', required: true, choices: [...METHODS], default: 'GET' },
				{
					key: 'path',
					label: 'Path',
					required: false,
					helpText: `Relative to the API base ([${base}](${base})), e.g. \`${example.path || '/'}\`. A full URL must be on the API's own host; others are refused.`,
				},
				{ key: 'query', label: 'Query Parameters', required: false, dict: true },
				{ key: 'body', label: 'Body', required: false, type: 'text', helpText: 'JSON. Ignored for GET.' },
				{ key: 'body_format', label: 'Body Format', required: false, choices: { json: 'JSON', form: 'Form (x-www-form-urlencoded)' }, default: 'json' },
			],
			perform,
			sample: { id: 1 },
		},
	};
}
