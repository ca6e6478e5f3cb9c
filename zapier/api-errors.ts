import { excerpt } from '../shared/oauth';

/** Fields vendors put their human message in: WebWork/Worksection `message`, OAuth `error_description`, Worksection OAuth `errorDescription`. */
const MESSAGE_FIELDS = ['message', 'error_description', 'errorDescription', 'error'];

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function parse(content: string): unknown {
	try {
		return JSON.parse(content);
	} catch {
		return undefined;
	}
}

/** The vendor's own words for a failed call, redacted and short; never the raw body of an HTML page. */
export function vendorMessage(content: string, secrets: Array<string | undefined>): string {
	const text = content.trim();
	if (text.startsWith('<')) return 'the server answered an HTML page';
	const record = asRecord(parse(text));
	for (const field of MESSAGE_FIELDS) {
		const value = record?.[field];
		if (typeof value === 'string' && value !== '') return excerpt(value, secrets, 200);
	}
	return text ? excerpt(text, secrets, 200) : 'no details';
}

/** Retry-After as seconds (RFC 9110: delta-seconds or an HTTP date); undefined lets Zapier pick its default. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number | undefined {
	if (!header) return undefined;
	const value = header.trim();
	if (/^\d+$/.test(value)) return Number(value);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
