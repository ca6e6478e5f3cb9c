/**
 * Decoder for the `flatted` format n8n uses for execution data (GET /rest/executions/:id → data).
 * The text is a JSON array: entry 0 is the root; inside objects and arrays every string is the index of
 * another entry (strings themselves are entries), which is how shared and circular references survive.
 */
export function parseFlatted(text: string): unknown {
	const table = JSON.parse(text) as unknown;
	if (!Array.isArray(table)) throw new Error('not flatted data: expected a JSON array');
	const built = new Map<number, unknown>();
	const entry = (index: number): unknown => {
		if (built.has(index)) return built.get(index);
		const raw: unknown = table[index];
		if (raw === null || typeof raw !== 'object') return raw;
		const out: Record<string, unknown> | unknown[] = Array.isArray(raw) ? [] : {};
		built.set(index, out);
		for (const [key, value] of Object.entries(raw)) {
			(out as Record<string, unknown>)[key] = typeof value === 'string' ? entry(Number(value)) : value;
		}
		return out;
	};
	return entry(0);
}
