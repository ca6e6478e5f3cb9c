/** Conformance of every vendor definition (a new vendor is picked up from shared/vendors automatically). */
import type { VendorDefinition } from '../../shared/types';
import { vendorList, vendors } from '../../shared/vendors';
import { definitionProblems } from './definition-rules';

/** A deep copy to break on purpose. */
const copy = (vendor: VendorDefinition): VendorDefinition => JSON.parse(JSON.stringify(vendor)) as VendorDefinition;

describe('vendor definitions', () => {
	test.each(vendorList.map((v) => [v.id, v] as const))('%s conforms', (_id, vendor) => {
		expect(definitionProblems(vendor)).toEqual([]);
	});

	test('the registry is keyed by id and lists every vendor once', () => {
		for (const [key, vendor] of Object.entries(vendors)) expect(vendor.id).toBe(key);
		expect(vendorList).toHaveLength(Object.keys(vendors).length);
		expect(new Set(vendorList.map((v) => v.n8nPrefix)).size).toBe(vendorList.length);
		expect(new Set(vendorList.map((v) => v.displayName)).size).toBe(vendorList.length);
	});

	test('credential type names are unique across all vendors', () => {
		const names = vendorList.flatMap((v) => [`${v.n8nPrefix}OAuth2Api`, ...v.alternatives.map((a) => a.credentialName)]);
		expect(new Set(names).size).toBe(names.length);
	});
});

/** The rules must catch breakage, or the conformance test above proves nothing. */
describe('the conformance rules catch', () => {
	const broken = (mutate: (v: VendorDefinition) => void, base: VendorDefinition = vendors.wordapp) => {
		const v = copy(base);
		mutate(v);
		return definitionProblems(v).join('\n');
	};

	test('an unparseable or non-https URL', () => {
		expect(broken((v) => (v.oauth2.token.url.url = 'not a url'))).toMatch(/oauth2\.token\.url: "not a url" does not parse/);
		expect(broken((v) => (v.api.baseUrl.url = 'http://app.wordapp.com/api/v1'))).toMatch(/api\.baseUrl: .* is not https/);
	});

	test('an undocumented URL without a note', () => {
		expect(broken((v) => delete v.oauth2.authorize.url.note)).toMatch(/oauth2\.authorize\.url: documented:false needs a note/);
	});

	test('a refresh URL equal to the token URL', () => {
		expect(broken((v) => (v.oauth2.refresh!.url = { ...v.oauth2.token.url }))).toMatch(/refresh\.url is only for a URL that differs/);
	});

	test('bad alternative credential names', () => {
		expect(broken((v) => (v.alternatives[1].credentialName = 'wordappPassword'))).toMatch(/must be camelCase and end in Api/);
		expect(broken((v) => (v.alternatives[0].credentialName = 'wordappClientCredentialsApi'))).toMatch(/must contain OAuth2/);
		expect(broken((v) => (v.alternatives[1].credentialName = 'wordappPasswordOAuth2Api'))).toMatch(/must not contain OAuth2/);
		expect(broken((v) => (v.alternatives[1].credentialName = v.alternatives[0].credentialName))).toMatch(/credential names: duplicates/);
		expect(broken((v) => (v.alternatives[1].credentialName = 'wordappOAuth2Api'))).toMatch(/credential names: duplicates wordappOAuth2Api/);
	});

	test('missing required fields', () => {
		expect(broken((v) => (v.displayName = ''))).toMatch(/displayName is required/);
		expect(broken((v) => (v.oauth2.token.paramNames.code = ''))).toMatch(/paramNames: every name is required/);
		expect(broken((v) => (v.oauth2.revoke!.tokenParam = ''))).toMatch(/revoke\.tokenParam is required/);
	});

	test('scopes, lifetimes, kept fields and the token-derived base', () => {
		expect(broken((v) => v.oauth2.scopes.default.push('admin'))).toMatch(/scopes\.default: admin not in available/);
		expect(broken((v) => (v.oauth2.lifetimes.accessToken = -1))).toMatch(/lifetimes\.accessToken/);
		expect(broken((v) => v.oauth2.keepFields.push('refresh_token'))).toMatch(/keepFields: refresh_token are kept anyway/);
		expect(broken((v) => (v.api.baseUrlFromToken = { field: 'account_url', path: '/api' }))).toMatch(/baseUrlFromToken\.field account_url must be in oauth2\.keepFields/);
	});

	test('api facts', () => {
		expect(broken((v) => (v.api.testRequest.path = 'me'))).toMatch(/testRequest\.path must be empty or start with \//);
		expect(broken((v) => (v.api.expiredTokenStatus = 500))).toMatch(/expiredTokenStatus must be a 4xx/);
		expect(broken((v) => (v.api.tokenPlacement = { in: 'header', name: '', prefix: 'Bearer ' }))).toMatch(/header placement needs a name/);
	});
});
