import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { wordapp } from '../shared/vendors/wordapp';
import { oAuth2Properties } from './common';

/**
 * Wordapp: client auth in the body; authorize URL, revoke URL and API base are not documented and stay editable.
 * API calls also need X-Api-Version, added by the transport (n8n ignores `authenticate` for OAuth2 types).
 */
export class WordappOAuth2Api implements ICredentialType {
	name = 'wordappOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Wordapp OAuth2 API';

	icon: Icon = { light: 'file:icons/wordapp.svg', dark: 'file:icons/wordapp.dark.svg' };

	documentationUrl = 'https://help.wordapp.com/output/wordapp-api/';

	properties: INodeProperties[] = oAuth2Properties(wordapp);
}
