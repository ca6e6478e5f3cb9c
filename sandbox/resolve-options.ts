import { Assumptions, parseAssumptionNames } from './assumptions';
import { DEFAULT_REDIRECT_URIS, SANDBOX_CLIENTS, VENDOR_IDS, type RegisteredClient, type VendorId } from './clients';
import type { ResolvedOptions, SandboxOptions } from './options';

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
	const clients = {} as Record<VendorId, RegisteredClient>;
	for (const vendor of VENDOR_IDS) {
		const override = options.clients?.[vendor] ?? {};
		const redirectUris = [...(options.redirectUris ?? DEFAULT_REDIRECT_URIS), ...(override.redirectUris ?? [])];
		clients[vendor] = { ...SANDBOX_CLIENTS[vendor], ...override, redirectUris };
	}
	return {
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
		accessTokenTtlSeconds: options.accessTokenTtlSeconds,
		autoApprove: options.autoApprove ?? false,
		clients,
		log: options.log ?? (() => undefined),
		webworkRateLimitPerMinute: options.webworkRateLimitPerMinute ?? 60,
		authCodeTtlSeconds: options.authCodeTtlSeconds ?? 600,
		now: options.now ?? Date.now,
		assumptions: new Assumptions(parseAssumptionNames(options.assumptions ?? []), options.assumptionsFile),
	};
}
