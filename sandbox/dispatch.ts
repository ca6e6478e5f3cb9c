import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isVendorId, type VendorId } from './clients';
import { tokenDelayFor } from './control';
import { authScheme } from './http/auth-header';
import { MAX_BODY_BYTES, parseBody, readBody } from './http/body';
import { sendJson } from './http/respond';
import { redactQuery } from './request-log';
import type { RequestContext, Router } from './router';
import type { SandboxState } from './state';

/** Parses every request, routes it, and records it in the request log and stats. */
export function createRequestListener(state: SandboxState, router: Router): RequestListener {
	return (req, res) => {
		handle(state, router, req, res).catch((error: unknown) => {
			// Only a sandbox bug gets here; it must cost one answer, never the process.
			state.options.log(`[sandbox] ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			if (!res.headersSent) sendJson(res, 500, { error: 'sandbox_error', message: 'The sandbox failed to handle this request.' });
			else res.destroy();
		});
	};
}

export interface RequestTarget {
	path: string;
	query: URLSearchParams;
	rawQuery: string;
}

/**
 * The origin-form target (RFC 9112 §3.2.1) of a request line, or undefined when it is malformed: not
 * starting with a single "/" (absolute-form, "*", "//…"), unparsable, or with broken percent-encoding in
 * the path. Those are answered 400, as a real front server would.
 */
export function parseTarget(rawUrl: string): RequestTarget | undefined {
	if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) return undefined;
	const queryStart = rawUrl.indexOf('?');
	const rawPath = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
	try {
		decodeURIComponent(rawPath);
	} catch {
		return undefined;
	}
	let url: URL;
	try {
		// A fixed origin plus a target that starts with exactly one "/" can only be read as a path.
		url = new URL(`http://sandbox.invalid${rawUrl}`);
	} catch {
		return undefined;
	}
	return { path: url.pathname, query: url.searchParams, rawQuery: queryStart < 0 ? '' : rawUrl.slice(queryStart + 1) };
}

async function handle(state: SandboxState, router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const target = parseTarget(req.url ?? '');
	const read = await readBody(req);
	if (read.kind === 'aborted') return void res.destroy();
	if (read.kind === 'too-large') return sendTooLarge(res, read.drained);
	if (!target) return sendJson(res, 400, { error: 'bad_request', message: 'Malformed request target.' }, { Connection: 'close' });

	const vendor = vendorOf(target.path);
	const ctx: RequestContext = {
		req,
		res,
		method,
		path: target.path,
		query: target.query,
		rawQuery: target.rawQuery,
		body: parseBody(read.buffer, req.headers['content-type']),
		params: {},
	};
	res.on('finish', () => record(state, vendor, ctx));

	const match = router.match(method, target.path);
	if (match === undefined) return sendJson(res, 404, { error: 'not_found', message: `The sandbox has no route ${method} ${target.path}` });
	if (match === 'method') return sendJson(res, 405, { error: 'method_not_allowed', message: `${method} is not allowed on ${target.path}` });
	// The slow-vendor switch (POST /__sandbox/token-delay) holds token and refresh requests back.
	const delay = vendor ? tokenDelayFor(state, vendor, target.path) : 0;
	if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
	await match.handler({ ...ctx, params: match.params });
}

/** 413 at once, then the connection is closed once the rest of the upload has been read and dropped. */
function sendTooLarge(res: ServerResponse, drained: Promise<void>): void {
	const body = JSON.stringify({ error: 'request_too_large', message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` });
	res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close', 'Cache-Control': 'no-store' });
	res.write(body);
	void drained.then(() => res.end());
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
