import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { webworkTracker } from '../shared/vendors/webwork-tracker';
import { oAuth2Properties } from './common';

/**
 * WebWork Tracker: standard authorization code with HTTP Basic client auth; refresh tokens rotate (n8n stores the
 * merged token data after each refresh).
 */
export class WebworkTrackerOAuth2Api implements ICredentialType {
	name = 'webworkTrackerOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'WebWork Tracker OAuth2 API';

	icon: Icon = { light: 'file:icons/webwork-tracker.svg', dark: 'file:icons/webwork-tracker.dark.svg' };

	documentationUrl = 'https://api-docs.webwork-tracker.com/v2/authorization';

	properties: INodeProperties[] = oAuth2Properties(webworkTracker);
}
