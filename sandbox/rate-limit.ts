/** Fixed one-minute windows per key, like Laravel's throttle middleware. */
export class RateLimiter {
	private readonly windows = new Map<string, { start: number; count: number }>();

	constructor(
		private readonly limitPerMinute: number,
		private readonly now: () => number,
	) {}

	/** Counts one hit; `allowed` is false once the key exceeded the limit in its current window. */
	hit(key: string): { allowed: boolean; limit: number; remaining: number; retryAfterSeconds: number } {
		const now = this.now();
		let window = this.windows.get(key);
		if (!window || now - window.start >= 60_000) {
			window = { start: now, count: 0 };
			this.windows.set(key, window);
		}
		const retryAfterSeconds = Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000));
		if (this.limitPerMinute <= 0) return { allowed: true, limit: 0, remaining: 0, retryAfterSeconds };
		window.count++;
		const allowed = window.count <= this.limitPerMinute;
		return { allowed, limit: this.limitPerMinute, remaining: Math.max(0, this.limitPerMinute - window.count), retryAfterSeconds };
	}
}
