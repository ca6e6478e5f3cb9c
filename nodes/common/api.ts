import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	IDataObject,
} from 'n8n-workflow';

import type { OperationRequest } from '../../shared/operations/request';
import type { VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { vendorApiRequest } from '../shared/transport';

export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

/** The vendor plus its catalogue: everything a generated node needs. */
export interface VendorNodeSpec {
	vendor: VendorDefinition;
	catalogue: VendorOperations;
}

/** The credential type the user picked; every node and trigger has an `authentication` parameter. */
export function credentialTypeOf(this: ApiContext, spec: VendorNodeSpec, itemIndex = 0): string {
	const fallback = spec.vendor.n8nPrefix + 'OAuth2Api';
	// Poll, hook and webhook contexts take no item index.
	const value = 'getInputData' in this ? this.getNodeParameter('authentication', itemIndex, fallback) : (this as IPollFunctions).getNodeParameter('authentication', fallback);
	return typeof value === 'string' && value !== '' ? value : fallback;
}

/**
 * A path relative to the API host's root rather than the base (Wordapp /oauth/token/info beside /api/v1):
 * climbs out of the default base's path with `..`, so a sandbox or self-hosted prefix before it is kept.
 */
export function hostRootPath(vendor: VendorDefinition, path: string): string {
	const depth = new URL(vendor.api.baseUrl.url).pathname.split('/').filter((s) => s !== '').length;
	return '../'.repeat(depth) + path.replace(/^\/+/, '');
}

/**
 * Sends one catalogue request through the transport, which applies the credential, resolves the API base
 * and raises every vendor error (HTTP or in a 200 envelope) as a NodeApiError.
 */
export async function sendCatalogueRequest(this: ApiContext, spec: VendorNodeSpec, credentialType: string, request: OperationRequest): Promise<unknown> {
	const path = request.fromHostRoot ? hostRootPath(spec.vendor, request.path) : request.path;
	return await vendorApiRequest.call(this, spec.vendor, credentialType, {
		method: request.method,
		path,
		qs: request.qs,
		...(request.body !== undefined ? { body: request.body as IDataObject, bodyFormat: request.bodyFormat } : {}),
	});
}
