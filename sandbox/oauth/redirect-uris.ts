import type { RegisteredClient } from '../clients';

/**
 * The sandbox app's registered redirect URIs, compared byte for byte: no loopback or port leniency,
 * no prefix match ("Must match exactly": WebWork; "This must match the Redirect URL specified in the
 * application settings": Weekdone; "must match one of the defined OAuth 2.0 Redirect URLs": Wordapp).
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
	return (client.redirectUris ?? []).includes(uri);
}

/** Appends parameters to a redirect URI, keeping any query it already has. */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
	const url = new URL(uri);
	for (const [key, value] of Object.entries(params)) {
		if (value !== undefined) url.searchParams.append(key, value);
	}
	return url.toString();
}
