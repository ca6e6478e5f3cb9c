// The shape of one emulated vendor: everything the shared sandbox code (clients, control endpoints, router,
// state) needs to know about it. Each vendor's entry is built in its own file (sandbox/vendors/<id>.ts) and
// listed once in sandbox/vendors/index.ts.
import type { Router } from './router';
import type { SandboxState } from './state';

/** A token the vendor hands out outside OAuth (a personal or private app token), valid from every reset. */
export interface StaticToken {
	token: string;
	scopes: string[];
	/** Epoch ms; null = never expires. */
	expiresAt: number | null;
}

export interface SandboxVendor<Id extends string, Data extends { me: number }> {
	readonly id: Id;
	/**
	 * Vendor-relative URL paths by name, shown by GET /__sandbox/clients as `urls`. `token` and `refresh`
	 * (when the vendor has a separate refresh URL) are the ones POST /__sandbox/token-delay slows down.
	 */
	readonly paths: { readonly token: string; readonly refresh?: string; readonly [name: string]: string | undefined };
	/** Documented access-token lifetime in seconds; null = permanent (not shortened by accessTokenTtlSeconds). */
	readonly accessLifetimeSeconds: number | null;
	/** The vendor's account as it is after every reset; `me` is the signed-in user's ID. */
	seed(now: number): Data;
	/** Non-OAuth tokens valid from every reset, owned by the seeded `me`. */
	staticTokens?(now: number): readonly StaticToken[];
	/** Adds the vendor's OAuth and API routes. */
	register(router: Router, state: SandboxState): void;
	/** Further fixed test secrets shown by GET /__sandbox/clients beside the client ID and secret. */
	readonly clientExtras: Readonly<Record<string, string>>;
}
