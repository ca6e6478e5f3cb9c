/** Properties of the host rules (shared/oauth/hosts.ts) and of redaction (shared/oauth/redact.ts). */
import fc from 'fast-check';

import { checkCustomCallUrl, checkTokenHost, redactSecrets, secretSpellings } from '../../shared/oauth';
import { secretSet, vendorArb } from './arbitraries';
import { checkProperty } from './runner';

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
const subdomains = fc.array(label, { minLength: 0, maxLength: 3 });

/** An independent oracle: what the WHATWG parser says about an accepted URL must match the rule. */
function parsedOnOwnDomain(url: string, domains: string[]): boolean {
	const parsed = new URL(url);
	const host = parsed.hostname;
	return (
		parsed.protocol === 'https:' &&
		parsed.port === '' &&
		parsed.username === '' &&
		parsed.password === '' &&
		parsed.search === '' &&
		parsed.hash === '' &&
		domains.some((d) => host === d || host.endsWith(`.${d}`))
	);
}

/** Ways an attacker dresses a foreign host up as the vendor's. */
function attacks(domain: string, evil: string): string[] {
	return [
		`https://${domain}.${evil}`,
		`https://${evil}#.${domain}`,
		`https://${evil}?.${domain}`,
		`https://${domain}@${evil}`,
		`https://${domain}:x@${evil}`,
		`https://${evil}\\.${domain}`,
		`https://${evil}/.${domain}`,
		`http://${domain}`,
		`http://a.${domain}`,
		`https://a.${domain}:444`,
		`https://a.${domain}.`,
		`https://a%2e${domain}`,
		`https://${evil}%2f.${domain}`,
		`https://x${domain}`,
		`//a.${domain}`,
		`https://a.${domain} `,
		` https://a.${domain}`,
		`https://a.${domain}\r\n.${evil}`,
		`javascript://a.${domain}`,
		`https://127.0.0.1`,
		`https://[::1]`,
		`HTTPS://${evil}`,
	];
}

