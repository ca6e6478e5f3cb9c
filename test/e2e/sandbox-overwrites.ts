/**
 * Points every credential type of the package at the local vendor sandbox through n8n's own
 * CREDENTIALS_OVERWRITE_DATA (no test hooks in shipped code). n8n applies a value when the stored one is
 * empty, before the type's defaults, so it also wins over hidden ("pinned") URL fields.
 * Never put clientId/clientSecret here: n8n would treat the type as managed OAuth and hide them.
 * The one place to fix when a credential field or a sandbox route changes.
 */
const PATHS: Record<string, Record<string, string>> = {
	weekdoneOAuth2Api: {
		authUrl: '/weekdone/oauth_authorize',
		tokenUrl: '/weekdone/oauth_token',
		apiBaseUrl: '/weekdone/api/1',
	},
	worksectionOAuth2Api: {
		authUrl: '/worksection/oauth2/authorize',
		tokenUrl: '/worksection/oauth2/token',
		refreshUrl: '/worksection/oauth2/refresh',
		// Real calls go to the token's account_url + /api/oauth2; this is only the fallback.
		apiBaseUrl: '/worksection/account/api/oauth2',
	},
	worktualOAuth2Api: {
		authUrl: '/worktual/services/oauth2/v1/authorize',
		tokenUrl: '/worktual/services/oauth2/v1/token',
		apiBaseUrl: '/worktual/services/ccaas/v1',
	},
	webworkTrackerOAuth2Api: {
		authUrl: '/webwork-tracker/oauth/authorize',
		tokenUrl: '/webwork-tracker/oauth/token',
		apiBaseUrl: '/webwork-tracker/api/v2',
	},
	wordappOAuth2Api: {
		authUrl: '/wordapp/oauth/authorize',
		tokenUrl: '/wordapp/oauth/token',
		revokeUrl: '/wordapp/oauth/revoke',
		apiBaseUrl: '/wordapp/api/v1',
	},
	// worksectionAdminApi has no URL to overwrite: its accountUrl is a user field (<sandbox>/worksection/account).
	worktualPrivateAppTokenApi: { apiBaseUrl: '/worktual/services/ccaas/v1' },
	webworkTrackerPersonalAccessTokenApi: { apiBaseUrl: '/webwork-tracker/api/v2' },
	webworkTrackerClientCredentialsOAuth2Api: { tokenUrl: '/webwork-tracker/oauth/token', apiBaseUrl: '/webwork-tracker/api/v2' },
	wordappClientCredentialsOAuth2Api: { tokenUrl: '/wordapp/oauth/token', apiBaseUrl: '/wordapp/api/v1' },
	wordappPasswordApi: { tokenUrl: '/wordapp/oauth/token', apiBaseUrl: '/wordapp/api/v1' },
};

/** CREDENTIALS_OVERWRITE_DATA for a sandbox listening at sandboxUrl (e.g. http://127.0.0.1:5711). */
export function sandboxOverwrites(sandboxUrl: string): Record<string, Record<string, string>> {
	const base = sandboxUrl.replace(/\/+$/, '');
	return Object.fromEntries(
		Object.entries(PATHS).map(([type, fields]) => [type, Object.fromEntries(Object.entries(fields).map(([field, path]) => [field, `${base}${path}`]))]),
	);
}

/** Worksection's admin API lives on the account host; the sandbox emulates one account. */
export function worksectionAccountUrl(sandboxUrl: string): string {
	return `${sandboxUrl.replace(/\/+$/, '')}/worksection/account`;
}
