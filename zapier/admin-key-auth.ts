/**
 * A vendor's admin API key (Worksection) as its own Zapier integration, since Zapier allows one authentication
 * scheme per integration version. The user enters the account URL and the key. The key never travels: every
 * request carries hash = md5(<query string exactly as sent> + key) as its last parameter
 * (https://worksection.com/en/faq/api-start.html, "Worksection API authorization"; docs/vendors/worksection.md).
 * Requests go to <account URL><basePath>, which must be an HTTPS host on the vendor's own domains
 * (shared/oauth/hosts.ts rule 1; TRUSTED_ORIGINS admits the local sandbox only).
 */
import { createHash } from 'crypto';
import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from 'zapier-platform-core';

import { checkTokenHost } from '../shared/oauth';
import type { VendorOperations } from '../shared/operations/types';
import type { AlternativeAuth, VendorDefinition } from '../shared/types';
import { enteredText } from './auth-data';
import { buildAuthentication } from './authentication';
import { zapierEnv } from './env';
import { isTokenEndpoint } from './urls';

export type AdminApiKey = Extract<AlternativeAuth, { kind: 'adminApiKey' }>;

/** authData keys: the account URL the user enters (the API host) and the key that signs. */
export const ACCOUNT_URL_FIELD = 'account_url';
export const ADMIN_KEY_FIELD = 'api_key';

function basePathOf(alt: AdminApiKey): string {
	return `/${alt.basePath.replace(/^\/+/, '')}`;
}

/**
 * The definition the admin app's requests and errors use: the API base is the entered account URL + the admin
 * base path (read through the same host rule as a token-derived host), the admin test request, no user-info
 * call (that is OAuth's), and nothing to refresh (a rejected key means reconnecting).
 */
export function adminKeyVendor(vendor: VendorDefinition, alt: AdminApiKey): VendorDefinition {
	return {
		...vendor,
		oauth2: { ...vendor.oauth2, refresh: null, keepFields: [ACCOUNT_URL_FIELD] },
		api: {
			...vendor.api,
			baseUrlFromToken: { field: ACCOUNT_URL_FIELD, path: basePathOf(alt) },
			testRequest: alt.testRequest,
			userInfo: undefined,
			connectionLabelPaths: [ACCOUNT_URL_FIELD],
		},
	};
}

/**
 * RFC 3986 encoding, `!'()*` included: a URL parser downstream may percent-encode `'` in a query, and the hash
 * covers the bytes the vendor receives, so nothing in the signed string may be left for anyone to re-encode.
 */
