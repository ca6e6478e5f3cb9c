/**
 * (a) Structure: one credential type per definition and alternative, with the fixed names, the right parent,
 * hidden vs editable URLs per `documented`, scopes/client auth pinned, test requests, icons and docs links.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { credentialDisplayName, credentialTypesFor } from '../../../nodes/transport/credentials';
import { vendorList } from '../../../shared/vendors';
import type { VendorDefinition, VendorUrl } from '../../../shared/types';
import { CREDENTIALS_DIR, CredentialTypeRegistry, loadPackageCredentials } from '../harness/credential-types';

const loaded = loadPackageCredentials();
const registry = new CredentialTypeRegistry();

function typeOf(name: string): ICredentialType {
	const entry = loaded.get(name);
	if (!entry) throw new Error(`credential type ${name} is missing`);
	return entry.type;
}

/** What the credential modal shows: not hidden, and displayed for the (default) values. */
function visibleFields(properties: INodeProperties[]): string[] {
	const values = NodeHelpers.getNodeParameters(properties, {}, true, false, null, null) ?? {};
	return properties.filter((p) => p.type !== 'hidden' && p.name !== 'oauthTokenData' && NodeHelpers.displayParameter(values, p, null, null)).map((p) => p.name);
}

function prop(type: ICredentialType, name: string): INodeProperties | undefined {
	return type.properties.find((p) => p.name === name);
}

/** Type names published in 0.1.0: users' saved credentials refer to them, so none may change or go. */
const FIXED_NAMES = [
	'weekdoneOAuth2Api',
	'worksectionOAuth2Api',
	'worktualOAuth2Api',
	'webworkTrackerOAuth2Api',
	'wordappOAuth2Api',
	'worksectionAdminApi',
	'worktualPrivateAppTokenApi',
	'webworkTrackerPersonalAccessTokenApi',
	'webworkTrackerClientCredentialsOAuth2Api',
	'wordappClientCredentialsOAuth2Api',
	'wordappPasswordApi',
];

