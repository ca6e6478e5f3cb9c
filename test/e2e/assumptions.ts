/**
 * The sandbox is strict to the vendor documents; these lenient switches (sandbox/assumptions.ts) are what the
 * package relies on although no document states it, plus one the local test set-up needs. The suite turns on
 * exactly these and prints, at the end, which ones a request actually needed: the unconfirmed behaviour.
 */
export const PACKAGE_ASSUMPTIONS: readonly string[] = [
	// n8n's refresh body cannot carry redirect_uri (README, "Weekdone refresh in n8n"): it rides in the token URL's query.
	'weekdone-token-query',
	// Test set-up only: the local n8n's OAuth callback is plain http on 127.0.0.1; real installs use HTTPS.
	'worksection-http-redirect',
	// Events and webhooks (triggers) with the default scopes, which do not include "administrative".
	'worksection-unscoped-actions',
	'worktual-authorize-url',
	// The raw token in an "Authorization" header (the doc prints "Authorisation"), and Bearer from n8n's HTTP Request node.
	'worktual-authorization-header',
	'wordapp-authorize-url',
	'wordapp-token-url',
	'wordapp-revoke-url',
	// The connection test: Doorkeeper's token info.
	'wordapp-token-info',
];