function encode(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The query string of `params`, in their order; arrays as repeated keys, objects as JSON, null/undefined left out. */
export function serializeQuery(params: Record<string, unknown> | undefined): string {
	const parts: string[] = [];
	for (const [key, raw] of Object.entries(params ?? {})) {
		const values = Array.isArray(raw) ? raw : [raw];
		for (const value of values) {
			if (value === undefined || value === null) continue;
			parts.push(`${encode(key)}=${encode(typeof value === 'object' ? JSON.stringify(value) : String(value))}`);
		}
	}
	return parts.join('&');
}

/** md5(query string + key), lower-case hex: the vendor's signature. */
export function adminSignature(query: string, key: string): string {
	return createHash('md5').update(query + key).digest('hex');
}

/**
 * Signs a request: the URL's own query (without any hash a caller put there) and the params, serialised once,
 * hashed with the key, and moved into the URL with the hash last, so core adds nothing after it. Runs after
 * the app's first beforeRequest, which resolved the URL against the account and refused other hosts.
 */
export function signAdminRequest(vendor: VendorDefinition, alt: AdminApiKey): BeforeRequestMiddleware {
	return (request, z, bundle) => {
		const url = request.url ?? '';
		if (isTokenEndpoint(vendor, url, zapierEnv())) return request;
		const key = enteredText(bundle.authData?.[ADMIN_KEY_FIELD]);
		if (!key || !enteredText(bundle.authData?.[ACCOUNT_URL_FIELD])) {
			throw new z.errors.Error(`${vendor.displayName}: the connection has no account URL or admin API key; reconnect the account`, 'invalid_input', 400);
		}
		const bare = url.split('#', 1)[0];
		const mark = bare.indexOf('?');
		const [path, existing] = mark < 0 ? [bare, ''] : [bare.slice(0, mark), bare.slice(mark + 1)];
		const own = existing.split('&').filter((pair) => pair !== '' && !pair.startsWith(`${alt.hashParam}=`));
		const query = [...own, serializeQuery(request.params as Record<string, unknown> | undefined)].filter((part) => part !== '').join('&');
		const signed = `${path}?${query ? `${query}&` : ''}${alt.hashParam}=${adminSignature(query, key)}`;
		return { ...request, url: signed, params: {} };
	};
}

/**
 * The catalogue as the key sees it: inputs the vendor requires with the key (`requiredParams`, by action, e.g. a
 * comment's author) become required, so the Zap editor asks for them instead of the vendor refusing the call.
 */
export function adminKeyCatalogue(catalogue: VendorOperations, alt: AdminApiKey): VendorOperations {
	const required = alt.requiredParams ?? {};
	const requiredFor = (action: string | undefined): string[] => (action !== undefined && Object.prototype.hasOwnProperty.call(required, action) ? required[action] : []);
	return {
		...catalogue,
		resources: catalogue.resources.map((resource) => ({
			...resource,
			operations: resource.operations.map((operation) => {
				const names = requiredFor(operation.request.action);
				if (names.length === 0) return operation;
				return { ...operation, fields: operation.fields.map((field) => (names.includes(field.key) ? { ...field, required: true } : field)) };
			}),
		})),
	};
}

/** Why an entered account URL is refused (rule 1 of shared/oauth/hosts.ts), or undefined when it is fine. */
export function accountUrlProblem(vendor: VendorDefinition, accountUrl: string): string | undefined {
	const check = checkTokenHost(vendor, accountUrl.replace(/\/+$/, ''), zapierEnv().trustedOrigins);
	if (check.ok) return undefined;
	return `the Account URL ${JSON.stringify(accountUrl.slice(0, 80))} is refused: ${check.reason}. Enter your account's address as your browser shows it, starting with https://`;
}

/** Custom authentication: account URL and admin key, tested with the admin test request and labelled by the account. */
export function adminKeyAuthentication(vendor: VendorDefinition, alt: AdminApiKey): Authentication {
	const base = buildAuthentication(vendor) as unknown as {
		test: (z: ZObject, bundle: Bundle) => Promise<unknown>;
		connectionLabel: Authentication['connectionLabel'];
	};
	const test = async (z: ZObject, bundle: Bundle): Promise<unknown> => {
		const problem = accountUrlProblem(vendor, enteredText(bundle.authData?.[ACCOUNT_URL_FIELD]));
		if (problem) throw new z.errors.Error(`${vendor.displayName}: ${problem}`, 'invalid_input', 400);
		return await base.test(z, bundle);
	};
	return {
		type: 'custom',
		fields: [
			{
				key: ACCOUNT_URL_FIELD,
				label: 'Account URL',
				required: true,
				type: 'string',
				placeholder: `https://youraccount.${vendor.ownDomains[0]}`,
				helpText: `Your ${vendor.displayName} address as your browser shows it, starting with \`https://\`.`,
			},
			{
				key: ADMIN_KEY_FIELD,
				label: alt.displayName,
				required: true,
				type: 'password',
				helpText: `Find it in ${alt.whereToCreate} ([${vendor.displayName} API documentation](${alt.docUrl})). It signs each request and is never sent itself.`,
			},
		],
		test,
		connectionLabel: base.connectionLabel,
	} as Authentication;
}
