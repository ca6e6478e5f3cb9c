/**
 * The README's per-vendor reference tables, rendered from the definitions (shared/vendors) and catalogues
 * (shared/operations), so each fact lives in one place. The README holds the output between the markers
 * below; test/registry/readme-tables.test.ts fails when it drifts, and rewrites it when run with
 * UPDATE_README=1.
 */
import { operationCatalogues } from '../shared/operations';
import type { VendorOperations } from '../shared/operations/types';
import type { TokenPlacement, VendorDefinition, VendorUrl } from '../shared/types';
import { vendorList } from '../shared/vendors';

export const START_MARKER = '<!-- vendor-tables:start (generated from shared/vendors and shared/operations; UPDATE_README=1 npx jest test/registry/readme-tables rewrites it) -->';
export const END_MARKER = '<!-- vendor-tables:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;
const url = (u: VendorUrl) => `${code(u.url)}${u.documented ? '' : ' (unconfirmed)'}`;
const duration = (seconds: number | null) =>
	seconds === null ? 'not stated' : seconds % 86400 === 0 ? `${seconds / 86400} d` : seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds / 60} min`;
const placement = (p: TokenPlacement) => (p.in === 'query' ? `query ${code(`${p.name}=`)}` : `header ${code(`${p.name}: ${p.prefix}<token>`)}`);

function table(head: string[], rows: string[][]): string {
	return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function endpointRows(v: VendorDefinition): string[] {
	const o = v.oauth2;
	const refresh = o.refresh ? (o.refresh.url ? url(o.refresh.url) : 'token URL') : 'none';
	const base = v.api.baseUrlFromToken ? `${code(`<${v.api.baseUrlFromToken.field}>${v.api.baseUrlFromToken.path}`)} (from the token answer)` : url(v.api.baseUrl);
	return [v.displayName, url(o.authorize.url), url(o.token.url), refresh, o.revoke ? url(o.revoke.url) : 'none', base];
}

function quirkRows(v: VendorDefinition): string[] {
	const o = v.oauth2;
	const renamed = [
		...Object.entries(o.authorize.paramNames).filter(([k, name]) => name !== ({ clientId: 'client_id', redirectUri: 'redirect_uri', responseType: 'response_type', state: 'state', scope: 'scope' } as Record<string, string>)[k]),
		...Object.entries(o.token.grantTypes).filter(([k, name]) => name !== ({ authorizationCode: 'authorization_code', refreshToken: 'refresh_token', clientCredentials: 'client_credentials', password: 'password' } as Record<string, string>)[k]),
	].map(([, name]) => code(name));
	const refresh = o.refresh
		? [`client auth ${o.refresh.clientAuth}`, o.refresh.sendRedirectUri ? '`redirect_uri` required' : '', o.refresh.rotatesRefreshToken ? 'rotates refresh tokens' : 'refresh token kept'].filter(Boolean).join('; ')
		: 'no refresh (permanent token)';
	return [
		v.displayName,
		`${o.token.clientAuth}${renamed.length ? `; renamed: ${renamed.join(', ')}` : ''}${o.token.responseShape === 'array' ? '; answer is a JSON array' : ''}`,
		refresh,
		`access ${duration(o.lifetimes.accessToken)}, refresh ${duration(o.lifetimes.refreshToken)}`,
		[placement(v.api.tokenPlacement), ...Object.entries(v.api.headers).map(([k, val]) => code(`${k}: ${val}`))].join('; '),
		o.scopes.default.length ? code(o.scopes.default.join(o.scopes.separator)) : 'none',
		o.keepFields.length ? o.keepFields.map(code).join(', ') : '–',
	];
}

function credentialRows(v: VendorDefinition): string[] {
	return [v.displayName, code(`${v.n8nPrefix}OAuth2Api`), v.alternatives.map((a) => `${code(a.credentialName)} (${a.displayName})`).join('; ') || '–'];
}

function operationRows(v: VendorDefinition, catalogue: VendorOperations): string[] {
	const resources = catalogue.resources.map((r) => `${r.name}: ${r.operations.map((op) => op.name.toLowerCase()).join(', ')}`).join('; ');
	const triggers = [...(catalogue.polling ?? []).map((p) => `poll ${p.resource}`), ...(catalogue.webhook ? ['webhook'] : [])];
	return [v.displayName, resources, triggers.join(', ') || '–'];
}

function unconfirmedRows(v: VendorDefinition, catalogue: VendorOperations): string[][] {
	const o = v.oauth2;
	const urls: Array<[string, VendorUrl | undefined]> = [
		['authorize URL', o.authorize.url],
		['token URL', o.token.url],
		['refresh URL', o.refresh?.url],
		['revoke URL', o.revoke?.url],
		['API base', v.api.baseUrl],
		['user info URL', v.api.userInfo?.url],
	];
	const rows = urls.filter((entry): entry is [string, VendorUrl] => entry[1] !== undefined && !entry[1].documented).map(([what, u]) => [v.displayName, `${what} ${code(u.url)}`, u.note ?? '']);
	for (const resource of catalogue.resources) {
		for (const op of resource.operations) {
			if (op.source === 'guess') rows.push([v.displayName, `${resource.name} ${op.name.toLowerCase()} (${code(`${op.request.method} ${op.request.path}`)})`, op.note ?? '']);
		}
	}
	return rows;
}

/** The generated block, markers included. */
export function renderVendorTables(): string {
	const pairs = vendorList.map((v) => [v, operationCatalogues[v.id]] as const);
	return [
		START_MARKER,
		'',
		'#### Endpoints',
		'',
		table(['vendor', 'authorize', 'token', 'refresh', 'revoke', 'API base'], vendorList.map(endpointRows)),
		'',
		'#### OAuth and API quirks',
		'',
		table(['vendor', 'token client auth', 'refresh', 'lifetimes', 'API token and headers', 'default scopes', 'kept token fields'], vendorList.map(quirkRows)),
		'',
		'#### n8n credentials',
		'',
		table(['vendor', 'OAuth2', 'alternatives'], vendorList.map(credentialRows)),
		'',
		'#### Operations (every node also has Custom API Call)',
		'',
		table(['vendor', 'resources and operations', 'triggers'], pairs.map(([v, c]) => operationRows(v, c))),
		'',
		'#### Unconfirmed facts (URLs the vendor document does not state, and guessed operations)',
		'',
		table(['vendor', 'fact', 'why we use it'], pairs.flatMap(([v, c]) => unconfirmedRows(v, c))),
		'',
		END_MARKER,
	].join('\n');
}

/** `readme` with its generated block replaced by `block`; throws when the markers are missing. */
export function withVendorTables(readme: string, block: string): string {
	const start = readme.indexOf(START_MARKER.slice(0, START_MARKER.indexOf(' (')));
	const end = readme.indexOf(END_MARKER);
	if (start < 0 || end < start) throw new Error(`README.md has no generated vendor tables: add the lines\n${START_MARKER}\n${END_MARKER}`);
	return `${readme.slice(0, start)}${block}${readme.slice(end + END_MARKER.length)}`;
}
