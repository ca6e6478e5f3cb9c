import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { wordapp } from '../shared/vendors/wordapp';
import { passwordAuthenticate, passwordPreAuthentication, passwordProperties, passwordTest } from './common';

/**
 * Wordapp username + password (resource-owner password grant). n8n has no such OAuth2 grant, so this is a plain
 * credential whose hidden, expirable access token is obtained and renewed by preAuthentication.
 */
export class WordappPasswordApi implements ICredentialType {
	name = 'wordappPasswordApi';

	displayName = 'Wordapp Password API';

	icon: Icon = { light: 'file:icons/wordapp.svg', dark: 'file:icons/wordapp.dark.svg' };

	documentationUrl = 'https://help.wordapp.com/output/wordapp-api/';

	properties: INodeProperties[] = passwordProperties(wordapp, this.name);

	preAuthentication = passwordPreAuthentication(wordapp, this.name);

	authenticate: IAuthenticateGeneric = passwordAuthenticate(wordapp);

	test: ICredentialTestRequest = passwordTest(wordapp);
}
