import type { ICredentialDataDecryptedObject, IHttpRequestOptions, IOAuth2Options } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { tokenAuthParts } from '../../shared/oauth/api';
import type { TokenPlacement, VendorDefinition } from '../../shared/types';
import { accessTokenOf, tokenDataOf } from './credentials';
import { statusOf, toNodeApiError } from './errors';
import { causeChain } from './failures';
import type { VendorRequestContext } from './GenericFunctions';

/**
 * Sending with an OAuth2 credential: n8n signs, refreshes and persists where it can place the token; where
 * it cannot (Weekdone's ?token=) the call places the token itself and renews through n8n. Either way a
 * refresh n8n reports as refused because another run rotated the token first is retried once with the
 * token that run saved.
 */

/** One OAuth2 call: the credential as this call read it and the request options before signing. */
export interface OAuth2Call {
	vendor: VendorDefinition;
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
	options: IHttpRequestOptions;
	oAuth2: IOAuth2Options;
}

/** Whether n8n's own OAuth2 signing (an Authorization header, Bearer or raw) can place the token. */
function n8nCanSign(placement: TokenPlacement): boolean {
	return placement.in === 'header' && placement.name.toLowerCase() === 'authorization' && ['', 'bearer '].includes(placement.prefix.toLowerCase());
}

/**
 * Whether the error says the vendor refused a refresh (invalid_grant): n8n 2.x wraps it as "The credential …
 * needs to be reconnected" (failure cause `credential-invalid`), older n8n passes the OAuth AuthError through.
 * See packages/core/src/execution-engine/node-execution-context/utils/request-helpers/oauth.ts in
 * https://github.com/n8n-io/n8n (buildOAuth2ReconnectError, isRevokedOAuth2GrantError).
 */
function isRefreshRejected(error: unknown): boolean {
	for (const e of causeChain(error)) {
		const failure = e.failure as Record<string, unknown> | undefined;
		if (failure?.cause === 'credential-invalid') return true;
		const body = e.body as Record<string, unknown> | undefined;
		if (body && typeof body === 'object' && body.error === 'invalid_grant') return true;
	}
	return false;
}

/**
 * The access token saved for this credential now, read again through n8n (getCredentials reads the store),
 * or undefined when it is the one that was already used (nothing newer to retry with).
 */
async function newerSavedToken(this: VendorRequestContext, call: OAuth2Call, used: string | undefined): Promise<string | undefined> {
	const saved = accessTokenOf(tokenDataOf(await this.getCredentials(call.credentialType)), call.oAuth2.property);
	return saved && saved !== used ? saved : undefined;
}

/**
 * After a refused refresh: the token another process saved meanwhile (it rotated the refresh token first,
 * so the credential is not broken), or the refusal itself as a NodeApiError when there is none.
 */
async function tokenSavedByAnotherRun(this: VendorRequestContext, call: OAuth2Call, refusal: unknown): Promise<string> {
	const used = accessTokenOf(tokenDataOf(call.credentials), call.oAuth2.property);
	const saved = isRefreshRejected(refusal) ? await newerSavedToken.call(this, call, used) : undefined;
	if (!saved) throw toNodeApiError(this.getNode(), call.vendor, refusal);
	return saved;
}

/**
 * A view of the node context whose getCredentials answers with the credential as this call read it.
 * n8n's refreshOAuth2Token reads the credential through the context it is called on, and inside its refresh
 * lock skips the network refresh when the saved access token differs from that one. Handing it the token
 * the rejected request carried (not a fresher read) closes the window in which a refresh saved by another
 * run lands between our re-read and n8n's: without this, two runs could each refresh once.
 * (refreshOAuth2Token / refreshOrFetchToken in n8n-core's request-helpers/oauth.ts, https://github.com/n8n-io/n8n)
 */
function pinnedCredentials(context: VendorRequestContext, credentialType: string, credentials: ICredentialDataDecryptedObject): VendorRequestContext {
	const pinned = Object.create(context) as VendorRequestContext;
	const asSent = async (type: string) => (type === credentialType ? { ...credentials } : await context.getCredentials(type));
	Object.defineProperty(pinned, 'getCredentials', { value: asSent });
	return pinned;
}

/**
 * For token placements n8n cannot sign (Weekdone's ?token=): the call carries the current token itself and
 * runs with n8n's refresh disabled (n8n would re-sign only its own header). On the vendor's expired status
 * it uses a token another run saved meanwhile, or renews through n8n's refreshOAuth2Token (persisted, under
 * n8n's refresh lock, compared with the token this call sent), and retries once. n8n still adds its Bearer
 * header; the vendor ignores it.
 */
async function sendWithOwnPlacement(this: VendorRequestContext, call: OAuth2Call): Promise<unknown> {
	const { vendor, credentialType, credentials, options, oAuth2 } = call;
	const send = async (token: string) => {
		const parts = tokenAuthParts(vendor.api.tokenPlacement, token); // the mandatory headers are in options already (buildOptions)
		const signed: IHttpRequestOptions = {
			...options,
			headers: { ...options.headers, ...parts.headers },
			qs: { ...options.qs, ...parts.qs },
		};
		return await this.helpers.httpRequestWithAuthentication.call(this, credentialType, signed, {
			oauth2: { ...oAuth2, skipTokenRefresh: true },
		});
	};
	const sent = accessTokenOf(tokenDataOf(credentials), oAuth2.property);
	if (!sent) throw new NodeOperationError(this.getNode(), `The ${vendor.displayName} credential is not connected (no access token stored)`);
	try {
		return await send(sent);
	} catch (error) {
		if (oAuth2.skipTokenRefresh || statusOf(error) !== vendor.api.expiredTokenStatus) throw toNodeApiError(this.getNode(), vendor, error);
		// Another run may have refreshed meanwhile: use its token instead of spending the refresh token again.
		let fresh = await newerSavedToken.call(this, call, sent);
		if (!fresh) {
			try {
				const renewed: unknown = await this.helpers.refreshOAuth2Token.call(pinnedCredentials(this, credentialType, credentials), credentialType, oAuth2);
				fresh = accessTokenOf(renewed, oAuth2.property);
			} catch (refreshError) {
				// Refused because another process renewed first (n8n's lock wait ran out): its token is saved.
				fresh = await tokenSavedByAnotherRun.call(this, call, refreshError);
			}
		}
		if (!fresh) throw toNodeApiError(this.getNode(), vendor, error);
		return await send(fresh);
	}
}

/**
 * n8n signs, refreshes on the vendor's expired status and persists. When n8n's refresh is refused because
 * another process already rotated the refresh token (n8n refreshes without its lock after waiting 10 s for
 * it), retry once with the token that process saved instead of asking the user to reconnect.
 */
async function sendSignedByN8n(this: VendorRequestContext, call: OAuth2Call): Promise<unknown> {
	const send = async () => await this.helpers.httpRequestWithAuthentication.call(this, call.credentialType, call.options, { oauth2: call.oAuth2 });
	try {
		return await send();
	} catch (error) {
		await tokenSavedByAnotherRun.call(this, call, error);
		return await send();
	}
}

/** Sends one request with an OAuth2 credential, signed by n8n where n8n can place the token, else by the call. */
export async function sendWithOAuth2(this: VendorRequestContext, call: OAuth2Call): Promise<unknown> {
	return n8nCanSign(call.vendor.api.tokenPlacement) ? await sendSignedByN8n.call(this, call) : await sendWithOwnPlacement.call(this, call);
}
