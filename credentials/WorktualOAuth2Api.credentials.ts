import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { worktual } from '../shared/vendors/worktual';
import { liftArrayTokenPreAuthentication, oAuth2Properties } from './common';

/**
 * Worktual: `grant_type=authorisation_code` and `Redirect_url` on the code exchange, `Redirect_url` on the authorize
 * URL (from the pasted redirect URL); the token comes back in a one-element array and never expires. n8n stores
 * the array as {"0": {...}}; preAuthentication lifts the token to the top level so n8n's own signing (the HTTP
 * Request node's "Predefined Credential Type") finds it.
 */
export class WorktualOAuth2Api implements ICredentialType {
	name = 'worktualOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Worktual OAuth2 API';

	icon: Icon = { light: 'file:icons/worktual.svg', dark: 'file:icons/worktual.dark.svg' };

	documentationUrl = 'https://worktual.in/api-documentation/ccaas/overview';

	properties: INodeProperties[] = oAuth2Properties(worktual);

	preAuthentication = liftArrayTokenPreAuthentication(worktual);
}
