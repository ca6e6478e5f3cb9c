// Test-only endpoints under /__sandbox/ (never part of any vendor's surface).
import { ASSUMPTIONS, parseAssumptionNames } from './assumptions';
import { VENDOR_IDS, isVendorId, sandboxVendor, type VendorId } from './clients';
import { sendJson } from './http/respond';
import type { RequestContext, Router } from './router';
import type { SandboxState } from './state';

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
	const { token, refresh } = sandboxVendor(vendor).paths;
	return path === token || path === refresh ? delay : 0;
}

function clients(state: SandboxState): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const vendor of VENDOR_IDS) {
		const client = state.options.clients[vendor];
		const { paths, clientExtras } = sandboxVendor(vendor);
		const urls = Object.fromEntries(Object.entries(paths).map(([k, path]) => [k, `${state.baseUrl}${path}`]));
		// Fixed sandbox credentials (each vendor's registry entry, sandbox/vendors/index.ts); the playground shows them.
		out[vendor] = { clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: client.redirectUris ?? [], urls, ...clientExtras };
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
