import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { weekdone } from '../shared/vendors/weekdone';
import { oAuth2Properties } from './common';

/**
 * Weekdone: client auth in the body; redirect_uri also required on refresh, which n8n's refresh body cannot
 * carry (n8n#24624), so the token URL used for refreshes gets it as a query parameter (user pastes the redirect
 * URL). Assumption, not in the doc: the token endpoint reads it from the query (the developer overview says the
 * API "accepts form-encoded content and query parameters"; the sandbox does). API calls put the token in
 * `?token=`, which the transport adds itself (nodes/transport/oauth2-signing.ts).
 */
export class WeekdoneOAuth2Api implements ICredentialType {
	name = 'weekdoneOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Weekdone OAuth2 API';

	icon: Icon = { light: 'file:icons/weekdone.svg', dark: 'file:icons/weekdone.dark.svg' };

	documentationUrl = 'https://weekdone.com/developer';

	properties: INodeProperties[] = oAuth2Properties(weekdone);
}
