import { readErrorEnvelope } from '../error-envelope';
import type { EditableHeader, ErrorEnvelope, TokenPlacement, TokenSet, VendorDefinition } from '../types';
import { assertTokenHost } from './hosts';

/**
 * How API calls carry the token and reach the right host. Both adapters call these, so a vendor's token
 * placement, mandatory headers and token-derived base URL are applied the same way everywhere.
 */
export interface ApiAuthParts {
	headers: Record<string, string>;
	qs: Record<string, string>;
}

export function tokenAuthParts(placement: TokenPlacement, accessToken: string): ApiAuthParts {
	if (placement.in === 'query') return { headers: {}, qs: { [placement.name]: accessToken } };
	return { headers: { [placement.name]: `${placement.prefix}${accessToken}` }, qs: {} };
}

/**
 * The vendor's mandatory headers, each editable one (`api.editableHeaders`) set to the value the user or
 * operator configured, when there is one (n8n: a credential field; Zapier: an environment variable).
 */
export function mandatoryHeaders(vendor: VendorDefinition, configured: (header: EditableHeader) => string | undefined = () => undefined): Record<string, string> {
	const headers = { ...vendor.api.headers };
	for (const header of vendor.api.editableHeaders ?? []) {
		const value = configured(header)?.trim();
		if (value) headers[header.name] = value;
	}
	return headers;
}

/** Headers and query parameters an API call needs: the token where the vendor wants it, plus mandatory headers. */
export function apiAuthParts(vendor: VendorDefinition, accessToken: string, placement: TokenPlacement = vendor.api.tokenPlacement): ApiAuthParts {
	const parts = tokenAuthParts(placement, accessToken);
	return { headers: { ...vendor.api.headers, ...parts.headers }, qs: parts.qs };
}

function trimSlash(url: string): string {
	return url.replace(/\/+$/, '');
}

/**
 * The API base for a connection: a token-derived base (Worksection account_url) wins, then a user or
 * sandbox override, then the vendor default. The token-derived host must pass the host rule
 * (shared/oauth/hosts.ts): a stored value that does not throws a VendorAuthError instead of being used,
 * so this never returns a host the vendor's response chose outside the vendor's own domains.
 * `trustedOrigins`: exact loopback/sandbox origins from the user's or operator's settings (see hosts.ts).
 */
export function apiBaseUrl(vendor: VendorDefinition, token?: Partial<TokenSet>, override?: string, trustedOrigins: readonly string[] = []): string {
	const fromToken = vendor.api.baseUrlFromToken;
	if (fromToken && token) {
		const value = token[fromToken.field];
		if (value !== undefined && value !== null && value !== '') {
			return trimSlash(assertTokenHost(vendor, fromToken.field, value, trustedOrigins)) + fromToken.path;
		}
	}
	return trimSlash(override || vendor.api.baseUrl.url);
}

/** Joins a base and a relative path without doubling or dropping slashes; an empty path keeps the base. */
export function joinUrl(base: string, path: string): string {
	if (!path) return base;
	if (/^https?:\/\//.test(path)) return path;
	return `${trimSlash(base)}/${path.replace(/^\/+/, '')}`;
}

/** Reads a dotted path (`user.email`, `data.0.name`) from a value. */
export function readPath(value: unknown, path: string): unknown {
	let current: unknown = value;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/** First non-empty string found at the vendor's label paths. */
export function connectionLabel(vendor: VendorDefinition, source: unknown): string | undefined {
	for (const path of vendor.api.connectionLabelPaths) {
		const value = readPath(source, path);
		if (typeof value === 'string' && value !== '') return value;
		if (typeof value === 'number') return String(value);
	}
	return undefined;
}

/**
 * Why an answer to the connection test is not a success, or undefined when it is: a 2xx whose body is a
 * JSON object or array and no error (an RFC `error` or one of the vendor's `envelopes`). An HTML page,
 * an empty or truncated body, or a bare JSON value never passes, whatever its status.
 */
export function testAnswerProblem(status: number, body: string, envelopes: readonly ErrorEnvelope[]): string | undefined {
	if (status < 200 || status >= 300) return `HTTP ${status}`;
	const text = body.trim();
	if (text.startsWith('<')) return 'an HTML page instead of JSON';
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return text === '' ? 'an empty answer' : 'an answer that is not JSON';
	}
	if (!parsed || typeof parsed !== 'object') return 'a JSON value that is neither an object nor an array';
	const record = (Array.isArray(parsed) ? parsed[0] : parsed) as Record<string, unknown> | undefined;
	if (record && typeof record === 'object') {
		if ((typeof record.error === 'string' && record.error.trim() !== '') || readErrorEnvelope(envelopes, record)) return 'an error answer';
	}
	return undefined;
}
