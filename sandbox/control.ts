// Test-only endpoints under /__sandbox/ (never part of any vendor's surface).
import { ASSUMPTIONS, parseAssumptionNames } from './assumptions';
import { VENDOR_IDS, WEBWORK_PAT, WORDAPP_USER, WORKSECTION_ADMIN_KEY, WORKTUAL_PRIVATE_TOKEN, isVendorId, type VendorId } from './clients';
import { sendJson } from './http/respond';
import type { RequestContext, Router } from './router';
import type { SandboxState } from './state';

/** Vendor-relative URLs, for the playground's "how do I configure this" view. */
const ENDPOINTS: Record<VendorId, Record<string, string>> = {
	weekdone: { authorize: '/weekdone/oauth_authorize', token: '/weekdone/oauth_token', api: '/weekdone/api/1' },
	worksection: {
		authorize: '/worksection/oauth2/authorize',
		token: '/worksection/oauth2/token',
		refresh: '/worksection/oauth2/refresh',
		resource: '/worksection/oauth2/resource',
		account: '/worksection/account',
	},
	worktual: { authorize: '/worktual/services/oauth2/v1/authorize', token: '/worktual/services/oauth2/v1/token', api: '/worktual/services/ccaas/v1' },
	'webwork-tracker': { authorize: '/webwork-tracker/oauth/authorize', token: '/webwork-tracker/oauth/token', api: '/webwork-tracker/api/v2' },
	wordapp: { authorize: '/wordapp/oauth/authorize', token: '/wordapp/oauth/token', revoke: '/wordapp/oauth/revoke', tokenInfo: '/wordapp/oauth/token/info', api: '/wordapp/api/v1' },
};

export function registerControl(router: Router, state: SandboxState): void {
	router.post('/__sandbox/expire', (ctx) => {
		const vendor = requireVendor(ctx);
		if (vendor) sendJson(ctx.res, 200, { vendor, expired: state.expire(vendor) });
	});
	router.post('/__sandbox/reset', (ctx) => {
		state.reset();
		sendJson(ctx.res, 200, { reset: true });
	});
	router.get('/__sandbox/log', (ctx) => {
		const vendor = ctx.query.get('vendor');
		if (vendor !== null && !isVendorId(vendor)) return badVendor(ctx);
		sendJson(ctx.res, 200, state.log.list(vendor ?? undefined));
	});
	router.get('/__sandbox/stats', (ctx) => {
		const vendor = ctx.query.get('vendor');
		if (vendor === null) return sendJson(ctx.res, 200, state.stats.all());
		if (!isVendorId(vendor)) return badVendor(ctx);
		sendJson(ctx.res, 200, state.stats.get(vendor));
	});
	router.get('/__sandbox/clients', (ctx) => sendJson(ctx.res, 200, clients(state)));
	// A vendor whose token endpoint is slow (e.g. longer than n8n's 10 s refresh-lock wait): ?vendor=&ms= (0 = off).
	router.post('/__sandbox/token-delay', (ctx) => {
		const vendor = requireVendor(ctx);
		if (!vendor) return;
		const ms = Number(ctx.query.get('ms'));
		if (!Number.isInteger(ms) || ms < 0 || ms > MAX_TOKEN_DELAY_MS) return sendJson(ctx.res, 400, { error: `ms must be a whole number from 0 to ${MAX_TOKEN_DELAY_MS}` });
		state.tokenDelayMs.set(vendor, ms);
		sendJson(ctx.res, 200, { vendor, tokenDelayMs: ms });
	});

	// Lenient switches (sandbox/assumptions.ts): which exist, which are on, which requests needed one.
	router.get('/__sandbox/assumptions', (ctx) => sendJson(ctx.res, 200, { known: ASSUMPTIONS, ...state.options.assumptions.report() }));
	// ?enable=a,b&disable=c (or the same fields in a form body); `all` names every switch.
	router.post('/__sandbox/assumptions', (ctx) => {
		const field = (name: string) => [ctx.query.get(name) ?? '', ctx.body.fields[name] ?? ''];
		let enable, disable;
		try {
			enable = parseAssumptionNames(field('enable'));
			disable = parseAssumptionNames(field('disable'));
		} catch (error) {
			return sendJson(ctx.res, 400, { error: (error as Error).message });
		}
		state.options.assumptions.set(enable, true);
		state.options.assumptions.set(disable, false);
		sendJson(ctx.res, 200, state.options.assumptions.report());
	});
	// One more exact redirect URI (?uri=…[&vendor=…], every vendor when vendor is omitted), for callers
	// that learn their callback port after the sandbox started (the Zapier CLI lifecycle).
	router.post('/__sandbox/redirect-uris', (ctx) => {
		const uri = ctx.query.get('uri') ?? ctx.body.fields.uri;
		if (!uri || !isAbsoluteUrl(uri)) return sendJson(ctx.res, 400, { error: 'uri must be an absolute URL' });
		const vendor = ctx.query.get('vendor') ?? ctx.body.fields.vendor;
		if (vendor !== undefined && vendor !== null && !isVendorId(vendor)) return badVendor(ctx);
		const vendors = vendor ? [vendor] : [...VENDOR_IDS];
		for (const v of vendors) {
			const client = state.options.clients[v];
			if (!(client.redirectUris ?? []).includes(uri)) client.redirectUris = [...(client.redirectUris ?? []), uri];
		}
		sendJson(ctx.res, 200, { registered: uri, vendors });
	});
	// Further switches: one route each under /__sandbox/, state in SandboxState, documented in README.md.
}

function isAbsoluteUrl(value: string): boolean {
	try {
		new URL(value);
		return true;
	} catch {
		return false;
	}
}

const MAX_TOKEN_DELAY_MS = 60_000;

/** How long a request to `path` waits before it is handled: the vendor's token delay on its token and refresh URLs, else 0. */
export function tokenDelayFor(state: SandboxState, vendor: VendorId, path: string): number {
	const delay = state.tokenDelayMs.get(vendor) ?? 0;
	if (delay === 0) return 0;
	const { token, refresh } = ENDPOINTS[vendor];
	return path === token || path === refresh ? delay : 0;
}

function clients(state: SandboxState): Record<string, unknown> {
	const extras: Record<VendorId, Record<string, string>> = {
		weekdone: {},
		worksection: { adminApiKey: WORKSECTION_ADMIN_KEY },
		worktual: { privateAppToken: WORKTUAL_PRIVATE_TOKEN },
		'webwork-tracker': { personalAccessToken: WEBWORK_PAT },
		wordapp: { username: WORDAPP_USER.email, password: WORDAPP_USER.password },
	};
	const out: Record<string, unknown> = {};
	for (const vendor of VENDOR_IDS) {
		const client = state.options.clients[vendor];
		const urls = Object.fromEntries(Object.entries(ENDPOINTS[vendor]).map(([k, path]) => [k, `${state.baseUrl}${path}`]));
		// Fixed sandbox credentials, also exported from sandbox/clients.ts; the playground shows them.
		out[vendor] = { clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: client.redirectUris ?? [], urls, ...extras[vendor] };
	}
	return out;
}

function requireVendor(ctx: RequestContext): VendorId | undefined {
	const vendor = ctx.query.get('vendor');
	if (isVendorId(vendor)) return vendor;
	badVendor(ctx);
	return undefined;
}

function badVendor(ctx: RequestContext): void {
	sendJson(ctx.res, 400, { error: `vendor must be one of ${VENDOR_IDS.join(', ')}` });
}
