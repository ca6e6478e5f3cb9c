import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { wordapp } from '../shared/vendors/wordapp';
import { apiTestRequest, clientCredentialsProperties } from './common';

/** Wordapp application token (client_credentials, client auth in the body). */
export class WordappClientCredentialsOAuth2Api implements ICredentialType {
	name = 'wordappClientCredentialsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Wordapp Client Credentials OAuth2 API';

	icon: Icon = { light: 'file:icons/wordapp.svg', dark: 'file:icons/wordapp.dark.svg' };

	documentationUrl = 'https://help.wordapp.com/output/wordapp-api/';

	properties: INodeProperties[] = clientCredentialsProperties(wordapp, this.name);

	// An application token has no user, so the API's /me refuses it: Doorkeeper's token info beside the token URL
	// (the operation catalogue's "getInfo", unconfirmed) proves the grant. Belongs in the definition once it has a field.
	test: ICredentialTestRequest = apiTestRequest(wordapp, { baseField: 'tokenUrl', path: '/info' });
}
