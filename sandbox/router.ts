import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ParsedBody } from './http/body';

export interface RequestContext {
	req: IncomingMessage;
	res: ServerResponse;
	method: string;
	/** Path without the query string, percent-decoding left to the handlers. */
	path: string;
	query: URLSearchParams;
	/** The query string exactly as received (without `?`), needed for Worksection's admin hash. */
	rawQuery: string;
	body: ParsedBody;
	/** `:name` segments of the matched route. */
	params: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => void | Promise<void>;

interface Route {
	method: string;
	segments: string[];
	handler: Handler;
}

export interface RouteMatch {
	handler: Handler;
	params: Record<string, string>;
}

/** Exact-segment router with `:param` placeholders; a trailing slash is not significant. */
export class Router {
	private readonly routes: Route[] = [];

	add(method: string | string[], pattern: string, handler: Handler): void {
		for (const m of Array.isArray(method) ? method : [method]) {
			this.routes.push({ method: m.toUpperCase(), segments: split(pattern), handler });
		}
	}

	get(pattern: string, handler: Handler): void {
		this.add('GET', pattern, handler);
	}

	post(pattern: string, handler: Handler): void {
		this.add('POST', pattern, handler);
	}

	list(): string[] {
		return this.routes.map((route) => `${route.method} /${route.segments.join('/')}`);
	}

	/** `undefined` when nothing matches the path; `'method'` when only the method is wrong. */
	match(method: string, path: string): RouteMatch | 'method' | undefined {
		const segments = split(path);
		let pathMatched = false;
		for (const route of this.routes) {
			const params = matchSegments(route.segments, segments);
			if (!params) continue;
			pathMatched = true;
			if (route.method === method.toUpperCase()) return { handler: route.handler, params };
		}
		return pathMatched ? 'method' : undefined;
	}
}

function split(path: string): string[] {
	return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
	if (pattern.length !== actual.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < pattern.length; i++) {
		if (pattern[i].startsWith(':')) {
			params[pattern[i].slice(1)] = safeDecode(actual[i]);
		} else if (pattern[i] !== actual[i]) {
			return undefined;
		}
	}
	return params;
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
