import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { N8N_REQUEST_TIMEOUT_MS } from '../../credentials/common';
import { mandatoryHeaders } from '../../shared/oauth/api';
import { encodeForm, FORM_CONTENT_TYPE } from '../../shared/oauth/http';
import type { VendorDefinition } from '../../shared/types';
import { credentialText } from './credentials';
import type { VendorRequest } from './GenericFunctions';
import { requestUrl } from './targets';

/**
 * The n8n request options of one vendor call, before any token is applied: the URL under the API base
 * (checked by targets.ts), the vendor's mandatory headers, the query and the JSON or form body.
 */

/**
 * A path relative to the API host's root rather than the base (Wordapp /oauth/token/info beside /api/v1):
 * climbs out of the default base's path with `..`, so a sandbox or self-hosted prefix before it is kept.
 */
export function hostRootPath(vendor: VendorDefinition, path: string): string {
	const depth = new URL(vendor.api.baseUrl.url).pathname.split('/').filter((s) => s !== '').length;
	return '../'.repeat(depth) + path.replace(/^\/+/, '');
}

/** Resolves `..` segments (paths beside the API base, e.g. Wordapp's /oauth/token/info), so hosts see a clean path. */
function normaliseUrl(url: string): string {
	if (!/^https?:\/\//i.test(url) || !/\/\.\.?(\/|$|\?)/.test(url)) return url;
	return new URL(url).toString();
}

export function buildOptions(vendor: VendorDefinition, base: string, request: VendorRequest, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const path = request.fromHostRoot ? hostRootPath(vendor, request.path) : request.path;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: normaliseUrl(requestUrl(vendor, base, path)),
		// an editable header (Wordapp X-Api-Version) takes the credential's value when one is set
		headers: { Accept: 'application/json', ...mandatoryHeaders(vendor, (header) => credentialText(credentials, header.credentialField)) },
		qs: { ...(request.qs ?? {}) },
		json: true,
		timeout: N8N_REQUEST_TIMEOUT_MS,
		// n8n would copy the Authorization header onto a redirect to another origin (its default, kept for old nodes).
		sendCredentialsOnCrossOriginRedirect: false,
	};
	if (request.body !== undefined) {
		if (request.bodyFormat === 'form') {
			const fields: Record<string, string> = {};
			for (const [key, value] of Object.entries(request.body)) {
				if (value !== undefined && value !== null) fields[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
			}
			options.body = encodeForm(fields);
			options.headers = { ...options.headers, 'Content-Type': FORM_CONTENT_TYPE };
		} else {
			options.body = request.body;
		}
	}
	return options;
}
