/**
 * Schema-style rules every vendor definition must satisfy, as a function returning readable problems, so
 * a sixth vendor is checked without new tests and the rules themselves can be shown to catch breakage.
 */
import type { AlternativeAuth, TokenPlacement, VendorDefinition, VendorUrl } from '../../shared/types';

const RFC_TOKEN_FIELDS = ['access_token', 'refresh_token', 'token_type', 'expires_in', 'expires_at', 'scope'];

function nonEmpty(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

function urlProblems(where: string, fact: VendorUrl | undefined): string[] {
	if (!fact) return [];
	const problems: string[] = [];
	try {
		const url = new URL(fact.url);
		if (url.protocol !== 'https:') problems.push(`${where}: ${fact.url} is not https`);
		if (url.search || url.hash) problems.push(`${where}: ${fact.url} carries a query or fragment`);
	} catch {
		problems.push(`${where}: "${fact.url}" does not parse as a URL`);
	}
	if (typeof fact.documented !== 'boolean') problems.push(`${where}: documented must be a boolean`);
	if (fact.documented === false && !nonEmpty(fact.note)) problems.push(`${where}: documented:false needs a note saying where the URL comes from`);
	return problems;
}

function placementProblems(where: string, placement: TokenPlacement): string[] {
	if (placement.in === 'query') return nonEmpty(placement.name) ? [] : [`${where}: query placement needs a name`];
	if (placement.in === 'header') {
		const problems = nonEmpty(placement.name) ? [] : [`${where}: header placement needs a name`];
		if (typeof placement.prefix !== 'string') problems.push(`${where}: header placement needs a prefix ('' for a raw token)`);
		return problems;
	}
	return [`${where}: unknown placement ${(placement as { in: string }).in}`];
}

function distinct(where: string, values: string[]): string[] {
	const seen = new Set<string>();
	const dupes = values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
	return dupes.length > 0 ? [`${where}: duplicates ${[...new Set(dupes)].join(', ')}`] : [];
}

function alternativeProblems(vendor: VendorDefinition, alt: AlternativeAuth, index: number): string[] {
	const where = `alternatives[${index}] (${alt.kind})`;
	const problems: string[] = [];
	if (!nonEmpty(alt.credentialName) || !/^[a-z][A-Za-z0-9]*Api$/.test(alt.credentialName)) problems.push(`${where}: credentialName "${alt.credentialName}" must be camelCase and end in Api`);
	if (!alt.credentialName?.startsWith(vendor.n8nPrefix)) problems.push(`${where}: credentialName must start with the n8nPrefix ${vendor.n8nPrefix}`);
	// Only the client-credentials grant runs on n8n's OAuth2 credential, so only it may (and must) say OAuth2.
	const isOAuth2 = alt.kind === 'clientCredentials';
	if (isOAuth2 !== alt.credentialName?.includes('OAuth2')) problems.push(`${where}: credentialName must ${isOAuth2 ? '' : 'not '}contain OAuth2`);
	if (!nonEmpty(alt.displayName)) problems.push(`${where}: displayName is required`);
	if (!nonEmpty(alt.whereToCreate)) problems.push(`${where}: whereToCreate is required`);
	if (alt.kind === 'personalToken') problems.push(...placementProblems(`${where}.tokenPlacement`, alt.tokenPlacement));
	if (alt.kind === 'clientCredentials' || alt.kind === 'password') {
		if (!['body', 'basic', ...(alt.kind === 'password' ? ['none'] : [])].includes(alt.clientAuth)) problems.push(`${where}: clientAuth "${alt.clientAuth}" is invalid`);
	}
	if (alt.kind === 'clientCredentials') {
		const unknown = alt.scopes.filter((s) => vendor.oauth2.scopes.available.length > 0 && !vendor.oauth2.scopes.available.includes(s));
		if (unknown.length > 0) problems.push(`${where}: scopes ${unknown.join(', ')} are not in oauth2.scopes.available`);
	}
	if (alt.kind === 'adminApiKey') {
		if (!/^\/.*\/$/.test(alt.basePath)) problems.push(`${where}: basePath must start and end with /`);
		if (!nonEmpty(alt.hashParam)) problems.push(`${where}: hashParam is required`);
	}
	return problems;
}

export function definitionProblems(vendor: VendorDefinition): string[] {
	const p: string[] = [];
	const { oauth2, api } = vendor;
	for (const key of ['id', 'displayName', 'n8nPrefix', 'authDocUrl', 'appRegistration'] as const) if (!nonEmpty(vendor[key])) p.push(`${key} is required`);
	if (!/^[a-z][A-Za-z0-9]*$/.test(vendor.n8nPrefix ?? '')) p.push(`n8nPrefix "${vendor.n8nPrefix}" must be camelCase`);
	if (!/^[a-z][a-z0-9-]*$/.test(vendor.id ?? '')) p.push(`id "${vendor.id}" must be kebab-case`);
	p.push(...urlProblems('authDocUrl', { url: vendor.authDocUrl, documented: true }));

	p.push(...urlProblems('oauth2.authorize.url', oauth2.authorize.url));
	const authorizeNames = Object.values(oauth2.authorize.paramNames);
	if (!authorizeNames.every(nonEmpty)) p.push('oauth2.authorize.paramNames: every name is required');
	p.push(...distinct('oauth2.authorize.paramNames', authorizeNames));
	if (typeof oauth2.authorize.pkce !== 'boolean') p.push('oauth2.authorize.pkce must be a boolean');

	p.push(...urlProblems('oauth2.token.url', oauth2.token.url));
	if (!['body', 'basic'].includes(oauth2.token.clientAuth)) p.push(`oauth2.token.clientAuth "${oauth2.token.clientAuth}" is invalid`);
	const tokenNames = Object.values(oauth2.token.paramNames);
	if (!tokenNames.every(nonEmpty)) p.push('oauth2.token.paramNames: every name is required');
	p.push(...distinct('oauth2.token.paramNames', tokenNames));
	if (!Object.values(oauth2.token.grantTypes).every(nonEmpty)) p.push('oauth2.token.grantTypes: every value is required');
	if (!['object', 'array'].includes(oauth2.token.responseShape)) p.push('oauth2.token.responseShape must be object or array');

	if (oauth2.refresh) {
		p.push(...urlProblems('oauth2.refresh.url', oauth2.refresh.url));
		if (oauth2.refresh.url && oauth2.refresh.url.url === oauth2.token.url.url) p.push('oauth2.refresh.url is only for a URL that differs from the token URL');
		if (!['body', 'basic', 'none'].includes(oauth2.refresh.clientAuth)) p.push(`oauth2.refresh.clientAuth "${oauth2.refresh.clientAuth}" is invalid`);
	}
	if (oauth2.revoke) {
		p.push(...urlProblems('oauth2.revoke.url', oauth2.revoke.url));
		if (!nonEmpty(oauth2.revoke.tokenParam)) p.push('oauth2.revoke.tokenParam is required');
	}

	const { scopes } = oauth2;
	if (![' ', ','].includes(scopes.separator)) p.push('oauth2.scopes.separator must be a space or a comma');
	p.push(...distinct('oauth2.scopes.available', scopes.available), ...distinct('oauth2.scopes.default', scopes.default));
	const notAvailable = scopes.default.filter((s) => !scopes.available.includes(s));
	if (notAvailable.length > 0) p.push(`oauth2.scopes.default: ${notAvailable.join(', ')} not in available`);
	if (scopes.available.some((s) => /[\s,]/.test(s))) p.push('oauth2.scopes: a scope name contains a separator');

	for (const [name, value] of Object.entries(oauth2.lifetimes)) {
		if (value !== null && !(Number.isInteger(value) && value > 0)) p.push(`oauth2.lifetimes.${name} must be null or a positive integer of seconds`);
	}
	p.push(...distinct('oauth2.keepFields', oauth2.keepFields));
	const rfcKept = oauth2.keepFields.filter((f) => RFC_TOKEN_FIELDS.includes(f));
	if (rfcKept.length > 0) p.push(`oauth2.keepFields: ${rfcKept.join(', ')} are kept anyway`);

	p.push(...urlProblems('api.baseUrl', api.baseUrl));
	if (api.baseUrl.url.endsWith('/')) p.push('api.baseUrl must not end with /');
	if (api.baseUrlFromToken) {
		if (!oauth2.keepFields.includes(api.baseUrlFromToken.field)) p.push(`api.baseUrlFromToken.field ${api.baseUrlFromToken.field} must be in oauth2.keepFields`);
		if (!api.baseUrlFromToken.path.startsWith('/')) p.push('api.baseUrlFromToken.path must start with /');
	}
	p.push(...placementProblems('api.tokenPlacement', api.tokenPlacement));
	for (const [name, value] of Object.entries(api.headers)) if (!nonEmpty(name) || !nonEmpty(value)) p.push(`api.headers: "${name}" needs a value`);
	if (!['GET', 'POST'].includes(api.testRequest.method)) p.push('api.testRequest.method must be GET or POST');
	if (api.testRequest.path !== '' && !api.testRequest.path.startsWith('/')) p.push('api.testRequest.path must be empty or start with /');
	if (!(api.expiredTokenStatus >= 400 && api.expiredTokenStatus < 500)) p.push('api.expiredTokenStatus must be a 4xx status');
	if (!api.connectionLabelPaths.every(nonEmpty)) p.push('api.connectionLabelPaths: empty path');

	vendor.alternatives.forEach((alt, i) => p.push(...alternativeProblems(vendor, alt, i)));
	const names = [`${vendor.n8nPrefix}OAuth2Api`, ...vendor.alternatives.map((a) => a.credentialName)];
	p.push(...distinct('credential names', names));
	return p;
}
