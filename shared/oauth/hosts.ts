import type { VendorDefinition } from '../types';
import { VendorAuthError } from './errors';
import { redactSecrets } from './redact';

/**
 * Which hosts a token may go to. Two rules, shared by both adapters:
 *
 * 1. A host read from a token response (Worksection `account_url`, any `api.baseUrlFromToken` field) is
 *    accepted only over HTTPS, without userinfo, port, query or fragment, on one of the vendor's
 *    `ownDomains` (the domain itself or a real subdomain). `checkTokenHost` / `assertTokenHost`.
 * 2. A custom call (n8n Custom API Call, Zapier API Request) is a relative path, or an absolute URL on the
 *    connection's own API origin; anything else is refused before sending. `checkCustomCallUrl` /
 *    `customCallUrl`.
 *
 * The sandbox and the playground serve the vendors on loopback over plain HTTP. They get through rule 1
 * only by `trustedOrigins`: exact origins (`http://127.0.0.1:5678`) the adapter passes in from a setting
 * that the user or operator controls (an n8n credential field, a Zapier environment variable), never from
 * a response. With no trusted origins, only the vendor's own HTTPS hosts pass.
 */

export type HostCheck = { ok: true; url: string } | { ok: false; reason: string };

/** A host name of LDH labels, 1–63 characters each, not starting or ending with a hyphen; no trailing dot. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** `scheme://authority[/path]`, the authority free of userinfo, and nothing a parser could read two ways. */
const ABSOLUTE = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\\@\s]*)(\/[^?#\\\s]*)?$/i;
/** A path of unreserved characters, for a host read from a response (sandbox: `/worksection/account`). */
const SAFE_PATH = /^(?:\/[A-Za-z0-9._~-]+)*\/?$/;
/** An absolute custom-call URL: any path, query and fragment, but an authority without userinfo. */
const ABSOLUTE_CALL = /^(https?):\/\/([^/?#\\@\s]+)([/?#][^\\\s]*)?$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function isDomainName(host: string): boolean {
	const labels = host.split('.');
	return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && !/^[0-9]+$/.test(labels[labels.length - 1]);
}

/** True when `host` (lower case) is one of the domains or a real subdomain of one. */
export function isOnOwnDomains(domains: readonly string[], host: string): boolean {
	const name = host.toLowerCase();
	if (!isDomainName(name)) return false;
	return domains.some((domain) => name === domain || name.endsWith(`.${domain}`));
}

/** The normalised origin of a URL the user or operator configured, or undefined if it is not an http(s) URL. */
export function originOf(url: string): string | undefined {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
	} catch {
		return undefined;
	}
}

function normalisedOrigins(trusted: readonly string[]): Set<string> {
	return new Set(trusted.map(originOf).filter((o): o is string => o !== undefined));
}

/** A short, printable form of a rejected value for an error message (never the whole response). */
export function describeHost(value: unknown): string {
	if (typeof value !== 'string') return `a ${value === null ? 'null' : typeof value} value`;
	// eslint-disable-next-line no-control-regex
	const printable = value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ');
	return JSON.stringify(printable.length > 80 ? `${printable.slice(0, 80)}…` : printable);
}

/**
 * Rule 1: checks a base URL read from a token response. Returns the URL without a trailing slash, or why
 * it was refused. `trustedOrigins` are exact origins from the user's or operator's own settings.
 */
export function checkTokenHost(vendor: VendorDefinition, value: unknown, trustedOrigins: readonly string[] = []): HostCheck {
	if (typeof value !== 'string' || value === '') return { ok: false, reason: 'it is not a URL' };
	if (value.length > 2048 || CONTROL.test(value)) return { ok: false, reason: 'it is not a plain URL' };
	const match = ABSOLUTE.exec(value);
	if (!match) return { ok: false, reason: 'it is not a plain https URL (userinfo, query, fragment, backslash or spaces)' };
	const [, scheme, authority, path = ''] = match;
	if (!SAFE_PATH.test(path) || /(^|\/)\.\.?(\/|$)/.test(path)) return { ok: false, reason: 'its path is not plain' };
	const url = `${scheme.toLowerCase()}://${authority.toLowerCase()}${path}`.replace(/\/+$/, '');
	const origin = originOf(url);
	if (origin !== undefined && normalisedOrigins(trustedOrigins).has(origin)) return { ok: true, url };
	if (scheme.toLowerCase() !== 'https') return { ok: false, reason: 'it is not HTTPS' };
	if (authority.includes(':')) return { ok: false, reason: 'it names a port' };
	if (!isOnOwnDomains(vendor.ownDomains, authority)) {
		return { ok: false, reason: `it is not on ${vendor.displayName}'s own domains (${vendor.ownDomains.join(', ')} and their subdomains)` };
	}
	// Defence in depth: the WHATWG parser must read the same host we checked.
	try {
		if (new URL(url).hostname !== authority.toLowerCase()) return { ok: false, reason: 'it parses to another host' };
	} catch {
		return { ok: false, reason: 'it is not a URL' };
	}
	return { ok: true, url };
}

/**
 * Rule 1, throwing: a `VendorAuthError` (cause `untrusted_host`) naming the vendor, the field and the
 * rejected host. Exchange and refresh call this before anything is stored.
 */
export function assertTokenHost(
	vendor: VendorDefinition,
	field: string,
	value: unknown,
	trustedOrigins: readonly string[] = [],
	/** Values to mask in the message: a hostile host may carry the very tokens its answer issued. */
	secrets: readonly string[] = [],
): string {
	const check = checkTokenHost(vendor, value, trustedOrigins);
	if (check.ok) return check.url;
	throw new VendorAuthError(
		vendor.displayName,
		'untrusted_host',
		`the token response names ${redactSecrets(describeHost(value), secrets)} as the API host (${field}), and ${check.reason}; nothing was stored and no request was sent there`,
	);
}

/**
 * Rule 2: resolves a custom call's path against the connection's API base. A relative path (with or
 * without a leading slash) is joined to the base; an absolute URL must have the base's exact origin.
 * Protocol-relative paths, other schemes, userinfo, backslashes and control characters are refused.
 */
export function checkCustomCallUrl(apiBase: string, pathOrUrl: string): HostCheck {
	const baseOrigin = originOf(apiBase);
	if (baseOrigin === undefined) return { ok: false, reason: 'the API base is not an http(s) URL' };
	if (typeof pathOrUrl !== 'string') return { ok: false, reason: 'the path is not text' };
	if (CONTROL.test(pathOrUrl) || pathOrUrl.includes('\\')) return { ok: false, reason: 'the path holds control characters or backslashes' };
	const trimmed = pathOrUrl.trim();
	let url: string;
	if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
		if (!ABSOLUTE_CALL.test(trimmed) || trimmed.startsWith('//')) return { ok: false, reason: 'only a relative path or a URL on the API host is allowed' };
		url = trimmed;
	} else {
		url = trimmed === '' ? apiBase : `${apiBase.replace(/\/+$/, '')}/${trimmed.replace(/^\/+/, '')}`;
	}
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return { ok: false, reason: 'the path does not form a URL' };
	}
	if (parsed.username || parsed.password) return { ok: false, reason: 'the URL carries userinfo' };
	if (parsed.origin !== baseOrigin) return { ok: false, reason: `the URL is not on the connection's API host (${baseOrigin})` };
	return { ok: true, url };
}

/** Rule 2, throwing: a `VendorAuthError` (cause `untrusted_host`) naming the vendor and the refused target. */
export function customCallUrl(vendorName: string, apiBase: string, pathOrUrl: string): string {
	const check = checkCustomCallUrl(apiBase, pathOrUrl);
	if (check.ok) return check.url;
	throw new VendorAuthError(vendorName, 'untrusted_host', `the request to ${redactSecrets(describeHost(pathOrUrl))} was refused before sending: ${check.reason}`);
}
