/**
 * Sends a catalogue request through z.request. URLs stay relative to the API base: the app's beforeRequest
 * resolves them against the connection (Worksection account host, API_BASE_URL) and applies the token, and
 * its afterResponse raises HTTP errors and 200 error envelopes with the vendor's message. Nothing of that is
 * repeated here.
 */
import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';

import { type OperationRequest, UnexpectedAnswerError } from '../../shared/operations/request';
import type { VendorDefinition } from '../../shared/types';
import { connectionApiBase } from '../urls';

/**
 * A path beside the API base rather than under it (Wordapp /oauth/token/info next to /api/v1): climbs out of
 * the default base's own path, so a prefix in front of it (a sandbox, API_BASE_URL) is kept.
 */
export function hostRootUrl(vendor: VendorDefinition, bundle: Bundle, path: string): string {
	const depth = new URL(vendor.api.baseUrl.url).pathname.split('/').filter((s) => s !== '').length;
	const base = `${connectionApiBase(vendor, bundle.authData)}/`;
	return new URL('../'.repeat(depth) + path.replace(/^\/+/, ''), base).toString();
}

export async function sendOperationRequest(z: ZObject, bundle: Bundle, vendor: VendorDefinition, request: OperationRequest): Promise<unknown> {
	const options: HttpRequestOptions & { url: string } = {
		method: request.method,
		url: request.fromHostRoot ? hostRootUrl(vendor, bundle, request.path) : request.path,
		params: request.qs,
	};
	if (request.body !== undefined) {
		if (request.bodyFormat === 'form') options.form = request.body;
		else options.json = request.body;
	}
	const response = await z.request(options);
	return response.data;
}

/** The HTTP status the afterResponse middleware put into a vendor error (z.errors.Error carries it as JSON). */
export function errorStatus(error: unknown): number | undefined {
	if (!(error instanceof Error)) return undefined;
	try {
		const parsed = JSON.parse(error.message) as { status?: unknown };
		return typeof parsed.status === 'number' ? parsed.status : undefined;
	} catch {
		return undefined;
	}
}

/** A catalogue input error (a required input missing, invalid JSON) as the user's mistake, not a crash. */
export function inputError(z: ZObject, vendor: VendorDefinition, error: unknown): Error {
	const message = error instanceof Error ? error.message : String(error);
	return new z.errors.Error(`${vendor.displayName}: ${message}`, 'invalid_input', 400);
}

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

/**
 * The operation with its perform (and performList) raising a list answer that holds no list (shared
 * extractRecords: UnexpectedAnswerError) as the vendor's error, like an HTTP error from the middleware,
 * instead of an error without the vendor's name.
 */
export function withAnswerErrors<T extends { operation: object }>(vendor: VendorDefinition, op: T): T {
	const operation: Record<string, unknown> = { ...op.operation };
	for (const key of ['perform', 'performList']) {
		const run = operation[key];
		if (typeof run !== 'function') continue;
		operation[key] = async (z: ZObject, bundle: Bundle) => {
			try {
				return await (run as Perform)(z, bundle);
			} catch (error) {
				if (error instanceof UnexpectedAnswerError) throw new z.errors.Error(`${vendor.displayName}: ${error.message}`, 'api_error', 502);
				throw error;
			}
		};
	}
	return { ...op, operation };
}
