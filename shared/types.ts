/**
 * The shape of one vendor definition. Every vendor quirk is a named field here; shared code reads the
 * fields and never tests a vendor id. Adding a vendor = one file in shared/vendors/ plus thin adapter entries.
 */

/** A vendor's id: a key of the one registry, `vendors` in shared/vendors/index.ts (never listed by hand). */
export type VendorId = keyof typeof import('./vendors').vendors;

/**
 * A URL fact. `documented: false` marks a URL that the vendor's own document leaves out:
 * adapters then let the user edit it, and the README lists it as unconfirmed.
 */
export interface VendorUrl {
	url: string;
	documented: boolean;
	/** Where the value comes from when it is not the vendor doc (or why it is believed). */
	note?: string;
}

/** How the client proves itself at the token endpoint. */
export type ClientAuth =
	/** client_id and client_secret as form fields */
	| 'body'
	/** Authorization: Basic base64(client_id:client_secret) */
	| 'basic';

export interface AuthorizeSpec {
	url: VendorUrl;
	/** Query parameter names, where the vendor renames the RFC 6749 ones (Worktual: Redirect_url). */
	paramNames: {
		clientId: string;
		redirectUri: string;
		responseType: string;
		state: string;
		scope: string;
	};
	/** Fixed extra query parameters the vendor wants on the authorize URL. */
	extraParams: Record<string, string>;
	/** Send an S256 PKCE challenge. Only where the vendor documents PKCE. */
	pkce: boolean;
}

export interface TokenEndpointSpec {
	url: VendorUrl;
	clientAuth: ClientAuth;
	/** Form field names of the token request, where the vendor renames them. */
	paramNames: {
		grantType: string;
		code: string;
		redirectUri: string;
		clientId: string;
		clientSecret: string;
		refreshToken: string;
	};
	/** grant_type values (Worktual spells `authorisation_code`). */
	grantTypes: {
		authorizationCode: string;
		refreshToken: string;
		clientCredentials: string;
		password: string;
	};
	/** `array`: the vendor documents the token object wrapped in a one-element JSON array (Worktual). */
	responseShape: 'object' | 'array';
}

export interface RefreshSpec {
	/** Only when refresh has its own URL (Worksection /oauth2/refresh); otherwise the token URL is used. */
	url?: VendorUrl;
	/** The vendor requires redirect_uri on refresh too (Weekdone). */
	sendRedirectUri: boolean;
	/** `none`: only grant_type and refresh_token are documented (Wordapp). */
	clientAuth: ClientAuth | 'none';
	/** Each refresh returns a new refresh token and invalidates the old one. */
	rotatesRefreshToken: boolean;
}

export interface RevokeSpec {
	url: VendorUrl;
	/** Form field carrying the token to revoke. */
	tokenParam: string;
	/** The revoke call must carry the access token as a Bearer header (Wordapp). */
	bearer: boolean;
}

export interface Lifetimes {
	/** Seconds; null when the vendor documents no expiry (token is permanent) or says nothing. */
	accessToken: number | null;
	refreshToken: number | null;
	authorizationCode: number | null;
}

export type TokenPlacement =
	/** e.g. Authorization: Bearer <token>; prefix may be '' for a raw token */
	| { in: 'header'; name: string; prefix: string }
	/** e.g. ?token=<token> (Weekdone) */
	| { in: 'query'; name: string };

export interface OAuth2Spec {
	authorize: AuthorizeSpec;
	token: TokenEndpointSpec;
	/** null when the vendor issues non-expiring tokens and documents no refresh (Worktual). */
	refresh: RefreshSpec | null;
	revoke: RevokeSpec | null;
	scopes: {
		/** What we request by default. Empty when the vendor has no scopes. */
		default: string[];
		available: string[];
		separator: ' ' | ',';
	};
	lifetimes: Lifetimes;
	/** Token-response fields besides the RFC ones that must be kept with the token (Worksection account_url, Weekdone user). */
	keepFields: string[];
}

export interface ApiRequestSpec {
	method: 'GET' | 'POST';
	/** Relative to the API base, or to its host root with `fromHostRoot`. */
	path: string;
	qs?: Record<string, string>;
	/** The route sits on the API host outside the API base path (Wordapp's Doorkeeper /oauth/token/info). */
	fromHostRoot?: boolean;
}

/**
 * A mandatory header (a key of `api.headers`, whose value is the default) that rests on an assumption, so it
 * is editable: in the n8n credential (`credentialField`) and in the Zapier integration's environment (`zapierEnv`).
 */
export interface EditableHeader {
	name: string;
	credentialField: string;
	zapierEnv: string;
	/** Why the default value is unconfirmed, shown to the user. */
	note: string;
}

