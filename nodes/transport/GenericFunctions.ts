import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { adminBaseUrl, FIELD } from '../../credentials/common';
import { apiBaseUrl } from '../../shared/oauth/api';
import { forEachPage, type OperationRequest, UnexpectedAnswerError } from '../../shared/operations/request';
import type { OperationDefinition, VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { withCredentialResolvedOnce } from './connection';
import { authOf, credentialText, oAuth2OptionsFor, tokenDataOf } from './credentials';
import { envelopeError, toNodeApiError } from './errors';
import { notJson } from './failures';
import { sendWithOAuth2 } from './oauth2-signing';
import { connectionSecrets, redactText, scrubError } from './redaction';
import { buildOptions } from './request-options';
import { checkedApiBase, isRefusedTarget } from './targets';

/**
 * How a node talks to its vendor (n8n's GenericFunctions.ts): `vendorApiRequest` is the one call every
 * node, trigger, dropdown and Custom API Call makes. The concerns behind it have a module each:
 * credentials.ts (which credential, its OAuth2 options), request-options.ts (URL, headers, body),
 * targets.ts (the host rule), oauth2-signing.ts (signing and refresh), errors.ts + failures.ts (NodeApiError),
 * redaction.ts (no secret in any error), connection.ts (one credential resolution for a series of calls).
 * `vendorApiRequestAllItems` reads a catalogue list page by page (the paging itself is shared with Zapier:
 * forEachPage in shared/operations/request.ts).
 */

/** Every n8n context a vendor call is made from: node execution, dropdowns, polls, webhook setup and delivery. */
export type VendorRequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

/** One vendor call; a catalogue request (shared/operations/request.ts OperationRequest) is one as it is. */
export interface VendorRequest {
	method: IHttpRequestMethods;
	/** Relative to the vendor's API base (which may come from the token, e.g. Worksection account_url). */
	path: string;
	/** The path is relative to the API host's root instead (Wordapp /oauth/token/info beside /api/v1). */
	fromHostRoot?: boolean;
	qs?: IDataObject;
	body?: Record<string, unknown>;
	bodyFormat?: 'json' | 'form';
}

/**
 * The one way nodes call a vendor. Resolves the API base (token-derived, user override or default), puts the
 * token where the vendor wants it, adds mandatory headers, lets n8n sign/refresh/persist, and turns every
 * failure, including HTTP-200 error envelopes, into a NodeApiError with the vendor's message.
 */
export async function vendorApiRequest(
	this: VendorRequestContext,
	vendor: VendorDefinition,
	credentialType: string,
	request: VendorRequest,
): Promise<unknown> {
	const node = this.getNode();
	let response: unknown;
	let secrets: string[] = [];
	try {
		const auth = authOf(vendor, credentialType);
		const credentials = await this.getCredentials(credentialType);
		secrets = connectionSecrets(credentials);
		if (auth.kind === 'adminApiKey') {
			const options = buildOptions(vendor, adminBaseUrl(credentialText(credentials, FIELD.accountUrl), auth.basePath), request, credentials);
			response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options);
		} else if (auth.kind === 'personalToken' || auth.kind === 'password') {
			const options = buildOptions(vendor, apiBaseUrl(vendor, undefined, credentialText(credentials, FIELD.apiBaseUrl)), request, credentials);
			response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options);
		} else {
			const options = buildOptions(vendor, checkedApiBase(vendor, tokenDataOf(credentials), credentialText(credentials, FIELD.apiBaseUrl)), request, credentials);
			const oAuth2 = oAuth2OptionsFor(vendor, credentialType, credentials);
			response = await sendWithOAuth2.call(this, { vendor, credentialType, credentials, options, oAuth2 });
		}
	} catch (error) {
		// A refresh during the call may have saved new tokens: mask those too.
		secrets = [...secrets, ...connectionSecrets(await this.getCredentials(credentialType).catch(() => undefined))];
		if (isRefusedTarget(error)) throw scrubError(new NodeOperationError(node, redactText(error.message, secrets)), secrets);
		throw toNodeApiError(node, vendor, error, secrets);
	}
	const envelope = envelopeError(vendor, response);
	if (envelope) {
		throw toNodeApiError(node, vendor, { message: envelope.message ?? 'the request failed', httpCode: 200, vendorBody: envelope.body }, secrets);
	}
	// Every vendor API here answers JSON: an HTML page, cut-short or bare text, or an empty answer to a read is a failure.
	const empty = response === undefined || response === null || response === '';
	const shape = empty ? (request.method === 'GET' ? 'an empty body' : undefined) : notJson(response);
	if (shape) throw toNodeApiError(node, vendor, { message: `answered with ${shape}`, httpCode: 200, vendorBody: response }, secrets);
	return response;
}

/**
 * Every record of a catalogue list operation, page by page (n8n's `…ApiRequestAllItems`), handed to `onPage`
 * as each page arrives; `limit` records at most (undefined = all). All pages share one credential resolution
 * (connection.ts). An answer without the list the catalogue promises is a NodeApiError naming the vendor.
 */
export async function vendorApiRequestAllItems(
	this: VendorRequestContext,
	vendor: VendorDefinition,
	catalogue: VendorOperations,
	credentialType: string,
	operation: OperationDefinition,
	request: OperationRequest,
	limit: number | undefined,
	onPage: (records: Array<Record<string, unknown>>) => void,
): Promise<void> {
	const connection = withCredentialResolvedOnce(this, credentialType);
	const fetchPage = async (page: OperationRequest) => await vendorApiRequest.call(connection, vendor, credentialType, page);
	try {
		await forEachPage(catalogue, operation, request, fetchPage, limit, onPage);
	} catch (error) {
		// vendorApiRequest's failures are NodeApiErrors already; the catalogue's shape error becomes one here.
		throw error instanceof UnexpectedAnswerError ? toNodeApiError(this.getNode(), vendor, error) : error;
	}
}
