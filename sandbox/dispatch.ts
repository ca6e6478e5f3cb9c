import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isVendorId, type VendorId } from './clients';
import { tokenDelayFor } from './control';
import { authScheme } from './http/auth-header';
import { parseBody, readBody } from './http/body';
import { sendJson } from './http/respond';
import { redactQuery } from './request-log';
import type { RequestContext, Router } from './router';
import type { SandboxState } from './state';

/** Parses every request, routes it, and records it in the request log and stats. */
export function createRequestListener(state: SandboxState, router: Router): RequestListener {
	return (req, res) => {
		void handle(state, router, req, res);
	};
}

async function handle(state: SandboxState, router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const rawUrl = req.url ?? '/';
	const queryStart = rawUrl.indexOf('?');
	const rawQuery = queryStart < 0 ? '' : rawUrl.slice(queryStart + 1);
	const url = new URL(rawUrl, 'http://sandbox.invalid');
	const method = (req.method ?? 'GET').toUpperCase();
	const vendor = vendorOf(url.pathname);

	let buffer: Buffer;
	try {
		buffer = await readBody(req);
	} catch {
		return sendJson(res, 413, { error: 'request_too_large' });
	}
	const ctx: RequestContext = {
		req,
		res,
		method,
		path: url.pathname,
		query: url.searchParams,
		rawQuery,
		body: parseBody(buffer, req.headers['content-type']),
		params: {},
	};
	res.on('finish', () => record(state, vendor, ctx));

	const match = router.match(method, url.pathname);
	if (match === undefined) return sendJson(res, 404, { error: 'not_found', message: `The sandbox has no route ${method} ${url.pathname}` });
	if (match === 'method') return sendJson(res, 405, { error: 'method_not_allowed', message: `${method} is not allowed on ${url.pathname}` });
	const tokenDelay = vendor ? tokenDelayFor(state, vendor, url.pathname) : 0;
	if (tokenDelay > 0) await new Promise((resolve) => setTimeout(resolve, tokenDelay));
	try {
		await match.handler({ ...ctx, params: match.params });
	} catch (error) {
		state.options.log(`[sandbox] ${method} ${url.pathname} crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
		if (!res.headersSent) sendJson(res, 500, { error: 'sandbox_error', message: 'The sandbox failed to handle this request.' });
		else res.end();
	}
}

function vendorOf(path: string): VendorId | undefined {
	const first = path.split('/')[1];
	return isVendorId(first) ? first : undefined;
}

function record(state: SandboxState, vendor: VendorId | undefined, ctx: RequestContext): void {
	const status = ctx.res.statusCode;
	state.options.log(`[sandbox] ${ctx.method} ${ctx.path} ${status}`);
	if (!vendor) return;
	state.stats.bump(vendor, 'requests');
	if (status >= 400) state.stats.bump(vendor, 'rejected');
	state.log.add({
		at: new Date(state.now()).toISOString(),
		vendor,
		method: ctx.method,
		path: ctx.path,
		query: redactQuery(ctx.query),
		bodyKeys: ctx.body.keys,
		authScheme: authScheme(ctx.req.headers),
		status,
	});
}
