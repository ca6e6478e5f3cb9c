/** Where an API call carried its access token, judged against the places the vendor documents. */
import { header, type Headers } from './mock-http';
import type { TokenSpot, VendorRules } from './vendor-rules';

function describeSpot(spot: TokenSpot): string {
	if (spot.in === 'query') return `?${spot.name}=<token>`;
	return spot.prefixes.map((p) => `${spot.name}: ${p}<token>`).join(' or ');
}

function carries(spot: TokenSpot, headers: Headers, query: Record<string, string>, token: string): boolean {
	if (spot.in === 'query') return query[spot.name] === token;
	const value = header(headers, spot.name);
	if (value === undefined) return false;
	return spot.prefixes.some((prefix) =>
		prefix === '' ? value === token : value.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase() && value.slice(prefix.length) === token,
	);
}

/** Query parameter names that carry the token and so are not part of the call's own query. */
export function authQueryNames(rules: VendorRules): string[] {
	return rules.api.accepts.flatMap((spot) => (spot.in === 'query' ? [spot.name] : []));
}

/** Undefined when `token` sits in one of the documented places; otherwise what was wrong (no token values). */
export function checkApiToken(rules: VendorRules, headers: Headers, query: Record<string, string>, token: string): string | undefined {
	if (rules.api.accepts.some((spot) => carries(spot, headers, query, token))) return undefined;
	const seen: string[] = [];
	const authorization = header(headers, 'authorization');
	if (authorization !== undefined) {
		const scheme = /^(\w+)\s/.exec(authorization)?.[1];
		seen.push(scheme ? `an Authorization header (${scheme} …)` : 'an Authorization header without a scheme');
	}
	for (const name of ['token', 'access_token']) if (query[name] !== undefined) seen.push(`?${name}=`);
	const wanted = rules.api.accepts.map(describeSpot).join(' or ');
	const got = seen.length > 0 ? `got ${seen.join(' and ')} without the expected token there` : 'no token was sent';
	return `${rules.name} wants the access token as ${wanted}; ${got}`;
}
