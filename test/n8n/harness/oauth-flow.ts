import './env';

import { ClientOAuth2 } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import type { Engine } from './engine';

// the query-string parser n8n's OAuth service uses for authQueryParameters (no bundled types)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const qs = require('qs') as { parse(text: string): Record<string, unknown> };

export const N8N_CALLBACK_URL = 'http://localhost:5678/rest/oauth2-credential/callback';

/**
 * The CLI's OAuth2 connect flow, step for step, on top of the real @n8n/client-oauth2 (the version n8n 2.41
 * ships): n8n@2.41.1 dist/oauth/oauth.service.js generateAOauth2AuthUri + convertCredentialToOptions and
 * dist/controllers/oauth/oauth2-credential.controller.js handleCallback (https://github.com/n8n-io/n8n/blob/master/packages/cli/src/controllers/oauth/oauth2-credential.controller.ts). No DCR, no PKCE
 * (none of our vendors uses them). The credential is resolved like n8n does for these handlers: mode
 * 'internal', no execution id. `real-n8n.ts` runs the CLI's own classes when the e2e runtime is installed.
 */
export function convertCredentialToOptions(credential: ICredentialDataDecryptedObject) {
	const scope = credential.scope as string | undefined;
	const options: Record<string, unknown> = {
		clientId: credential.clientId,
		clientSecret: (credential.clientSecret as string) ?? '',
		accessTokenUri: (credential.accessTokenUrl as string) ?? '',
		authorizationUri: (credential.authUrl as string) ?? '',
		authentication: (credential.authentication as string) ?? 'header',
		redirectUri: N8N_CALLBACK_URL,
		scopes: (scope ?? 'openid').split(','),
		scopesSeparator: scope?.includes(',') ? ',' : ' ',
		resource: credential.resource,
		ignoreSSLIssues: (credential.ignoreSSLIssues as boolean) ?? false,
	};
	if (credential.additionalBodyProperties && typeof credential.additionalBodyProperties === 'string') {
		const parsed = jsonParse<Record<string, unknown>>(credential.additionalBodyProperties);
		if (parsed) options.body = parsed;
	}
	return options;
}

/** The URL the user's browser is sent to. */
export async function authorizationUrl(engine: Engine, credentialId: string, state = 'STATE'): Promise<URL> {
	const credential = await engine.resolvedForOAuthFlow(credentialId);
	const options: Record<string, unknown> = { ...convertCredentialToOptions(credential), state };
	if (credential.authQueryParameters) options.query = qs.parse(credential.authQueryParameters as string);
	const client = new ClientOAuth2(options as never);
	return new URL(client.code.getUri());
}

/** The callback: exchanges the code, merges the response into oauthTokenData and stores it like n8n. */
export async function connect(engine: Engine, credentialId: string, code: string, extraQuery: Record<string, string> = {}) {
	const stored = engine.credentials.stored(credentialId);
	const credential = await engine.resolvedForOAuthFlow(credentialId);
	const oAuthOptions = convertCredentialToOptions(credential);
	const isBodyAuth = credential.authentication === 'body';
	const body: Record<string, unknown> = { ...((oAuthOptions.body as Record<string, unknown>) ?? {}) };
	if (isBodyAuth) {
		body.client_id = oAuthOptions.clientId;
		if (oAuthOptions.clientSecret) body.client_secret = oAuthOptions.clientSecret;
		delete oAuthOptions.clientSecret;
	}
	const options = isBodyAuth ? { body } : {};
	const client = new ClientOAuth2(oAuthOptions as never);
	const query = new URLSearchParams({ code, state: 'STATE', ...extraQuery }).toString();
	const token = await client.code.getToken(`${oAuthOptions.redirectUri as string}?${query}`, options as never);
	const previous = stored.oauthTokenData;
	const oauthTokenData: Record<string, unknown> = { ...(typeof previous === 'object' && previous ? previous : {}), ...token.data };
	const expiresIn = Number(token.data.expires_in);
	if (Number.isFinite(expiresIn) && expiresIn > 0) oauthTokenData.n8n_expires_at = String(Date.now() + expiresIn * 1000);
	engine.credentials.store.get(credentialId)!.data = { ...stored, oauthTokenData } as ICredentialDataDecryptedObject;
	return oauthTokenData;
}
