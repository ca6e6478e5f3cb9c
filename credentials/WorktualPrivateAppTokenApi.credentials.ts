import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { worktual } from '../shared/vendors/worktual';
import { personalTokenAuthenticate, personalTokenProperties, personalTokenTest } from './common';

/** Worktual private app token, sent as the raw Authorization header the doc prints (Bearer selectable). */
export class WorktualPrivateAppTokenApi implements ICredentialType {
	name = 'worktualPrivateAppTokenApi';

	displayName = 'Worktual Private App Token API';

	icon: Icon = { light: 'file:icons/worktual.svg', dark: 'file:icons/worktual.dark.svg' };

	documentationUrl = 'https://worktual.in/api-documentation/ccaas/overview';

	properties: INodeProperties[] = personalTokenProperties(worktual, this.name);

	authenticate: IAuthenticateGeneric = personalTokenAuthenticate(worktual, this.name);

	test: ICredentialTestRequest = personalTokenTest(worktual);
}
