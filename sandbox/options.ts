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
}