export function hostAndRedactionProperties(): void {
	checkProperty(
		'token host: any subdomain of the vendor domain over HTTPS passes',
		fc.property(vendorArb, subdomains, fc.boolean(), (vendor, subs, slash) => {
			const host = [...subs, vendor.ownDomains[0]].join('.');
			const check = checkTokenHost(vendor, `https://${host}${slash ? '/' : ''}`);
			return check.ok && check.url === `https://${host}`;
		}),
		1000,
	);

	checkProperty(
		'token host: every disguise of a foreign host is refused',
		fc.property(vendorArb, fc.domain(), (vendor, evil) => attacks(vendor.ownDomains[0], evil).every((url) => !checkTokenHost(vendor, url).ok)),
		500,
	);

	checkProperty(
		'token host: whatever string passes, the URL parser agrees it is HTTPS on the vendor domain (no port, userinfo, query, fragment)',
		fc.property(
			vendorArb,
			fc.oneof(
				fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true, withPort: true, withIPv4: true, withIPv6: true } }),
				fc.string(),
				fc.tuple(fc.webUrl(), subdomains).map(([u, subs]) => u.replace(/^(https?:\/\/)/, `$1${subs.join('.')}.`)),
			),
			(vendor, candidate) => {
				const check = checkTokenHost(vendor, candidate);
				return !check.ok || parsedOnOwnDomain(check.url, vendor.ownDomains);
			},
		),
		1500,
	);

	checkProperty(
		'token host: the vendor domain with every scheme and suffix variation passes exactly when it is plain HTTPS',
		fc.property(
			vendorArb,
			subdomains,
			fc.constantFrom('https://', 'HTTPS://', 'http://', 'https://user@', 'https://user:pw@', 'ftp://', 'https:/', 'https:\\\\', ''),
			fc.constantFrom('', '/', '/api', '/a/b/', '?a=1', '#f', ':443', ':8443', '.', '..', '@evil.example', '%2f', '\\x', '/../x', ' ', '\n'),
			(vendor, subs, scheme, suffix) => {
				const host = [...subs, vendor.ownDomains[0]].join('.');
				const check = checkTokenHost(vendor, `${scheme}${host}${suffix}`);
				const plain = (scheme === 'https://' || scheme === 'HTTPS://') && ['', '/', '/api', '/a/b/'].includes(suffix);
				return check.ok === plain && (!check.ok || check.url === `https://${host}${suffix.replace(/\/+$/, '')}`);
			},
		),
		1000,
	);

	checkProperty(
		'token host: a loopback origin passes only when exactly that origin is trusted',
		fc.property(vendorArb, fc.integer({ min: 1024, max: 65535 }), fc.integer({ min: 1024, max: 65535 }), (vendor, port, other) => {
			const url = `http://127.0.0.1:${port}/x`;
			return !checkTokenHost(vendor, url).ok && checkTokenHost(vendor, url, [`http://127.0.0.1:${port}`]).ok && (port === other || !checkTokenHost(vendor, url, [`http://127.0.0.1:${other}`]).ok);
		}),
		500,
	);

	checkProperty(
		'custom call: whatever passes stays on the API origin; relative paths always pass',
		fc.property(
			vendorArb,
			fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true, withPort: true } }), fc.string(), fc.webPath(), fc.constantFrom('//evil.example/x', '/\\evil.example', 'https:evil.example', 'http://api.weekdone.com/1/x')),
			(vendor, path) => {
				const base = vendor.api.baseUrl.url;
				const check = checkCustomCallUrl(base, path);
				if (!check.ok) return true;
				const parsed = new URL(check.url);
				return parsed.origin === new URL(base).origin && parsed.username === '' && parsed.password === '';
			},
		),
		1500,
	);

	checkProperty(
		'custom call: a path made of path characters is joined under the API base',
		fc.property(vendorArb, fc.webPath(), (vendor, path) => {
			const check = checkCustomCallUrl(vendor.api.baseUrl.url, path.replace(/^\/+/, '/'));
			return check.ok && new URL(check.url).origin === new URL(vendor.api.baseUrl.url).origin;
		}),
		500,
	);

	checkProperty(
		'redaction: planted secrets, in any spelling, are found 0 times in the output',
		fc.property(
			secretSet,
			fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 8 }),
			fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
			(secrets, filler, picks) => {
				const pieces: string[] = [];
				for (const [i, text] of filler.entries()) {
					const secret = secrets[picks[i % picks.length] % secrets.length];
					const spellings = secretSpellings(secret);
					pieces.push(text, spellings[picks[(i + 1) % picks.length] % spellings.length]);
				}
				const out = redactSecrets(pieces.join(''), secrets);
				return secrets.every((secret) => secretSpellings(secret).every((spelling) => !out.includes(spelling)));
			},
		),
		1500,
	);

	checkProperty(
		'redaction: token-looking fields are masked whatever their value; plain words are left alone',
		fc.property(
			fc.constantFrom('access_token', 'refresh_token', 'client_secret', 'password', 'token', 'api_key', 'hash', 'code_verifier'),
			fc.stringMatching(/^[A-Za-z0-9._~-]{1,30}$/),
			fc.constantFrom('=', ': ', '":"'),
			fc.stringMatching(/^[A-Za-z ]{0,40}$/),
			(field, value, sep, words) => {
				const text = sep === '":"' ? `{"${field}":"${value}"}` : `${field}${sep}${value}`;
				const masked = redactSecrets(`${words} ${text}`);
				const exposed = sep === '":"' ? `":"${value}"` : `${field}${sep}${value}`;
				return !masked.includes(exposed) && masked.startsWith(words) && redactSecrets(words) === words;
			},
		),
		1000,
	);

	checkProperty(
		'redaction: masking an already masked text changes nothing (errors are redacted at more than one layer)',
		fc.property(
			secretSet,
			fc.constantFrom('access_token', 'refresh_token', 'client_secret', 'password', 'token', 'code', 'Authorization'),
			fc.constantFrom('=', ': ', '":"'),
			fc.string({ maxLength: 30 }),
			(secrets, field, sep, filler) => {
				const once = redactSecrets(`${filler} ${field}${sep}${secrets[0]} Bearer ${secrets[0]}&code=${secrets[0]}`, secrets);
				return redactSecrets(once, secrets) === once;
			},
		),
		1000,
	);
}
