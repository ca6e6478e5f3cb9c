/** Zapier wants triggers to return objects with an `id`, and creates to return one object. */

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The list inside a vendor response: the body itself, or its `data` array (WebWork, Worksection envelopes). */
export function itemsOf(data: unknown): unknown[] {
	if (Array.isArray(data)) return data;
	if (isRecord(data) && Array.isArray(data.data)) return data.data;
	if (isRecord(data) && isRecord(data.data)) return [data.data];
	return data === undefined || data === null || data === '' ? [] : [data];
}

/** Trigger items with a stable `id` (the item's own, else its position) so Zapier can deduplicate. */
export function withIds(items: unknown[]): Array<Record<string, unknown>> {
	return items.map((item, index) => {
		const record = isRecord(item) ? item : { value: item };
		return record.id === undefined || record.id === null ? { id: String(index), ...record } : record;
	});
}

/** One object for a create: the body if it is one, otherwise wrapped. */
export function asObject(data: unknown, status: number): Record<string, unknown> {
	if (isRecord(data)) return data;
	if (Array.isArray(data)) return { items: data };
	return { status, content: data ?? null };
}
