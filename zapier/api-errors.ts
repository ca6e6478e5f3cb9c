import { excerpt } from '../shared/oauth';
import { readVendorMessage } from '../shared/vendor-message';

/** The vendor's own words for a failed call (shared/vendor-message.ts), redacted and short; never the raw body of an HTML page. */
export function vendorMessage(content: string, secrets: Array<string | undefined>): string {
	const text = content.trim();
	if (text.startsWith('<')) return 'the server answered an HTML page';
	return text ? excerpt(readVendorMessage(text) ?? text, secrets, 200) : 'no details';
}

/** Retry-After as seconds (RFC 9110: delta-seconds or an HTTP date); undefined lets Zapier pick its default. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number | undefined {
	if (!header) return undefined;
	const value = header.trim();
	if (/^\d+$/.test(value)) return Number(value);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
