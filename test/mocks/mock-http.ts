/** Small request/response helpers for the strict vendor mocks. */

export type Headers = Record<string, string | string[] | undefined>;

/** What a nock reply function returns: status, body text, response headers. */
export type NockReply = [number, string, Record<string, string>];

export const FORM = 'application/x-www-form-urlencoded';

export function json(status: number, body: unknown): NockReply {
	return [status, JSON.stringify(body), { 'Content-Type': 'application/json' }];
}

/** A header value by case-insensitive name; repeated headers are joined as Node does. */
export function header(headers: Headers, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
	const value = key === undefined ? undefined : headers[key];
	return Array.isArray(value) ? value.join(', ') : value;
}

/** The media type without parameters (`; charset=…`), lower-cased. */
export function mediaType(headers: Headers): string {
	return (header(headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/** Form fields; names lower-cased when the vendor's names are case-insensitive. First value wins. */
export function parseForm(raw: string, foldCase: boolean): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [key, value] of new URLSearchParams(raw)) {
		const name = foldCase ? key.toLowerCase() : key;
		if (!(name in fields)) fields[name] = value;
	}
	return fields;
}

/** The body as string fields, for RecordedRequest.body: form fields, or a JSON object's top-level values. */
export function bodyFields(raw: string, headers: Headers): Record<string, string> {
	if (mediaType(headers) === FORM) return parseForm(raw, false);
	try {
		const parsed: unknown = JSON.parse(raw);
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
		return Object.fromEntries(
			Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
		);
	} catch {
		return {};
	}
}

/** RFC 6749 §2.3.1 Basic credentials: base64 of form-encoded id ':' form-encoded secret. */
export function decodeBasic(value: string | undefined): { id: string; secret: string } | undefined {
	const match = /^basic\s+(\S+)$/i.exec(value ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
	try {
		return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
	} catch {
		return undefined;
	}
}

/** origin + path without a trailing slash, for comparing endpoint URLs. */
export function endpointKey(url: string | URL): string {
	const u = typeof url === 'string' ? new URL(url) : url;
	return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/** A relative API path without surrounding slashes, so '/me', 'me' and 'me/' compare equal. */
export function normalisePath(path: string): string {
	return path.replace(/^\/+|\/+$/g, '');
}

/**
 * The registrable part of a host (weekdone.com, worktual.co.uk), to tell whether an unmocked
 * request was meant for this vendor. Undefined for IPs and localhost.
 */
export function siteOf(hostname: string): string | undefined {
	if (hostname === 'localhost' || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return undefined;
	const labels = hostname.split('.');
	const secondLevel = ['co', 'com', 'org', 'net', 'ac', 'gov'];
	const take = labels.length > 2 && secondLevel.includes(labels[labels.length - 2]) ? 3 : 2;
	return labels.slice(-take).join('.');
}
