import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { webworkTracker } from '../shared/vendors/webwork-tracker';
import { personalTokenAuthenticate, personalTokenProperties, personalTokenTest } from './common';

/** WebWork Tracker personal access token: Bearer header, valid 6 months, no refresh. */
export class WebworkTrackerPersonalAccessTokenApi implements ICredentialType {
	name = 'webworkTrackerPersonalAccessTokenApi';

	displayName = 'WebWork Tracker Personal Access Token API';

	icon: Icon = { light: 'file:icons/webwork-tracker.svg', dark: 'file:icons/webwork-tracker.dark.svg' };

	documentationUrl = 'https://api-docs.webwork-tracker.com/v2/authorization';

	properties: INodeProperties[] = personalTokenProperties(webworkTracker, this.name);

	authenticate: IAuthenticateGeneric = personalTokenAuthenticate(webworkTracker, this.name);

	test: ICredentialTestRequest = personalTokenTest(webworkTracker);
}
