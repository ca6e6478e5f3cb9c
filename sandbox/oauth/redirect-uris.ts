import { ZAPIER_REDIRECT_PATTERN, type RegisteredClient } from '../clients';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * The sandbox app's "registered redirect URLs": any plain-http loopback URL (n8n, local tools),
 * Zapier's OAuth return URL, and any extra entries given in the client override.
 */
export function isRegisteredRedirectUri(client: RegisteredClient, uri: string): boolean {
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return false;
	}
	// RFC 6749 §3.1.2: a redirection endpoint must not contain a fragment.
	if (url.hash !== '' || uri.includes('#')) return false;
	if (url.username !== '' || url.password !== '') return false;
	if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return true;
	return [ZAPIER_REDIRECT_PATTERN, ...(client.redirectUris ?? [])].some((pattern) => matchesPattern(pattern, uri));
}

function matchesPattern(pattern: string, uri: string): boolean {
	return pattern.endsWith('*') ? uri.startsWith(pattern.slice(0, -1)) : uri === pattern;
}

/** Appends parameters to a redirect URI, keeping any query it already has. */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
	const url = new URL(uri);
	for (const [key, value] of Object.entries(params)) {
		if (value !== undefined) url.searchParams.append(key, value);
	}
	return url.toString();
}
