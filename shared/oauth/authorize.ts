import { createHash, randomBytes } from 'crypto';

import type { VendorDefinition } from '../types';

export interface AuthorizeParams {
	clientId: string;
	redirectUri: string;
	state: string;
	/** Defaults to the vendor's default scopes. */
	scopes?: string[];
	/** S256 challenge; only sent when the vendor supports PKCE. */
	codeChallenge?: string;
	/** Overrides the vendor's authorize URL (for URLs the vendor does not document, and the sandbox). */
	authorizeUrl?: string;
}

/** Builds the URL the user's browser is sent to, with the vendor's own parameter names. */
export function buildAuthorizeUrl(vendor: VendorDefinition, params: AuthorizeParams): string {
	const { authorize, scopes } = vendor.oauth2;
	const names = authorize.paramNames;
	const url = new URL(params.authorizeUrl ?? authorize.url.url);
	url.searchParams.set(names.clientId, params.clientId);
	url.searchParams.set(names.redirectUri, params.redirectUri);
	url.searchParams.set(names.responseType, 'code');
	url.searchParams.set(names.state, params.state);
	const requested = params.scopes ?? scopes.default;
	if (requested.length > 0) url.searchParams.set(names.scope, requested.join(scopes.separator));
	for (const [key, value] of Object.entries(authorize.extraParams)) url.searchParams.set(key, value);
	if (authorize.pkce && params.codeChallenge) {
		url.searchParams.set('code_challenge', params.codeChallenge);
		url.searchParams.set('code_challenge_method', 'S256');
	}
	return url.toString();
}

/** A random, URL-safe state value. */
export function createState(): string {
	return randomBytes(16).toString('base64url');
}

/** RFC 7636 S256 pair. */
export function createPkcePair(): { verifier: string; challenge: string } {
	const verifier = randomBytes(32).toString('base64url');
	const challenge = createHash('sha256').update(verifier).digest('base64url');
	return { verifier, challenge };
}
