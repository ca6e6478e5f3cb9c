import { VENDOR_IDS, type VendorId } from './clients';

export const STAT_KEYS = [
	'requests',
	/** Every answer with status >= 400. */
	'rejected',
	'authorizeRequests',
	'codesIssued',
	'consentDenied',
	'tokenIssued',
	'refreshes',
	'tokenRejected',
	'apiCalls',
	'apiRejected',
	'rateLimited',
	'revoked',
	'webhooksDelivered',
	'webhooksFailed',
] as const;
export type StatKey = (typeof STAT_KEYS)[number];
export type VendorStats = Record<StatKey, number>;

export class Stats {
	private counts = new Map<VendorId, VendorStats>();

	constructor() {
		this.clear();
	}

	bump(vendor: VendorId, key: StatKey, by = 1): void {
		const counts = this.counts.get(vendor);
		if (counts) counts[key] += by;
	}

	get(vendor: VendorId): VendorStats {
		return { ...(this.counts.get(vendor) as VendorStats) };
	}

	all(): Record<VendorId, VendorStats> {
		const out = {} as Record<VendorId, VendorStats>;
		for (const vendor of VENDOR_IDS) out[vendor] = this.get(vendor);
		return out;
	}

	clear(): void {
		for (const vendor of VENDOR_IDS) {
			const zero = {} as VendorStats;
			for (const key of STAT_KEYS) zero[key] = 0;
			this.counts.set(vendor, zero);
		}
	}
}
