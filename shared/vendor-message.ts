/**
 * The one reader of a vendor's own words in a failed answer, used by the n8n transport and the Zapier
 * middleware: the first non-empty of `message` (WebWork Tracker, Worksection), `error_description`
 * (RFC 6749 section 5.2), `errorDescription` (Worksection OAuth), `error` (a string, or an object with
 * `message`) and `detail`. A body that is not JSON is its own message unless it is empty or an HTML page.
 * Unredacted: each caller redacts with the connection's secrets before the text leaves it.
 */
const MESSAGE_FIELDS = ['message', 'error_description', 'errorDescription', 'error', 'detail'];

export function readVendorMessage(body: unknown): string | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		const text = body.trim();
		try {
			parsed = JSON.parse(text);
		} catch {
			return text && !text.startsWith('<') ? text : undefined;
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
	const record = parsed as Record<string, unknown>;
	for (const field of MESSAGE_FIELDS) {
		const value = record[field];
		if (typeof value === 'string' && value !== '') return value;
		const nested = value && typeof value === 'object' ? (value as Record<string, unknown>).message : undefined;
		if (typeof nested === 'string' && nested !== '') return nested;
	}
	return undefined;
}