export interface ApiSpec {
	/** Default API base. */
	baseUrl: VendorUrl;
	/** The API base is read from a kept token field plus a path (Worksection: account_url + /api/oauth2). */
	baseUrlFromToken?: { field: string; path: string };
	tokenPlacement: TokenPlacement;
	/** Headers every API call must carry (Wordapp X-Api-Version). */
	headers: Record<string, string>;
	/** Mandatory headers whose value no vendor document states: each one the user can change on both platforms. */
	editableHeaders?: EditableHeader[];
	/** A cheap request that proves a credential works. */
	testRequest: ApiRequestSpec;
	/** HTTP status the vendor answers for an expired or revoked token. */
	expiredTokenStatus: number;
	/** Dotted paths, tried in order over {...token fields, ...test response}, for a connection label. */
	connectionLabelPaths: string[];
	/**
	 * How the vendor says "error" in an answer with HTTP 200 (token endpoint, API, credential test): any
	 * matching envelope makes the answer an error. Read by shared/error-envelope.ts only.
	 */
	errorEnvelopes: ErrorEnvelope[];
	/**
	 * The vendor's documented user-information request, when it has one outside the API (Worksection
	 * POST /oauth2/resource): a form post carrying the client's credentials and the access token. The
	 * connection test and label use it instead of `testRequest`.
	 */
	userInfo?: UserInfoSpec;
}

export interface UserInfoSpec {
	url: VendorUrl;
	/** Form field names of the client id, the client secret and the access token. */
	fields: { clientId: string; clientSecret: string; accessToken: string };
}

/** The non-OAuth2 ways a vendor lets a user authenticate. */
export type AlternativeAuth =
	| {
			kind: 'personalToken';
			/** n8n credential type name */
			credentialName: string;
			displayName: string;
			tokenPlacement: TokenPlacement;
			/** What the vendor says about its lifetime. */
			lifetime: string;
			whereToCreate: string;
	  }
	| {
			kind: 'clientCredentials';
			credentialName: string;
			displayName: string;
			clientAuth: ClientAuth;
			scopes: string[];
			whereToCreate: string;
			/**
			 * Where the connection test's answer names the application, when an application token has no user for
			 * `api.connectionLabelPaths` to read (Zapier's connection label); the vendor's paths when left out.
			 */
			connectionLabelPaths?: string[];
	  }
	| {
			/** Resource-owner password grant; the token expires and is renewed by the credential itself. */
			kind: 'password';
			credentialName: string;
			displayName: string;
			/** How the client id/secret are sent, or `none` when the vendor needs no client. */
			clientAuth: ClientAuth | 'none';
			whereToCreate: string;
	  }
	| {
			/** Worksection admin API: every request signed with md5(query string + api key). */
			kind: 'adminApiKey';
			credentialName: string;
			displayName: string;
			/** Path under the account URL, e.g. /api/admin/v2/ */
			basePath: string;
			/** Query parameter carrying the signature. */
			hashParam: string;
			testRequest: ApiRequestSpec;
			whereToCreate: string;
			/** The vendor's page about the key (its auth document covers OAuth only); Zapier links it from the key's help (check D002). */
			docUrl: string;
			/**
			 * Parameters an action requires with the key though OAuth does not (a key has no user, so writes name
			 * their author), by action name; the Zapier admin-key integration marks those inputs required.
			 */
			requiredParams?: Record<string, string[]>;
	  };

/** An error answered with HTTP 200: `path` holds `equals` (Worksection `status: "error"`). */
export interface ErrorEnvelope {
	path: string;
	equals: string | boolean;
	/** Dotted paths tried in order for the vendor's message. */
	messagePaths: string[];
	/** Dotted path of the vendor's own error code, if any. */
	codePath?: string;
}

export interface VendorDefinition {
	id: VendorId;
	displayName: string;
	/** Prefix for n8n type names: `${n8nPrefix}OAuth2Api`, node `${n8nPrefix}`. */
	n8nPrefix: string;
	/** The vendor's auth document (summarised in docs/vendors/<id>.md). */
	authDocUrl: string;
	/** Where a user registers an OAuth app. */
	appRegistration: string;
	/**
	 * The vendor's own domains; each also covers its real subdomains. A host read from a token response
	 * (`api.baseUrlFromToken`) is accepted only over HTTPS on one of these (shared/oauth/hosts.ts).
	 */
	ownDomains: string[];
	oauth2: OAuth2Spec;
	api: ApiSpec;
	alternatives: AlternativeAuth[];
}

/** Token data as adapters store it: the vendor's response, normalised to an object. */
export interface TokenSet {
	access_token: string;
	refresh_token?: string;
	token_type?: string;
	expires_in?: number;
	/** Milliseconds since epoch, computed when the token was received. */
	expires_at?: number;
	scope?: string;
	[field: string]: unknown;
}
