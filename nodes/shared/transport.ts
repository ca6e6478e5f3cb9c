import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IOAuth2Options,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { adminBaseUrl, FIELD, N8N_REQUEST_TIMEOUT_MS, needsPrefixChoice } from '../../credentials/common';
import { readErrorEnvelope } from '../../shared/error-envelope';
import { apiBaseUrl, mandatoryHeaders, readPath, tokenAuthParts } from '../../shared/oauth/api';
import { encodeForm, FORM_CONTENT_TYPE } from '../../shared/oauth/http';
import type { AlternativeAuth, TokenPlacement, VendorDefinition } from '../../shared/types';
import { causeChain, failureCause, notJson } from './failures';
import { connectionSecrets, redactText, scrubError } from './redaction';
import { checkedApiBase, isRefusedTarget, requestUrl } from './targets';

export type VendorRequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

export interface VendorRequest {
	method: IHttpRequestMethods;
	/** Relative to the vendor's API base (which may come from the token, e.g. Worksection account_url). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	bodyFormat?: 'json' | 'form';
}

type CredentialAuth = { kind: 'authorizationCode' } | AlternativeAuth;

/** The vendor's main OAuth2 credential type name. */
export function oAuth2CredentialName(vendor: VendorDefinition): string {
	return `${vendor.n8nPrefix}OAuth2Api`;
}

/**
 * n8n's lint wants credential display names to end in "API" (cred-class-field-display-name-missing-api); the
 * definitions' labels may not ("… Admin API Key", "… Personal Access Token"). The credential classes use this form.
 */
export function credentialDisplayName(label: string): string {
	if (/\bAPI$/.test(label)) return label;
	if (/\bAPI Key$/.test(label)) return label.replace(/ Key$/, '');
	return `${label} API`;
}

const KIND_LABEL: Record<AlternativeAuth['kind'], string | undefined> = {
	personalToken: undefined,
	clientCredentials: 'OAuth2 Client Credentials',
	password: 'Username and Password',
	adminApiKey: 'Admin API Key',
};

/**
 * Options for a node's `authentication` parameter, OAuth2 first, then the vendor's alternatives
 * (value = credential type name, displayName = the credential type's display name).
 */
export function credentialTypesFor(vendor: VendorDefinition): Array<{ name: string; displayName: string; value: string }> {
	const prefix = new RegExp(`^${vendor.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+`);
	return [
		{ name: 'OAuth2', displayName: `${vendor.displayName} OAuth2 API`, value: oAuth2CredentialName(vendor) },
		...vendor.alternatives.map((alt) => ({
			name: KIND_LABEL[alt.kind] ?? alt.displayName.replace(prefix, ''),
			displayName: credentialDisplayName(alt.displayName),
			value: alt.credentialName,
		})),
	];
}

function authOf(vendor: VendorDefinition, credentialType: string): CredentialAuth {
	if (credentialType === oAuth2CredentialName(vendor)) return { kind: 'authorizationCode' };
	const alt = vendor.alternatives.find((a) => a.credentialName === credentialType);
	if (!alt) throw new Error(`${vendor.displayName} has no credential type "${credentialType}"`);
	return alt;
}

/** Whether n8n's own OAuth2 signing (an Authorization header, Bearer or raw) can place the token. */
function n8nCanSign(placement: TokenPlacement): boolean {
	return placement.in === 'header' && placement.name.toLowerCase() === 'authorization' && ['', 'bearer '].includes(placement.prefix.toLowerCase());
}

/** The IOAuth2Options the definition implies for an OAuth2 credential (authorization code or client credentials). */
export function oAuth2OptionsFor(vendor: VendorDefinition, credentialType: string, credentials: ICredentialDataDecryptedObject = {}): IOAuth2Options {
	const auth = authOf(vendor, credentialType);
	const placement = vendor.api.tokenPlacement;
	// A vendor token_type other than "bearer" would make n8n move the token to ?access_token=.
	const options: IOAuth2Options = { tokenType: 'Bearer', tokenExpiredStatusCode: vendor.api.expiredTokenStatus };
	if (placement.in === 'header') {
		const prefix = needsPrefixChoice(placement) ? String(credentials[FIELD.tokenPrefix] ?? '') : placement.prefix;
		if (prefix.trim() === '') options.keepBearer = false;
	}
	if (auth.kind === 'authorizationCode') {
		// n8n stores an array response as {"0": {...}}; a plain object still signs through the fallback.
		if (vendor.oauth2.token.responseShape === 'array') options.property = '0.access_token';
		// Nothing to refresh with: let the 401 surface instead of a confusing refresh failure.
		if (!vendor.oauth2.refresh) options.skipTokenRefresh = true;
	}
	return options;
}

function accessTokenOf(tokenData: unknown, property?: string): string | undefined {
	const nested = property ? readPath(tokenData, property) : undefined;
	const value = typeof nested === 'string' && nested !== '' ? nested : readPath(tokenData, 'access_token');
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function tokenDataOf(credentials: ICredentialDataDecryptedObject): Record<string, unknown> | undefined {
	const data = credentials.oauthTokenData;
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

function text(credentials: ICredentialDataDecryptedObject, field: string): string {
	const value = credentials[field];
	return typeof value === 'string' ? value : '';
}

function statusOf(error: unknown): number | undefined {
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

/** The vendor's own words from an error body: message, error_description, error (string or {message}). */
function vendorMessage(body: unknown): string | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return body.trim() && !body.trim().startsWith('<') ? body.trim() : undefined;
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
	const record = parsed as Record<string, unknown>;
	for (const key of ['message', 'error_description', 'errorDescription', 'error', 'detail']) {
		const value = record[key];
		if (typeof value === 'string' && value !== '') return value;
		if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).message === 'string') {
			return (value as Record<string, unknown>).message as string;
		}
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
	const fromVendor = envelope?.message ?? vendorMessage(body) ?? lifecycleMessage(error, vendor);
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
function envelopeError(vendor: VendorDefinition, response: unknown): { message?: string; body: unknown } | undefined {
	const found = readErrorEnvelope(vendor.api.errorEnvelopes, response);
	return found ? { message: found.message ?? vendorMessage(response), body: response } : undefined;
}

/** Resolves `..` segments (paths beside the API base, e.g. Wordapp's /oauth/token/info), so hosts see a clean path. */
function normaliseUrl(url: string): string {
	if (!/^https?:\/\//i.test(url) || !/\/\.\.?(\/|$|\?)/.test(url)) return url;
	return new URL(url).toString();
}

function buildOptions(vendor: VendorDefinition, base: string, request: VendorRequest, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: normaliseUrl(requestUrl(vendor, base, request.path)),
		// an editable header (Wordapp X-Api-Version) takes the credential's value when one is set
		headers: { Accept: 'application/json', ...mandatoryHeaders(vendor, (header) => text(credentials, header.credentialField)) },
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
async function newerSavedToken(this: VendorRequestContext, credentialType: string, used: string | undefined, property?: string): Promise<string | undefined> {
	const saved = accessTokenOf(tokenDataOf(await this.getCredentials(credentialType)), property);
	return saved && saved !== used ? saved : undefined;
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
async function sendWithOwnPlacement(
	this: VendorRequestContext,
	vendor: VendorDefinition,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
	oAuth2: IOAuth2Options,
): Promise<unknown> {
	const placement = vendor.api.tokenPlacement;
	const send = async (token: string) => {
		const parts = tokenAuthParts(placement, token); // the mandatory headers are in options already (buildOptions)
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
		let fresh = await newerSavedToken.call(this, credentialType, sent, oAuth2.property);
		if (!fresh) {
			try {
				const renewed: unknown = await this.helpers.refreshOAuth2Token.call(pinnedCredentials(this, credentialType, credentials), credentialType, oAuth2);
				fresh = accessTokenOf(renewed, oAuth2.property);
			} catch (refreshError) {
				// Refused because another process renewed first (n8n's lock wait ran out): its token is saved.
				fresh = isRefreshRejected(refreshError) ? await newerSavedToken.call(this, credentialType, sent, oAuth2.property) : undefined;
				if (!fresh) throw toNodeApiError(this.getNode(), vendor, refreshError);
			}
		}
		if (!fresh) throw toNodeApiError(this.getNode(), vendor, error);
		return await send(fresh);
	}
}

/**
 * n8n signs, refreshes on the vendor's expired status and persists. When n8n's refresh is refused because
 * another process already rotated the refresh token (n8n refreshes without its lock after waiting 10 s for
 * it), the credential is not broken: the other process saved a new token. Read it again and retry once with
 * it instead of asking the user to reconnect.
 */
async function sendSignedByN8n(
	this: VendorRequestContext,
	vendor: VendorDefinition,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
	oAuth2: IOAuth2Options,
): Promise<unknown> {
	try {
		return await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options, { oauth2: oAuth2 });
	} catch (error) {
		if (!isRefreshRejected(error)) throw toNodeApiError(this.getNode(), vendor, error);
		const used = accessTokenOf(tokenDataOf(credentials), oAuth2.property);
		if (!(await newerSavedToken.call(this, credentialType, used, oAuth2.property))) throw toNodeApiError(this.getNode(), vendor, error);
		return await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options, { oauth2: oAuth2 });
	}
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
			const options = buildOptions(vendor, adminBaseUrl(text(credentials, FIELD.accountUrl), auth.basePath), request, credentials);
			response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options);
		} else if (auth.kind === 'personalToken' || auth.kind === 'password') {
			const options = buildOptions(vendor, apiBaseUrl(vendor, undefined, text(credentials, FIELD.apiBaseUrl)), request, credentials);
			response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options);
		} else {
			const tokenData = tokenDataOf(credentials);
			const options = buildOptions(vendor, checkedApiBase(vendor, tokenData, text(credentials, FIELD.apiBaseUrl)), request, credentials);
			const oAuth2 = oAuth2OptionsFor(vendor, credentialType, credentials);
			response = n8nCanSign(vendor.api.tokenPlacement)
				? await sendSignedByN8n.call(this, vendor, credentialType, credentials, options, oAuth2)
				: await sendWithOwnPlacement.call(this, vendor, credentialType, credentials, options, oAuth2);
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
