import type { VendorId } from '../clients';
import { randomToken } from './tokens';

export interface CodeRecord {
	code: string;
	vendor: VendorId;
	clientId: string;
	/** Exactly as sent to authorize; the token exchange must repeat it byte for byte. */
	redirectUri: string;
	scope: string[];
	userId: string;
	expiresAt: number;
	usedAt: number | null;
}

export type CodeCheck = { ok: true; record: CodeRecord } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** Single-use authorization codes with a fixed lifetime. */
export class CodeStore {
	private readonly codes = new Map<string, CodeRecord>();

	constructor(
		private readonly now: () => number,
		private readonly ttlSeconds: number,
	) {}

	create(input: Omit<CodeRecord, 'code' | 'expiresAt' | 'usedAt'>): CodeRecord {
		const record: CodeRecord = {
			...input,
			code: randomToken(24),
			expiresAt: this.now() + this.ttlSeconds * 1000,
			usedAt: null,
		};
		this.codes.set(record.code, record);
		return record;
	}

	check(vendor: VendorId, code: string | undefined): CodeCheck {
		const record = code ? this.codes.get(code) : undefined;
		if (!record || record.vendor !== vendor) return { ok: false, reason: 'unknown' };
		if (record.usedAt !== null) return { ok: false, reason: 'used' };
		if (record.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
		return { ok: true, record };
	}

	markUsed(record: CodeRecord): void {
		record.usedAt = this.now();
	}
}
