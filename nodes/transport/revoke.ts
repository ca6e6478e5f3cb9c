import type { IExecuteFunctions } from 'n8n-workflow';

import { FIELD, n8nHttpClient } from '../../credentials/common';
import { revokeToken } from '../../shared/oauth/lifecycle';
import type { VendorDefinition } from '../../shared/types';
import { toNodeApiError } from './errors';
import { connectionSecrets } from './redaction';

/**
 * Token revocation (Wordapp): the vendor wants the access token itself as a form field plus a Bearer
 * header, so the shared lifecycle builds the request from the stored token and sends it with n8n's request
 * helper. Works for every credential that holds a token: OAuth2 ones keep it in oauthTokenData, the
 * password credential in its hidden Access Token field.
 */
export async function revokeWithConnection(
	this: IExecuteFunctions,
	vendor: VendorDefinition,
	credentialType: string,
): Promise<void> {
	const credentials = await this.getCredentials(credentialType);
	const tokenData = (credentials.oauthTokenData ?? {}) as Record<string, unknown>;
	const accessToken = [tokenData.access_token, credentials[FIELD.accessToken]].find((t): t is string => typeof t === 'string' && t !== '');
	if (!accessToken) throw new Error(`The ${vendor.displayName} credential holds no access token to revoke`);
	const text = (field: string) => (typeof credentials[field] === 'string' && credentials[field] !== '' ? (credentials[field] as string) : undefined);
	try {
		await revokeToken(n8nHttpClient(this.helpers), vendor, { clientId: text(FIELD.clientId), clientSecret: text(FIELD.clientSecret), revokeUrl: text(FIELD.revokeUrl) }, { accessToken });
	} catch (error) {
		throw toNodeApiError(this.getNode(), vendor, error, connectionSecrets(credentials));
	}
}
