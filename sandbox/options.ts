import type { Assumptions, AssumptionName } from './assumptions';
import type { RegisteredClient, VendorId } from './clients';

export interface SandboxOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	host?: string;
	/** Overrides every vendor's access-token lifetime (Worktual's tokens stay permanent). */
	accessTokenTtlSeconds?: number;
	/** Skip the consent page: authorize redirects straight back with a code. */
	autoApprove?: boolean;
	clients?: Partial<Record<VendorId, Partial<RegisteredClient>>>;
	/** Receives one human-readable line per request and per webhook delivery problem. */
	log?: (line: string) => void;
	/** WebWork's documented 60 requests/minute per user; 0 disables the limit. */
	webworkRateLimitPerMinute?: number;
	/** Authorization-code lifetime (10 minutes, as Worksection and Worktual document). */
	authCodeTtlSeconds?: number;
	/** Clock injection so tests can move time without sleeping. */
	now?: () => number;
	/**
	 * Lenient switches to turn on by name (sandbox/assumptions.ts; `all` for every one). Default: none,
	 * so the sandbox is strict to the vendor documents.
	 */
	assumptions?: (AssumptionName | 'all' | string)[];
	/** JSON file the exercised assumptions are written to (e.g. build/assumptions/e2e.json). */
	assumptionsFile?: string;
	/**
	 * Redirect URIs registered for every vendor's sandbox app, matched exactly (default
	 * DEFAULT_REDIRECT_URIS in clients.ts). Per-vendor extras go in `clients[vendor].redirectUris`.
	 */
	redirectUris?: string[];
}

export interface ResolvedOptions {
	host: string;
	port: number;
	accessTokenTtlSeconds: number | undefined;
	autoApprove: boolean;
	clients: Record<VendorId, RegisteredClient>;
	log: (line: string) => void;
	webworkRateLimitPerMinute: number;
	authCodeTtlSeconds: number;
	now: () => number;
	assumptions: Assumptions;
}
