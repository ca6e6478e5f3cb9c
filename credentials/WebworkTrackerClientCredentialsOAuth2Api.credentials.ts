import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { webworkTracker } from '../shared/vendors/webwork-tracker';
import { apiTestRequest, clientCredentialsProperties } from './common';

/** WebWork Tracker client-credentials app (server to server); n8n re-runs the grant when a token is refused. */
export class WebworkTrackerClientCredentialsOAuth2Api implements ICredentialType {
	name = 'webworkTrackerClientCredentialsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'WebWork Tracker Client Credentials OAuth2 API';

	icon: Icon = { light: 'file:icons/webwork-tracker.svg', dark: 'file:icons/webwork-tracker.dark.svg' };

	documentationUrl = 'https://api-docs.webwork-tracker.com/v2/authorization';

	properties: INodeProperties[] = clientCredentialsProperties(webworkTracker, this.name);

	test: ICredentialTestRequest = apiTestRequest(webworkTracker);
}
