import { sendJson } from '../http/respond';
import { emptyRecord } from '../own-keys';
import type { RequestContext } from '../router';
import type { SandboxState } from '../state';
import type { VendorId } from '../clients';

export interface TokenParams {
	params: Record<string, string>;
	/** Set when the body is not form-encoded, which every vendor's doc prescribes. */
	bodyProblem?: string;
}

/**
 * Token-endpoint parameters from the form body only: every one of the five docs specifies an
 * application/x-www-form-urlencoded POST body, so JSON or multipart bodies are refused and the query
 * string is not read (Weekdone's weekdone-token-query assumption adds it back in vendors/weekdone.ts).
 */
export function readTokenParams(ctx: RequestContext): TokenParams {
	const params = emptyRecord();
	const { kind } = ctx.body;
	if (kind !== 'empty' && kind !== 'form') {
		return { params, bodyProblem: `The token endpoint expects an application/x-www-form-urlencoded body (got ${ctx.body.mediaType || 'no content type'}).` };
	}
	Object.assign(params, ctx.body.fields);
	return { params };
}

export type TokenErrorShape = (error: string, description: string) => Record<string, unknown>;

export const rfcErrorShape: TokenErrorShape = (error, description) => ({ error, error_description: description });

export function sendTokenError(ctx: RequestContext, status: number, error: string, description: string, shape: TokenErrorShape = rfcErrorShape): void {
	// RFC 6749 §5.2: a 401 invalid_client answer carries WWW-Authenticate.
	const headers = status === 401 ? { 'WWW-Authenticate': 'Basic realm="oauth"' } : undefined;
	sendJson(ctx.res, status, shape(error, description), headers);
}

/** A required parameter, or undefined when absent or empty. */
export function param(params: Record<string, string>, ...names: string[]): string | undefined {
	for (const name of names) {
		const value = params[name];
		if (value !== undefined && value !== '') return value;
	}
	return undefined;
}

export type TokenFail = (status: number, error: string, description: string) => void;

/** Refuses a token request in the vendor's error shape and counts it (tokenRejected in /__sandbox/stats). */
export function tokenFailer(ctx: RequestContext, state: SandboxState, vendor: VendorId, shape: TokenErrorShape = rfcErrorShape): TokenFail {
	return (status, error, description) => {
		state.stats.bump(vendor, 'tokenRejected');
		sendTokenError(ctx, status, error, description, shape);
	};
}

/**
 * Opens a token request: the vendor's failer, and the form parameters, which are missing when a body that is
 * not form-encoded has already been refused (invalid_request, counted).
 */
export function openTokenRequest(
	ctx: RequestContext,
	state: SandboxState,
	vendor: VendorId,
	shape: TokenErrorShape = rfcErrorShape,
): { fail: TokenFail; params?: Record<string, string> } {
	const fail = tokenFailer(ctx, state, vendor, shape);
	const { params, bodyProblem } = readTokenParams(ctx);
	if (!bodyProblem) return { fail, params };
	fail(400, 'invalid_request', bodyProblem);
	return { fail };
}
