import type { VendorId } from '../clients';
import { redirect, sendHtml, sendText } from '../http/respond';
import type { Handler, RequestContext } from '../router';
import type { SandboxState } from '../state';
import { renderConsentPage } from './consent-page';
import { isRegisteredRedirectUri, withQuery } from './redirect-uris';

export interface AuthorizeError {
	error: string;
	description: string;
}

export interface AuthorizeSpec {
	vendor: VendorId;
	vendorName: string;
	/** Name of the redirect parameter (Worktual documents `Redirect_url`). */
	redirectParam: string;
	/** Vendor checks run once client and redirect URI are trusted; errors go back to the client. */
	validate?: (query: URLSearchParams) => AuthorizeError | undefined;
	/** Scope granted to the code (already validated). */
	scope?: (query: URLSearchParams) => string[];
	/** Skip the screen for a client the user already approved (Wordapp documents this). */
	remembersApproval?: (state: SandboxState) => Set<string>;
	/** A vendor rule on the (registered) redirect URI itself; the returned text is shown as a plain 400. */
	checkRedirect?: (uri: URL, ctx: RequestContext) => string | undefined;
}

/**
 * Shared authorize endpoint. Unknown client or unregistered redirect URI: plain-text 400,
 * never a redirect (Weekdone documents this; it is also RFC 6749 §4.1.2.1). Every other
 * problem is sent back to the redirect URI as `error=...&state=...`.
 */
export function authorizeHandler(state: SandboxState, spec: AuthorizeSpec): Handler {
	return (ctx: RequestContext) => {
		const { query } = ctx;
		state.stats.bump(spec.vendor, 'authorizeRequests');
		const client = state.options.clients[spec.vendor];
		const clientId = query.get('client_id');
		if (!clientId) return sendText(ctx.res, 400, 'Error: missing required parameter client_id.');
		if (clientId !== client.clientId) return sendText(ctx.res, 400, `Error: client_id "${clientId}" does not match any registered application.`);
		const redirectUri = query.get(spec.redirectParam);
		if (!redirectUri) return sendText(ctx.res, 400, `Error: missing required parameter ${spec.redirectParam}.`);
		if (!isRegisteredRedirectUri(client, redirectUri)) {
			return sendText(ctx.res, 400, `Error: ${spec.redirectParam} "${redirectUri}" does not match the Redirect URL registered for this application.`);
		}
		const redirectProblem = spec.checkRedirect?.(new URL(redirectUri), ctx);
		if (redirectProblem) return sendText(ctx.res, 400, `Error: ${redirectProblem}`);
		const clientState = query.get('state') ?? undefined;
		const fail = (error: AuthorizeError) =>
			redirect(ctx.res, withQuery(redirectUri, { error: error.error, error_description: error.description, state: clientState }));

		const responseType = query.get('response_type');
		if (!responseType) return fail({ error: 'invalid_request', description: 'Missing required parameter response_type.' });
		if (responseType !== 'code') return fail({ error: 'unsupported_response_type', description: 'response_type must be "code".' });
		const problem = spec.validate?.(query);
		if (problem) return fail(problem);
		const scope = spec.scope?.(query) ?? [];

		const approve = () => {
			const code = state.codes.create({ vendor: spec.vendor, clientId, redirectUri, scope, userId: state.me(spec.vendor) });
			state.stats.bump(spec.vendor, 'codesIssued');
			spec.remembersApproval?.(state).add(clientId);
			redirect(ctx.res, withQuery(redirectUri, { code: code.code, state: clientState }));
		};

		if (ctx.method === 'POST') {
			const decision = ctx.body.fields.decision;
			if (decision === 'approve') return approve();
			if (decision === 'deny') {
				state.stats.bump(spec.vendor, 'consentDenied');
				return fail({ error: 'access_denied', description: 'The resource owner denied the request.' });
			}
			return sendText(ctx.res, 400, 'Error: decision must be "approve" or "deny".');
		}
		if (state.options.autoApprove || spec.remembersApproval?.(state).has(clientId)) return approve();
		sendHtml(
			ctx.res,
			200,
			renderConsentPage({
				vendorName: spec.vendorName,
				clientId,
				scope,
				redirectUri,
				action: `${ctx.path}?${ctx.rawQuery}`,
			}),
		);
	};
}

/** Splits a scope parameter on spaces (and commas when allowed), dropping empties. */
export function splitScope(value: string | null, allowComma: boolean): string[] {
	if (!value) return [];
	return value.split(allowComma ? /[\s,]+/ : /\s+/).filter((s) => s.length > 0);
}
