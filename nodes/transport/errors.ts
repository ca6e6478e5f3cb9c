import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { N8N_REQUEST_TIMEOUT_MS } from '../../credentials/common';
import { readErrorEnvelope } from '../../shared/error-envelope';
import type { VendorDefinition } from '../../shared/types';
import { readVendorMessage } from '../../shared/vendor-message';
import { causeChain, failureCause } from './failures';
import { redactText, scrubError } from './redaction';

/**
 * Every failed vendor call as n8n shows it: a NodeApiError whose message names the vendor, the HTTP status
 * and the cause, with the vendor's own words in the description, and no secret of the connection in it.
 */

/** The HTTP status of a failed call, wherever in n8n's wrapped error chain it sits. */
export function statusOf(error: unknown): number | undefined {
	for (const e of causeChain(error)) {
		const response = e.response as Record<string, unknown> | undefined;
		for (const candidate of [e.httpCode, response?.status, response?.statusCode, e.statusCode]) {
			const n = Number(candidate);
			if (candidate !== undefined && candidate !== null && Number.isInteger(n) && n >= 100) return n;
		}
	}
	return undefined;
}

function responseBodyOf(error: unknown): unknown {
	for (const e of causeChain(error)) {
		const response = e.response as Record<string, unknown> | undefined;
		if (response && 'data' in response) return response.data;
		if (response && 'body' in response) return response.body;
		const context = e.context as Record<string, unknown> | undefined;
		if (context && context.data !== undefined) return context.data;
		if (e.vendorBody !== undefined) return e.vendorBody;
	}
	return undefined;
}

/** The shared lifecycle's error (password grant, token parsing), already worded and redacted, if in the chain. */
function lifecycleMessage(error: unknown, vendor: VendorDefinition): string | undefined {
	for (const e of causeChain(error)) {
		if (e.name === 'VendorAuthError' && typeof e.message === 'string') return e.message.replace(`${vendor.displayName}: `, '');
	}
	return undefined;
}

/** Errors this module already built; converting them again would lose nothing but adds a layer. */
const normalised = new WeakSet<object>();

/**
 * A NodeApiError carrying the vendor's message and the HTTP status. Built from a fresh, minimal object: the
 * original error (with request headers, URLs and bodies that hold tokens) is never attached, and the text
 * is passed through the shared redaction.
 */
export function toNodeApiError(node: INode, vendor: VendorDefinition, error: unknown, secrets: readonly string[] = []): NodeApiError {
	if (error && typeof error === 'object' && normalised.has(error)) return scrubError(error as NodeApiError, secrets);
	const status = statusOf(error);
	const body = responseBodyOf(error);
	const envelope = readErrorEnvelope(vendor.api.errorEnvelopes, body);
	// The vendor's own words: one reader with the Zapier middleware (shared/vendor-message.ts).
	const fromVendor = envelope?.message ?? readVendorMessage(body) ?? lifecycleMessage(error, vendor);
	const cause = failureCause(error, status, body, N8N_REQUEST_TIMEOUT_MS);
	const own = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
	// The connection's own secret values are masked, not only token-looking fields (shared/oauth/redact.ts).
	const what = redactText(cause && fromVendor ? `${cause}: ${fromVendor}` : (fromVendor ?? cause ?? own), secrets).slice(0, 300);
	let hint = '';
	if (status === vendor.api.expiredTokenStatus) {
		hint = vendor.oauth2.refresh
			? ' Check or reconnect the credential.'
			: ` ${vendor.displayName} tokens do not expire and cannot be refreshed: check the token, or reconnect the credential if access was revoked.`;
	}
	const message = `${vendor.displayName}${status ? ` (HTTP ${status})` : ''}: ${what}`;
	const vendorCode = envelope?.code;
	const description = `${fromVendor ? `${vendor.displayName} answered: ${what}.` : what}${vendorCode !== undefined ? ` Vendor code ${String(vendorCode)}.` : ''}${hint}`;
	const apiError = new NodeApiError(node, { message, ...(status ? { httpCode: String(status) } : {}) } as JsonObject, {
		message,
		description,
		...(status ? { httpCode: String(status) } : {}),
	});
	// n8n swaps a message that mentions a Node error code (ECONNREFUSED, EACCES, …) for a generic one without the vendor.
	apiError.message = message;
	normalised.add(scrubError(apiError, secrets));
	return apiError;
}

/** An error the vendor answers with HTTP 200, as its definition's `api.errorEnvelopes` describe it. */
export function envelopeError(vendor: VendorDefinition, response: unknown): { message?: string; body: unknown } | undefined {
	const found = readErrorEnvelope(vendor.api.errorEnvelopes, response);
	return found ? { message: found.message ?? readVendorMessage(response), body: response } : undefined;
}
