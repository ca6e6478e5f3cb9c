import type { AssumptionName } from './assumptions';
import { WEBWORK_PAT, WORKTUAL_PRIVATE_TOKEN, type VendorId } from './clients';
import { CodeStore } from './oauth/codes';
import { TokenStore } from './oauth/tokens';
import type { ResolvedOptions } from './options';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import { seedWebwork, type WebworkData } from './seed/webwork-tracker';
import { seedWeekdone, type WeekdoneData } from './seed/weekdone';
import { seedWordapp, type WordappData } from './seed/wordapp';
import { seedWorksection, type WorksectionData } from './seed/worksection';
import { seedWorktual, type WorktualData } from './seed/worktual';
import { Stats } from './stats';
import { deliver, type Delivery, type DeliveryResult } from './webhooks';

export interface VendorData {
	weekdone: WeekdoneData;
	worksection: WorksectionData;
	worktual: WorktualData;
	'webwork-tracker': WebworkData;
	wordapp: WordappData;
}

/** Documented access-token lifetimes in seconds; null = permanent. */
export const DEFAULT_ACCESS_TTL: Record<VendorId, number | null> = {
	weekdone: 3600, // "access_token will expire in 60 minutes"
	worksection: 86_400, // "valid for 24 hours"
	worktual: null, // "permanent access_token"
	'webwork-tracker': 1_296_000, // 15 days
	wordapp: 7200, // "expired in 2 hours"
};

const SIX_MONTHS_MS = 182 * 86_400_000;

/** Everything one sandbox instance remembers; `reset()` returns it to the seeded state. */
export class SandboxState {
	/** Set by the server once it listens, e.g. http://127.0.0.1:5701. */
	baseUrl = '';
	readonly stats = new Stats();
	readonly log = new RequestLog();
	/** Slow-vendor switch (POST /__sandbox/token-delay): ms each token request of the vendor waits before it is handled. */
	readonly tokenDelayMs = new Map<VendorId, number>();
	tokens!: TokenStore;
	codes!: CodeStore;
	data!: VendorData;
	webworkLimiter!: RateLimiter;
	private pending = new Set<Promise<void>>();

	constructor(readonly options: ResolvedOptions) {
		this.reset();
	}

	now(): number {
		return this.options.now();
	}

	/**
	 * True when the named lenient switch is on, recording that this request passed only because of it.
	 * Call it exactly where the vendor documents alone would make the sandbox reject.
	 */
	rely(name: AssumptionName, request: { method: string; path: string }): boolean {
		return this.options.assumptions.rely(name, `${request.method} ${request.path}`);
	}

	reset(): void {
		const now = this.now();
		this.tokens = new TokenStore(this.options.now);
		this.codes = new CodeStore(this.options.now, this.options.authCodeTtlSeconds);
		this.webworkLimiter = new RateLimiter(this.options.webworkRateLimitPerMinute, this.options.now);
		this.data = {
			weekdone: seedWeekdone(now),
			worksection: seedWorksection(now),
			worktual: seedWorktual(),
			'webwork-tracker': seedWebwork(now),
			wordapp: seedWordapp(),
		};
		this.tokens.addStatic('webwork-tracker', WEBWORK_PAT, this.me('webwork-tracker'), ['read', 'write', 'admin'], now + SIX_MONTHS_MS);
		this.tokens.addStatic('worktual', WORKTUAL_PRIVATE_TOKEN, this.me('worktual'), [], null);
		this.stats.clear();
		this.log.clear();
		this.tokenDelayMs.clear();
	}

	/** The seeded user the sandbox is signed in as at the vendor: who approves consent and owns the personal tokens. */
	me(vendor: VendorId): string {
		return String(this.data[vendor].me);
	}

	/** Access-token lifetime for new tokens, honouring the accessTokenTtlSeconds override. */
	accessTtl(vendor: VendorId): number | null {
		const base = DEFAULT_ACCESS_TTL[vendor];
		// Worktual documents no refresh at all, so shortening its tokens would only strand clients.
		if (base === null) return null;
		return this.options.accessTokenTtlSeconds ?? base;
	}

	expire(vendor: VendorId): number {
		return this.tokens.expireVendor(vendor);
	}

	/** Fire-and-forget webhook POST; failures are counted and logged, never thrown. */
	sendWebhook(vendor: VendorId, delivery: Delivery, onResult?: (result: DeliveryResult) => void): void {
		const job = deliver(delivery).then((result) => {
			this.stats.bump(vendor, result.ok ? 'webhooksDelivered' : 'webhooksFailed');
			if (!result.ok) {
				this.options.log(`[sandbox] ${vendor} webhook to ${delivery.url} failed: ${result.error ?? `HTTP ${result.status}`}`);
			}
			onResult?.(result);
		});
		this.pending.add(job);
		void job.finally(() => this.pending.delete(job));
	}

	/** Resolves once every webhook sent so far has been answered or failed. */
	async webhooksSettled(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}
}
