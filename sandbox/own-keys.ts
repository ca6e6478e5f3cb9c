// Lookups by a key that came from a request: only the table's own keys count, so "constructor",
// "__proto__" or "toString" never reach Object.prototype (which once turned ?action=constructor into a 500).
export function hasOwn(table: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(table, key);
}

export function ownValue<T>(table: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined {
	return typeof key === 'string' && hasOwn(table, key) ? table[key] : undefined;
}

/** A string map without a prototype, for fields parsed from requests. */
export function emptyRecord(): Record<string, string> {
	return Object.create(null) as Record<string, string>;
}
