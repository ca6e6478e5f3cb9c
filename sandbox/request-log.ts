import type { VendorId } from './clients';
import type { AuthScheme } from './http/auth-header';

export interface LogEntry {
	at: string;
	vendor: VendorId;
	method: string;
	path: string;
	/** Query parameters with every credential-like value replaced by "[redacted]". */
	query: Record<string, string>;
	bodyKeys: string[];
	authScheme: AuthScheme;
	status: number;
}

// Lower-cased: Worktual's docs capitalise some names (Code, Client_id).
const SECRET_KEYS = new Set([
	'token',
	'access_token',
	'refresh_token',
	'client_secret',
	'code',
	'password',
	'hash',
	'http_pass',
]);
const MAX_ENTRIES = 5000;

export function redactQuery(query: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of query) {
		out[key] = SECRET_KEYS.has(key.toLowerCase()) ? '[redacted]' : value;
	}
	return out;
}

export class RequestLog {
	private entries: LogEntry[] = [];

	add(entry: LogEntry): void {
		this.entries.push(entry);
		// Bounded so a long playground session cannot grow without limit.
		if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
	}

	list(vendor?: VendorId): LogEntry[] {
		return vendor ? this.entries.filter((e) => e.vendor === vendor) : [...this.entries];
	}

	clear(): void {
		this.entries = [];
	}
}
