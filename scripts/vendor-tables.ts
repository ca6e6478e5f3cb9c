/**
 * The README's per-vendor reference tables, rendered from the definitions (shared/vendors) and catalogues
 * (shared/operations), so each fact lives in one place. The README holds the output between the markers
 * below; test/registry/readme-tables.test.ts fails when it drifts, and rewrites it when run with
 * UPDATE_README=1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { needsPrefixChoice } from '../credentials/common/fields';
import { operationCatalogues } from '../shared/operations';
import type { VendorOperations } from '../shared/operations/types';
import type { TokenPlacement, VendorDefinition, VendorUrl } from '../shared/types';
import { vendorList } from '../shared/vendors';
import { buildApp } from '../zapier/app';

export const START_MARKER = '<!-- vendor-tables:start (generated from shared/vendors and shared/operations; UPDATE_README=1 npx jest test/registry/readme-tables rewrites it) -->';
export const END_MARKER = '<!-- vendor-tables:end -->';

// Read, not imported: an imported package.json would be copied into build/ by the tools build.
const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

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
		`${o.token.clientAuth}${o.authorize.pkce ? '; PKCE (S256)' : ''}${renamed.length ? `; renamed: ${renamed.join(', ')}` : ''}${o.token.responseShape === 'array' ? '; answer is a JSON array' : ''}`,
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

/** What the vendor's generated Zapier app offers a Zap builder (hidden dropdown and connection triggers left out). */
function zapierSummary(v: VendorDefinition, catalogue: VendorOperations): string {
	const app = buildApp(v, { version, catalogue });
	type Step = { display?: { hidden?: boolean }; operation?: { type?: string } };
	const shown = (steps: Record<string, Step> | undefined) => Object.values(steps ?? {}).filter((step) => !step.display?.hidden);
	const triggers = shown(app.triggers as Record<string, Step>);
	const hooks = triggers.filter((t) => t.operation?.type === 'hook').length;
	const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : one.endsWith('h') ? 'es' : 's'}`;
	return [
		`${plural(triggers.length - hooks, 'polling trigger')}${hooks ? ` + ${plural(hooks, 'REST-hook trigger')}` : ''}`,
		`${plural(shown(app.creates as Record<string, Step>).length, 'create')} (API Request included)`,
		plural(shown(app.searches as Record<string, Step>).length, 'search'),
	].join(', ');
}

function operationRows(v: VendorDefinition, catalogue: VendorOperations): string[] {
	const resources = catalogue.resources.map((r) => `${r.name}: ${r.operations.map((op) => op.name.toLowerCase()).join(', ')}`).join('; ');
	const triggers = [...(catalogue.polling ?? []).map((p) => `poll ${p.resource}`), ...(catalogue.webhook ? ['webhook'] : [])];
	return [v.displayName, resources, triggers.join(', ') || '–', zapierSummary(v, catalogue)];
}

function registrationRows(v: VendorDefinition): string[] {
	const scopes = v.oauth2.scopes;
	return [
		v.displayName,
		v.appRegistration,
		scopes.default.length ? code(scopes.default.join(scopes.separator)) : scopes.available.length ? 'none by default' : 'none (no scopes)',
		v.alternatives.map((a) => `${a.displayName}: ${a.whereToCreate}`).join('; ') || '–',
	];
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
	const rows = urls
		.filter((entry): entry is [string, VendorUrl] => entry[1] !== undefined && !entry[1].documented)
		.map(([what, u]) => [v.displayName, `${what} ${code(u.url)}`, u.note ?? '', whereToChange(what)]);
	for (const header of v.api.editableHeaders ?? []) {
		rows.push([v.displayName, `${code(header.name)} value ${code(v.api.headers[header.name] ?? '')}`, header.note, `n8n credential field "${header.name} Header"; Zapier ${code(header.zapierEnv)}`]);
	}
	const placement = v.api.tokenPlacement;
	if (needsPrefixChoice(placement) && placement.in === 'header') {
		rows.push([v.displayName, `API header ${code(`${placement.name}: <token>`)}, no scheme`, 'the document prints the token without a scheme', 'n8n credential "Authorization Header Format" (Bearer selectable)']);
	}
	for (const resource of catalogue.resources) {
		for (const op of resource.operations) {
			if (op.source === 'guess') rows.push([v.displayName, `${resource.name} ${op.name.toLowerCase()} (${code(`${op.request.method} ${op.request.path}`)})`, op.note ?? '', 'marked unconfirmed in the node; Custom API Call for another route']);
		}
	}
	const webhook = catalogue.webhook;
	if (webhook?.verification.kind === 'token' && webhook.verification.source === 'guess') {
		rows.push([v.displayName, `webhook delivery token in ${code(webhook.verification.header)}`, webhook.verification.note, 'the n8n trigger shows a notice']);
	}
	if (webhook?.testRecords) rows.push([v.displayName, 'webhook delivery body (Zapier\'s REST hook sample)', webhook.testRecords.note, '–']);
	return rows;
}

/** Where a user changes an unconfirmed URL: the n8n credential's editable field, and the Zapier integration's environment. */
function whereToChange(what: string): string {
	const zapierEnv: Record<string, string> = { 'authorize URL': 'AUTHORIZE_URL', 'token URL': 'TOKEN_URL', 'refresh URL': 'REFRESH_URL', 'API base': 'API_BASE_URL' };
	return `n8n credential field${zapierEnv[what] ? `; Zapier ${code(zapierEnv[what])}` : ' (Zapier never calls it)'}`;
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
		'#### Registering an app, and the other ways to connect',
		'',
		table(['vendor', 'where to register the OAuth app', 'scopes requested', 'other credentials (where to create them)'], vendorList.map(registrationRows)),
		'',
		'#### Operations (every n8n node also has Custom API Call, every Zapier app an API Request action)',
		'',
		table(['vendor', 'n8n resources and operations', 'n8n triggers', 'Zapier'], pairs.map(([v, c]) => operationRows(v, c))),
		'',
		'#### Unconfirmed facts (editable; please check them against your account)',
		'',
		table(['vendor', 'fact', 'why we use it', 'where to change it'], pairs.flatMap(([v, c]) => unconfirmedRows(v, c))),
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
