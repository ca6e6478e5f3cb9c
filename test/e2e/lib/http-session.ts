export interface HttpResponse {
	status: number;
	headers: Headers;
	text: string;
	url: string;
}

export interface RequestOptions {
	/** Sent as JSON. */
	json?: unknown;
	headers?: Record<string, string>;
	timeoutMs?: number;
}

/**
 * fetch with a cookie jar per origin and fixed extra headers, never following redirects (callers look at
 * the Location themselves, like the browser step of an OAuth consent). Enough for n8n's session cookies;
 * cookie paths and expiry dates are not modelled beyond "Max-Age=0 deletes".
 */
export class HttpSession {
	private readonly jars = new Map<string, Map<string, string>>();

	constructor(private readonly fixedHeaders: Record<string, string> = {}) {}

	async request(method: string, url: string, options: RequestOptions = {}): Promise<HttpResponse> {
		const { origin } = new URL(url);
		const headers: Record<string, string> = { ...this.fixedHeaders, ...options.headers };
		const cookie = this.cookieHeader(origin);
		if (cookie) headers.cookie = cookie;
		let body: string | undefined;
		if (options.json !== undefined) {
			body = JSON.stringify(options.json);
			headers['content-type'] = 'application/json';
		}
		const res = await fetch(url, {
			method,
			headers,
			body,
			redirect: 'manual',
			signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
		});
		this.store(origin, res.headers.getSetCookie());
		return { status: res.status, headers: res.headers, text: await res.text(), url };
	}

	cookieHeader(origin: string): string {
		const jar = this.jars.get(origin);
		return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
	}

	private store(origin: string, setCookies: string[]): void {
		if (setCookies.length === 0) return;
		const jar = this.jars.get(origin) ?? new Map<string, string>();
		this.jars.set(origin, jar);
		for (const line of setCookies) {
			const [pair, ...attributes] = line.split(';');
			const eq = pair.indexOf('=');
			if (eq <= 0) continue;
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const deleted = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a)) || value === '';
			if (deleted) jar.delete(name);
			else jar.set(name, value);
		}
	}
}

/** Parses a JSON body or throws with the status and the start of the body, for readable failures. */
export function jsonBody<T>(res: HttpResponse): T {
	try {
		return JSON.parse(res.text) as T;
	} catch {
		throw new Error(`${res.url}: HTTP ${res.status}, not JSON: ${res.text.slice(0, 200)}`);
	}
}
