import { createHash } from 'node:crypto';

import { worksectionAccountUrl } from '../sandbox-overwrites';

/**
 * Direct calls to the sandbox's vendor APIs with the fixed test secrets (sandbox/clients.ts), to cause
 * events outside n8n (a record created "by someone else") and to read what n8n registered there.
 */
export const WORKSECTION_ADMIN_KEY = 'sandbox-worksection-admin-key';
export const WEBWORK_PAT = 'sandbox-webwork-pat';

type Json = Record<string, unknown>;

/** Worksection admin API: hash = md5(query string + key), as the docs say (and the sandbox checks byte for byte). */
export async function worksectionAdmin(sandboxUrl: string, action: string, params: Record<string, string> = {}): Promise<Json> {
	const query = new URLSearchParams({ action, ...params }).toString();
	const hash = createHash('md5').update(query + WORKSECTION_ADMIN_KEY).digest('hex');
	const url = `${worksectionAccountUrl(sandboxUrl)}/api/admin/v2?${query}&hash=${hash}`;
	const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(10_000) });
	const text = await res.text();
	let body: Json;
	try {
		body = JSON.parse(text) as Json;
	} catch {
		throw new Error(`worksection ${action}: HTTP ${res.status}: ${text.slice(0, 200)}`);
	}
	if (res.status !== 200 || body.status !== 'ok') throw new Error(`worksection ${action}: HTTP ${res.status}: ${text.slice(0, 300)}`);
	return body;
}

/** WebWork Tracker API v2 with the personal access token. */
export async function webwork(sandboxUrl: string, method: string, path: string, options: { query?: Record<string, string>; body?: unknown } = {}): Promise<Json> {
	const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
	const res = await fetch(`${sandboxUrl.replace(/\/+$/, '')}/webwork-tracker/api/v2${path}${query}`, {
		method,
		headers: { Authorization: `Bearer ${WEBWORK_PAT}`, Accept: 'application/json', ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
		body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
		signal: AbortSignal.timeout(10_000),
	});
	const text = await res.text();
	if (res.status < 200 || res.status >= 300) throw new Error(`webwork ${method} ${path}: HTTP ${res.status}: ${text.slice(0, 300)}`);
	return JSON.parse(text) as Json;
}
