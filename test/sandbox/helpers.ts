import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/server';

/** The redirect URI n8n uses; loopback URLs are registered for every sandbox client. */
export const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

export interface Harness {
	sandbox: RunningSandbox;
	http: AxiosInstance;
}

/** Starts a sandbox on a random port and an axios client that never throws on status or follows redirects. */
export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
	const sandbox = await startSandbox({ port: 0, ...options });
	const http = axios.create({ baseURL: sandbox.url, validateStatus: () => true, maxRedirects: 0 });
	return { sandbox, http };
}

/**
 * One sandbox for the whole test file: started before its tests, closed after them. Its fields can be read
 * inside tests and hooks (before the file's beforeAll has run there is no sandbox yet).
 */
export function sandboxForFile(options: SandboxOptions = {}): Harness {
	let started: Harness | undefined;
	beforeAll(async () => {
		started = await startHarness(options);
	});
	afterAll(() => started?.sandbox.close());
	const get = (): Harness => {
		if (!started) throw new Error('the sandbox starts in beforeAll: use it inside tests and hooks');
		return started;
	};
	return {
		get sandbox() {
			return get().sandbox;
		},
		get http() {
			return get().http;
		},
	};
}

export function form(fields: Record<string, string>): URLSearchParams {
	return new URLSearchParams(fields);
}

export function basic(id: string, secret: string): string {
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/**
 * Posts a token request with the client credentials only in an HTTP Basic header, and expects the refusal of a
 * vendor whose doc lists them as form fields: 401 invalid_client.
 */
export async function expectBasicClientAuthRefused(http: AxiosInstance, path: string, fields: Record<string, string>, client: { clientId: string; clientSecret: string }): Promise<void> {
	const res = await http.post(path, form(fields), { headers: { Authorization: basic(client.clientId, client.clientSecret) } });
	expect(res.status).toBe(401);
	expect(res.data.error).toBe('invalid_client');
}

/** Query parameters of a redirect's Location header. */
export function redirectParams(res: AxiosResponse): URLSearchParams {
	expect(res.status).toBe(302);
	return new URL(String(res.headers.location)).searchParams;
}

/** Runs authorize (auto-approve servers redirect at once) and returns the code. */
export async function authorizeCode(http: AxiosInstance, path: string, query: Record<string, string>): Promise<string> {
	const res = await http.get(path, { params: query });
	const params = redirectParams(res);
	const code = params.get('code');
	expect(code).toBeTruthy();
	return code as string;
}

export async function expire(http: AxiosInstance, vendor: string): Promise<number> {
	const res = await http.post(`/__sandbox/expire?vendor=${vendor}`);
	expect(res.status).toBe(200);
	return res.data.expired as number;
}
