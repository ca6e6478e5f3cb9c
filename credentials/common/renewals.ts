import { createHmac, randomBytes } from 'crypto';

/**
 * Single-flight token renewals within one process, for credentials renewed in `preAuthentication`.
 *
 * n8n runs a credential's preAuthentication without any lock (n8n-core request-helpers: every request that
 * gets a 401 calls it), and Wordapp invalidates the previous token whenever it issues a new one
 * (https://help.wordapp.com/output/wordapp-api/: "The previous token will be invalidated"), so parallel
 * renewals would revoke each other. Here every caller that saw the same token fail shares one renewal:
 * while it runs they await it, and once it is done a late caller (its 401 arrived after the renewal) gets the
 * newest result, following renewals of renewals, instead of renewing again and knocking the others out.
 *
 * Keys are HMAC-SHA-256 digests, under a random per-process key, of everything the renewal depends on (the
 * connection's settings and secrets) and the token being replaced: no secret is ever held or shown as a key,
 * and a key reveals nothing outside this process. The memo is bounded (oldest entries, i.e. old tokens, are dropped first) and uses no timers; a failed
 * renewal is forgotten, so the next caller tries again. Across processes (n8n queue-mode workers) nothing is
 * shared: each process can still renew once.
 */
/** Per process, so keys cannot be recomputed elsewhere from guessed inputs. */
const KEY_SECRET = randomBytes(32);

/** `nextKey` names the token the renewal produced, once it has. */
interface Entry<T> {
	result: Promise<T>;
	nextKey?: string;
}

export class RenewalMemo<T> {
	private readonly entries = new Map<string, Entry<T>>();

	constructor(private readonly limit = 64) {}

	/** A digest naming `parts` (connection + token); never contains the inputs themselves. */
	static key(...parts: string[]): string {
		return createHmac('sha256', KEY_SECRET).update(JSON.stringify(parts)).digest('hex');
	}

	get size(): number {
		return this.entries.size;
	}

	/**
	 * The renewal that replaces the token named by `replacedKey`: a running or finished one when there is one
	 * (the newest in its chain), else a new one. `keyOf` names the token a result holds, to chain renewals.
	 */
	async renew(replacedKey: string, renew: () => Promise<T>, keyOf: (result: T) => string): Promise<T> {
		let found = this.entries.get(replacedKey);
		for (let hops = 0; found && hops < this.limit; hops++) {
			const next = found.nextKey === undefined ? undefined : this.entries.get(found.nextKey);
			if (!next) break;
			found = next;
		}
		if (found) return await found.result;
		const entry = {} as Entry<T>;
		entry.result = renew().then(
			(result) => {
				entry.nextKey = keyOf(result);
				return result;
			},
			(error: unknown) => {
				if (this.entries.get(replacedKey) === entry) this.entries.delete(replacedKey);
				throw error;
			},
		);
		this.entries.set(replacedKey, entry);
		while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
		return await entry.result;
	}
}
