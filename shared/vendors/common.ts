import type { ErrorEnvelope, TokenEndpointSpec } from '../types';

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

/** Worksection's error answer, HTTP 200 included: `{"status":"error","status_code":N,"message":…}` (https://worksection.com/en/faq/api-start.html). */
export const STATUS_ERROR_ENVELOPE: ErrorEnvelope = { path: 'status', equals: 'error', messagePaths: ['message', 'error_description', 'message_details'], codePath: 'status_code' };

/** WebWork Tracker's error answer: `{"success":false,"message":…}` (https://api-docs.webwork-tracker.com/v2/authorization, "Error Response"). */
export const SUCCESS_FALSE_ENVELOPE: ErrorEnvelope = { path: 'success', equals: false, messagePaths: ['message', 'error_description'] };

/**
 * Both envelopes, for every vendor of this package: an answer shaped like either is never data, whichever
 * vendor sends it (defensive; a vendor with an envelope of another shape declares its own).
 */
export const ANSWER_ERROR_ENVELOPES: ErrorEnvelope[] = [STATUS_ERROR_ENVELOPE, SUCCESS_FALSE_ENVELOPE];