describe('credential set', () => {
	test('exactly the type names the registry implies, the published ones kept, one class per file named after the class', () => {
		const fromRegistry = vendorList.flatMap((vendor) => credentialTypesFor(vendor).map((t) => t.value));
		expect([...loaded.keys()].sort()).toEqual([...fromRegistry].sort());
		expect(fromRegistry).toEqual(expect.arrayContaining(FIXED_NAMES));
		for (const { file, className, type } of loaded.values()) {
			expect(file).toBe(`${className}.credentials.ts`);
			expect(className.charAt(0).toLowerCase() + className.slice(1)).toBe(type.name);
		}
	});

	test('every definition and every alternative has its credential, as credentialTypesFor lists them', () => {
		const listed = vendorList.flatMap((vendor) => credentialTypesFor(vendor));
		expect(listed.map((t) => t.value).sort()).toEqual([...loaded.keys()].sort());
		for (const entry of listed) expect(typeOf(entry.value).displayName).toBe(entry.displayName);
	});

	test('credentialTypesFor: OAuth2 first, then the alternatives in definition order', () => {
		for (const vendor of vendorList) {
			const types = credentialTypesFor(vendor);
			expect(types[0]).toEqual({ name: 'OAuth2', displayName: `${vendor.displayName} OAuth2 API`, value: `${vendor.n8nPrefix}OAuth2Api` });
			expect(types.slice(1).map((t) => t.value)).toEqual(vendor.alternatives.map((a) => a.credentialName));
			expect(new Set(types.map((t) => t.name)).size).toBe(types.length);
		}
		expect(credentialTypesFor(vendorList.find((v) => v.id === 'webwork-tracker')!).map((t) => t.name)).toEqual([
			'OAuth2',
			'Personal Access Token',
			'OAuth2 Client Credentials',
		]);
	});

	test('display names end in API (n8n lint) and start with the vendor name', () => {
		for (const vendor of vendorList) {
			for (const { value } of credentialTypesFor(vendor)) {
				const type = typeOf(value);
				expect(type.displayName).toMatch(/ API$/);
				expect(type.displayName.startsWith(vendor.displayName)).toBe(true);
			}
		}
		expect(credentialDisplayName('Worksection Admin API Key')).toBe('Worksection Admin API');
		expect(credentialDisplayName('WebWork Tracker Personal Access Token')).toBe('WebWork Tracker Personal Access Token API');
	});

	test('icons exist (light and dark, different files) and docs point at the vendor auth doc', () => {
		for (const vendor of vendorList) {
			for (const { value } of credentialTypesFor(vendor)) {
				const type = typeOf(value);
				expect(type.documentationUrl).toBe(vendor.authDocUrl);
				const icon = type.icon as { light: string; dark: string };
				expect(icon.light).toBe(`file:icons/${vendor.id}.svg`);
				expect(icon.dark).toBe(`file:icons/${vendor.id}.dark.svg`);
				for (const file of [icon.light, icon.dark]) {
					const path = join(CREDENTIALS_DIR, file.replace(/^file:/, ''));
					expect(existsSync(path)).toBe(true);
					expect(readFileSync(path, 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 64 64"/);
				}
			}
		}
	});

	test('class files keep name, displayName and extends literal (n8n lint reads the AST)', () => {
		for (const { file, type } of loaded.values()) {
			const source = readFileSync(join(CREDENTIALS_DIR, file), 'utf8');
			expect(source).toContain(`name = '${type.name}';`);
			expect(source).toContain(`displayName = '${type.displayName}';`);
			expect(source).toContain(`documentationUrl = '${type.documentationUrl as string}';`);
			if (type.extends) expect(source).toContain(`extends = ['oAuth2Api'];`);
			expect(source.split('\n').length).toBeLessThanOrEqual(30);
		}
	});
});

function expectUrlField(type: ICredentialType, name: string, url: VendorUrl) {
	const field = prop(type, name);
	expect(field).toBeDefined();
	expect(field!.default).toBe(url.url);
	if (url.documented) {
		expect(field!.type).toBe('hidden');
	} else {
		expect(field!.type).toBe('string');
		expect(field!.required).toBe(true);
		// said once, in the credential's notice, not on the field
		expect(field!.hint).toBeUndefined();
		expect(prop(type, 'unconfirmedNotice')?.displayName).toContain(`the ${field!.displayName}`);
	}
}

describe.each(vendorList.map((v) => [v.id, v] as [string, VendorDefinition]))('%s OAuth2 credential', (_id, vendor) => {
	const type = typeOf(`${vendor.n8nPrefix}OAuth2Api`);

	test('extends oAuth2Api with the authorization-code grant pinned', () => {
		expect(type.extends).toEqual(['oAuth2Api']);
		expect(registry.getParentTypes(type.name)).toEqual(['oAuth2Api']);
		expect(prop(type, 'grantType')).toMatchObject({ type: 'hidden', default: vendor.oauth2.authorize.pkce ? 'pkce' : 'authorizationCode' });
		expect(type.test).toBeUndefined(); // the editor never runs it for this grant (n8n.md §5)
	});

	test('URLs hidden when documented, editable and flagged when not', () => {
		expectUrlField(type, 'authUrl', vendor.oauth2.authorize.url);
		expectUrlField(type, 'tokenUrl', vendor.oauth2.token.url);
		expectUrlField(type, 'apiBaseUrl', vendor.api.baseUrl);
		if (vendor.oauth2.refresh?.url) expectUrlField(type, 'refreshUrl', vendor.oauth2.refresh.url);
		else expect(prop(type, 'refreshUrl')).toBeUndefined();
		if (vendor.oauth2.revoke) expectUrlField(type, 'revokeUrl', vendor.oauth2.revoke.url);
		else expect(prop(type, 'revokeUrl')).toBeUndefined();
		expect(prop(type, 'accessTokenUrl')).toMatchObject({ type: 'hidden' });
		expect(String(prop(type, 'accessTokenUrl')!.default)).toMatch(/^=\{\{ .*\$self\["tokenUrl"\].* \}\}$/);
	});

	test('scope and client authentication pinned from the definition', () => {
		const { scopes, token } = vendor.oauth2;
		expect(prop(type, 'scope')).toMatchObject({ type: 'hidden', default: scopes.default.join(scopes.separator) });
		expect(prop(type, 'authentication')).toMatchObject({ type: 'hidden', default: token.clientAuth === 'basic' ? 'header' : 'body' });
		expect(prop(type, 'authQueryParameters')).toMatchObject({ type: 'hidden' });
	});

	test('user fields: client id/secret from oAuth2Api, plus the redirect URL only where the vendor needs it again', () => {
		const merged = registry.getCredentialsProperties(type.name);
		const visible = visibleFields(merged);
		const needsRedirect = vendor.id === 'weekdone' || vendor.id === 'worktual';
		expect(visible).toEqual(expect.arrayContaining(['clientId', 'clientSecret']));
		const editableUrls = ['authUrl', 'tokenUrl', 'refreshUrl', 'revokeUrl', 'apiBaseUrl'].filter((n) => visible.includes(n));
		const undocumented = (
			[
				['authUrl', vendor.oauth2.authorize.url],
				['tokenUrl', vendor.oauth2.token.url],
				['refreshUrl', vendor.oauth2.refresh?.url],
				['revokeUrl', vendor.oauth2.revoke?.url],
				['apiBaseUrl', vendor.api.baseUrl],
			] as Array<[string, VendorUrl | undefined]>
		)
			.filter(([, url]) => url && !url.documented)
			.map(([name]) => name);
		expect(editableUrls).toEqual(undocumented);
		expect(visible.includes('redirectUri')).toBe(needsRedirect);
		if (needsRedirect) expect(prop(type, 'redirectUri')).toMatchObject({ required: true, type: 'string' });
		// the parent's editable grant/URL/scope/auth fields are all replaced by hidden ones
		for (const name of ['grantType', 'accessTokenUrl', 'scope', 'authQueryParameters', 'authentication']) {
			expect(merged.find((p) => p.name === name)!.type).toBe('hidden');
		}
	});
});

describe('alternatives', () => {
	test('client credentials: extend oAuth2Api, grant and client auth pinned, tested against the API', () => {
		for (const [name, auth] of [
			['webworkTrackerClientCredentialsOAuth2Api', 'header'],
			['wordappClientCredentialsOAuth2Api', 'body'],
		] as const) {
			const type = typeOf(name);
			expect(type.extends).toEqual(['oAuth2Api']);
			expect(prop(type, 'grantType')).toMatchObject({ type: 'hidden', default: 'clientCredentials' });
			expect(prop(type, 'authentication')).toMatchObject({ type: 'hidden', default: auth });
			expect(prop(type, 'sendAdditionalBodyProperties')).toMatchObject({ type: 'hidden', default: false });
		}
		expect(prop(typeOf('webworkTrackerClientCredentialsOAuth2Api'), 'scope')!.default).toBe('read write admin');
		expect(typeOf('webworkTrackerClientCredentialsOAuth2Api').test?.request).toMatchObject({ baseURL: '={{ $credentials["apiBaseUrl"] }}', url: '/workspaces' });
		// an app token has no user for /me: Doorkeeper's token info beside the token URL
		expect(typeOf('wordappClientCredentialsOAuth2Api').test?.request).toMatchObject({
			baseURL: '={{ $credentials["tokenUrl"] }}',
			url: '/info',
			// the credential's X-Api-Version Header field, the unconfirmed default when it is empty
			headers: { 'X-Api-Version': '={{ String($credentials["apiVersionHeader"] || "").trim() || "application/vnd.wordapp-v1+json" }}' },
		});
	});

	test('non-OAuth credentials: no parent, authenticate + test request each', () => {
		for (const name of ['worksectionAdminApi', 'worktualPrivateAppTokenApi', 'webworkTrackerPersonalAccessTokenApi', 'wordappPasswordApi']) {
			const type = typeOf(name);
			expect(type.extends).toBeUndefined();
			expect(type.authenticate).toBeDefined();
			expect(type.test).toBeDefined();
		}
	});

	test('personal tokens: password-masked token, Bearer or raw header per definition, vendor test request', () => {
		const webwork = typeOf('webworkTrackerPersonalAccessTokenApi');
		expect(prop(webwork, 'accessToken')).toMatchObject({ type: 'string', typeOptions: { password: true }, required: true });
		expect(webwork.authenticate).toEqual({ type: 'generic', properties: { headers: { Authorization: '={{ "Bearer " + $credentials["accessToken"] }}' } } });
		expect(webwork.test?.request).toMatchObject({ url: '/workspaces', method: 'GET' });
		const worktual = typeOf('worktualPrivateAppTokenApi');
		expect(worktual.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '={{ ($credentials["tokenPrefix"] || "") + $credentials["accessToken"] }}' } },
		});
		expect(prop(worktual, 'tokenPrefix')).toMatchObject({ type: 'options', default: '' });
		expect(worktual.test?.request).toMatchObject({ url: '/contacts', qs: { limit: '1' } });
	});

	test('Wordapp password: user fields, hidden expirable token, preAuthentication, Bearer + X-Api-Version', () => {
		const type = typeOf('wordappPasswordApi');
		const visible = type.properties.filter((p) => p.type !== 'hidden').map((p) => p.name);
		// the token URL is not in Wordapp's doc, so it is editable
		expect(visible).toEqual(['unconfirmedNotice', 'username', 'password', 'clientId', 'clientSecret', 'tokenUrl', 'apiBaseUrl', 'apiVersionHeader']);
		expect(prop(type, 'clientId')!.required).toBeFalsy();
		expect(prop(type, 'accessToken')).toMatchObject({ type: 'hidden', typeOptions: { expirable: true }, default: '' });
		expect(prop(type, 'tokenUrl')).toMatchObject({ type: 'string', default: 'https://app.wordapp.com/oauth/token' });
		expect(prop(type, 'unconfirmedNotice')?.displayName).toMatch(/^Not confirmed by Wordapp's documentation: the Access Token URL, the API Base URL and the X-Api-Version header's value\./);
		expect(typeof type.preAuthentication).toBe('function');
		expect(type.authenticate).toEqual({
			type: 'generic',
			properties: {
				headers: { 'X-Api-Version': '={{ String($credentials["apiVersionHeader"] || "").trim() || "application/vnd.wordapp-v1+json" }}', Authorization: '={{ "Bearer " + $credentials["accessToken"] }}' },
			},
		});
		// Doorkeeper's token info on the API host, climbing out of /api/v1
		expect(type.test?.request).toMatchObject({ url: '../../oauth/token/info', headers: { 'X-Api-Version': '={{ String($credentials["apiVersionHeader"] || "").trim() || "application/vnd.wordapp-v1+json" }}' } });
	});

	test('Worksection admin: account URL + key, signing function, get_users test with the 200-error rule', () => {
		const type = typeOf('worksectionAdminApi');
		expect(type.properties.map((p) => p.name)).toEqual(['accountUrl', 'apiKey']);
		expect(prop(type, 'apiKey')!.typeOptions).toEqual({ password: true });
		expect(typeof type.authenticate).toBe('function');
		expect(type.test).toEqual({
			request: { baseURL: '={{ String($credentials["accountUrl"]).replace(/\\/+$/, "") }}/api/admin/v2/', url: '', method: 'GET', qs: { action: 'get_users' } },
			rules: expect.arrayContaining([{ type: 'responseSuccessBody', properties: { key: 'status', value: 'error', message: 'Worksection rejected the credential' } }]),
		});
	});
});

describe('package.json', () => {
	test('n8n.credentials lists every compiled credential file', () => {
		const pkg = JSON.parse(readFileSync(join(CREDENTIALS_DIR, '..', 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };
		const expected = [...loaded.values()].map((c) => `dist/credentials/${c.className}.credentials.js`).sort();
		expect([...pkg.n8n.credentials].sort()).toEqual(expected);
	});
});
