import type { AssumptionName } from './assumptions';
import { sandboxVendor, type VendorId } from './clients';
import { CodeStore } from './oauth/codes';
import { TokenStore } from './oauth/tokens';
import type { ResolvedOptions } from './options';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import { Stats } from './stats';
import { SANDBOX_VENDORS, type SandboxVendorEntry } from './vendors';
import { deliver, type Delivery, type DeliveryResult } from './webhooks';

/** Each vendor's seeded account, typed by its registry entry's seed (sandbox/vendors/index.ts). */
export type VendorData = { [Entry in SandboxVendorEntry as Entry['id']]: ReturnType<Entry['seed']> };

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
		this.data = Object.fromEntries(SANDBOX_VENDORS.map((vendor) => [vendor.id, vendor.seed(now)])) as unknown as VendorData;
		for (const vendor of SANDBOX_VENDORS) {
			for (const fixed of vendor.staticTokens?.(now) ?? []) this.tokens.addStatic(vendor.id, fixed.token, this.me(vendor.id), fixed.scopes, fixed.expiresAt);
		}
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
		const base = sandboxVendor(vendor).accessLifetimeSeconds;
		// A permanent token stays permanent (Worktual documents no refresh at all): shortening it would only strand clients.
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
