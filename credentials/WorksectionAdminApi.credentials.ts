import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { worksection } from '../shared/vendors/worksection';
import { adminApiKeyAuthenticate, adminApiKeyProperties, adminApiKeyTest } from './common';

/** Worksection admin API key: the key never travels; each request carries hash = md5(query string + key). */
export class WorksectionAdminApi implements ICredentialType {
	name = 'worksectionAdminApi';

	displayName = 'Worksection Admin API';

	icon: Icon = { light: 'file:icons/worksection.svg', dark: 'file:icons/worksection.dark.svg' };

	documentationUrl = 'https://worksection.com/en/faq/api-oauth.html';

	properties: INodeProperties[] = adminApiKeyProperties(worksection, this.name);

	authenticate = adminApiKeyAuthenticate(worksection, this.name);

	test: ICredentialTestRequest = adminApiKeyTest(worksection, this.name);
}
