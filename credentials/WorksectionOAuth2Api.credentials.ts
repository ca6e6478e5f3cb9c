import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { worksection } from '../shared/vendors/worksection';
import { oAuth2Properties } from './common';

/**
 * Worksection: refreshes go to /oauth2/refresh (token URL switched inside executions) and rotate the refresh token;
 * the token response's account_url (kept by n8n in oauthTokenData) is the API host.
 */
export class WorksectionOAuth2Api implements ICredentialType {
	name = 'worksectionOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Worksection OAuth2 API';

	icon: Icon = { light: 'file:icons/worksection.svg', dark: 'file:icons/worksection.dark.svg' };

	documentationUrl = 'https://worksection.com/en/faq/api-oauth.html';

	properties: INodeProperties[] = oAuth2Properties(worksection);
}
