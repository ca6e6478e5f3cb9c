/**
 * Records every HTTP request that leaves the process during a test, wherever it goes: a persistent catch-all
 * interceptor per origin the test names (answering 200 {"ok":true}), plus nock's "no match" event for any
 * request to an origin nobody intercepts (which nock then refuses). So "nothing was sent" is checked
 * against all traffic, not only against the hosts a test expected.
 */
import nock from 'nock';

export interface SeenRequest {
	method: string;
	url: string;
	headers: Record<string, unknown>;
	body: string;
	/** true when no interceptor matched (nock refused it, but the code under test did try to send it). */
	unmatched: boolean;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export class Traffic {
	readonly seen: SeenRequest[] = [];
	private readonly onNoMatch = (req: { method?: string; href?: string; path?: string; options?: { href?: string }; headers?: Record<string, unknown> }) => {
		this.seen.push({ method: String(req.method ?? ''), url: String(req.href ?? req.options?.href ?? req.path ?? ''), headers: req.headers ?? {}, body: '', unmatched: true });
	};

	constructor() {
		nock.emitter.on('no match', this.onNoMatch);
	}

	/** Answers every request to `origin` with `reply` (default 200 {"ok":true}) and records it. */
	intercept(origin: string, reply: (method: string, path: string) => [number, unknown] = () => [200, { ok: true }]): this {
		const seen = this.seen;
		for (const method of METHODS) {
			nock(origin)
				.persist()
				.intercept(() => true, method)
				.reply(function (path, body) {
					seen.push({ method, url: `${origin}${path}`, headers: { ...this.req.headers }, body: typeof body === 'string' ? body : JSON.stringify(body ?? ''), unmatched: false });
					return reply(method, path);
				});
		}
		return this;
	}

	stop(): void {
		nock.emitter.removeListener('no match', this.onNoMatch);
	}
}
