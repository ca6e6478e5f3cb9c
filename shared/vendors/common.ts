import type { TokenEndpointSpec } from '../types';

/** RFC 6749 names; a vendor definition spreads these and overrides only what its document renames. */
export const RFC_AUTHORIZE_PARAMS = {
	clientId: 'client_id',
	redirectUri: 'redirect_uri',
	responseType: 'response_type',
	state: 'state',
	scope: 'scope',
} as const;

export const RFC_TOKEN_PARAMS: TokenEndpointSpec['paramNames'] = {
	grantType: 'grant_type',
	code: 'code',
	redirectUri: 'redirect_uri',
	clientId: 'client_id',
	clientSecret: 'client_secret',
	refreshToken: 'refresh_token',
};

export const RFC_GRANT_TYPES: TokenEndpointSpec['grantTypes'] = {
	authorizationCode: 'authorization_code',
	refreshToken: 'refresh_token',
	clientCredentials: 'client_credentials',
	password: 'password',
};
