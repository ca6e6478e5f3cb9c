/**
 * A vendor's client-credentials grant (Wordapp's application token) as its own Zapier integration, since Zapier
 * allows one authentication scheme per integration version.
 *
 * Zapier's `oauth2` type is the authorization-code flow only; for a token obtained from credentials without a
 * browser step, Zapier's documentation points to Session auth ("You can also use Session auth if your API uses
 * a variant of OAuth that does not include an OAuth Authorization URL": https://docs.zapier.com/platform/build/sessionauth).
 * So: the user enters the application's client ID and secret; `sessionConfig.perform` runs the grant through the
 * shared lifecycle (shared/oauth/lifecycle.ts clientCredentialsToken) and Zapier stores the token beside them.
 * A token that has expired (known expiry, checked before each call) or is rejected (401) raises
 * RefreshAuthError, on which Zapier runs `perform` again and replays the call. A `custom` scheme with a
 * beforeRequest that fetches the token would have nowhere to keep it between calls: one grant per request.
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { clientCredentialsToken, type OAuthClient } from '../shared/oauth';
import type { AlternativeAuth, TokenSet, VendorDefinition } from '../shared/types';
import { enteredText, toRefreshedAuthData, type AuthData } from './auth-data';
import { buildAuthentication } from './authentication';
import { oauthClient, zapierEnv } from './env';
import { tokenTransport } from './http-client';
import { tokenError } from './token-errors';

export type ClientCredentials = Extract<AlternativeAuth, { kind: 'clientCredentials' }>;

/** authData keys of the fields the user enters. */
export const CLIENT_ID_FIELD = 'client_id';
export const CLIENT_SECRET_FIELD = 'client_secret';

/**
 * What `perform` returns, merged by Zapier into the stored authData: the token and its expiry, never the
 * client fields. An expiry the new token lacks is cleared, so a stale one cannot keep forcing renewals.
 */
export function sessionAuthData(token: TokenSet): AuthData {
	const { [CLIENT_ID_FIELD]: _id, [CLIENT_SECRET_FIELD]: _secret, ...data } = toRefreshedAuthData(token);
	return data;
}

/**
 * The grant's failure as the Zapier error with the right consequence. Under session auth core turns a 401 from
 * the token endpoint into RefreshAuthError before its body can be read; rerunning would only fail again, so it
 * asks the user to check the client ID and secret and reconnect. Other failures as a refresh's (token-errors.ts).
 */
function grantError(z: ZObject, vendor: VendorDefinition, error: unknown, platformError: Error | undefined): Error {
	if (platformError?.name === 'RefreshAuthError') {
		return new z.errors.ExpiredAuthError(`${vendor.displayName}: the token endpoint refused the client ID and secret (HTTP 401); check them and reconnect`);
	}
	return tokenError(z, vendor, error, platformError, 'refresh');
}

/** The definition the client-credentials app uses: the application's label paths where the alternative names them. */
export function clientCredentialsVendor(vendor: VendorDefinition, alt: ClientCredentials): VendorDefinition {
	if (!alt.connectionLabelPaths) return vendor;
	return { ...vendor, api: { ...vendor.api, connectionLabelPaths: alt.connectionLabelPaths } };
}

/** Session authentication: client ID and secret, the grant as the session, tested and labelled as the OAuth app is. */
export function clientCredentialsAuthentication(vendor: VendorDefinition, alt: ClientCredentials): Authentication {
	const base = buildAuthentication(vendor) as unknown as { test: Authentication['test']; connectionLabel: Authentication['connectionLabel'] };

	const perform = async (z: ZObject, bundle: Bundle): Promise<AuthData> => {
		const clientId = enteredText(bundle.authData?.[CLIENT_ID_FIELD]);
		const clientSecret = enteredText(bundle.authData?.[CLIENT_SECRET_FIELD]);
		if (!clientId || !clientSecret) {
			throw new z.errors.Error(`${vendor.displayName}: enter the client ID and the client secret`, 'invalid_input', 400);
		}
		// the integration's TOKEN_URL and TRUSTED_ORIGINS settings apply; its CLIENT_ID/CLIENT_SECRET do not
		const client: OAuthClient = { ...oauthClient(zapierEnv()), clientId, clientSecret };
		const transport = tokenTransport(z);
		try {
			const token = await clientCredentialsToken(transport.http, vendor, client, { clientAuth: alt.clientAuth, scopes: alt.scopes });
			return sessionAuthData(token);
		} catch (error) {
			throw grantError(z, vendor, error, transport.platformError());
		}
	};

	return {
		type: 'session',
		fields: [
			{ key: CLIENT_ID_FIELD, label: 'Client ID', required: true, type: 'string', helpText: `Your application's client ID, from ${alt.whereToCreate}.` },
			{ key: CLIENT_SECRET_FIELD, label: 'Client Secret', required: true, type: 'password', helpText: `Your application's client secret, from ${alt.whereToCreate} ([${vendor.displayName}'s documentation](${vendor.authDocUrl})).` },
		],
		sessionConfig: { perform },
		test: base.test,
		connectionLabel: base.connectionLabel,
	} as Authentication;
}
