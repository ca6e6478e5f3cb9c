/**
 * Redaction: masks the connection's actual secret values, in every spelling a transport may print them
 * (raw, URL/form-encoded, JSON-escaped, inside a Basic header), plus any value of a token-looking field.
 * Used by the shared lifecycle, the n8n nodes and credentials, and the Zapier adapter, so all of them mask
 * the same way. Pure functions: no globals, no timers.
 */

/** What every masked value is replaced by. */
export const REDACTION_MASK = '[redacted]';

/** Shorter values are not masked by value (too likely to match ordinary words); field-name rules still apply. */
export const MIN_SECRET_LENGTH = 4;

/**
 * Field names whose value is masked wherever it appears as `name=value`, `name: value` or `"name":"value"`,
 * whatever the value is. Word-bounded on the left, so `status_code` or `error_code` is not masked.
 */
const SECRET_FIELD_NAMES =
	'access_token|refresh_token|id_token|client_secret|clientSecret|accessToken|refreshToken|password|api_key|apiKey|apikey|admin_hash|hash|token|secret|authorization|code_verifier';
// An already masked value is matched whole first, so redacting a redacted text changes nothing.
const SECRET_FIELD = new RegExp(
	`((?<![A-Za-z0-9_])"?(?:${SECRET_FIELD_NAMES})"?\\s*[:=]\\s*)(${escapeRegExp(REDACTION_MASK)}|"(?:[^"\\\\]|\\\\.)*"|'[^']*'|(?:(?:Bearer|Basic|Token)\\s+)?[^"&,\\s}\\]]+)`,
	'gi',
);
/** An authorization code in a query or form (`code=...`); `"code": 401` in JSON is an ordinary status. */
const CODE_PARAM = /((?<![A-Za-z0-9_])code=)([^&\s"'#]+)/gi;
/** A credential after an HTTP auth scheme, wherever it is printed (`Authorization: Bearer abc`). */
const AUTH_SCHEME_VALUE = /(\b(?:Bearer|Basic)\s+)([A-Za-z0-9._~+/=-]{4,})/g;

/** Keys whose string values are secrets when collected from a credential or a token object. */
const SECRET_KEY = /secret|token|password|passwd|api_?key|hash|^code$|verifier|authorization|signature/i;
/** Keys that match SECRET_KEY but hold public values (a token's type, a token URL, a lifetime). */
const PUBLIC_KEY = /type|url|uri|expires|scope|placement|name|lifetime|method/i;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The spellings of one secret that a request, a log or an error text may contain. */
export function secretSpellings(secret: string): string[] {
	const spellings = new Set<string>([secret]);
	spellings.add(encodeURIComponent(secret));
	spellings.add(new URLSearchParams({ s: secret }).toString().slice(2)); // form encoding: space as +
	spellings.add(JSON.stringify(secret).slice(1, -1));
	spellings.add(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
	return [...spellings].filter((s) => s.length >= MIN_SECRET_LENGTH);
}

/**
 * Masks every given secret value, in all its spellings, and nothing else: for data shown to a user (a step's
 * output), where a field-name rule would blank ordinary text. One pass over all values, longest first, so
 * masking one value can never reveal or rebuild another.
 */
export function maskSecretValues(text: string, secrets: ReadonlyArray<string | undefined | null> = []): string {
	const spellings = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) for (const s of secretSpellings(secret)) spellings.add(s);
	}
	if (spellings.size === 0) return text;
	const sorted = [...spellings].sort((a, b) => b.length - a.length).map(escapeRegExp);
	return text.replace(new RegExp(sorted.join('|'), 'g'), REDACTION_MASK);
}

/** Masks every given secret value (all spellings) and every token-looking field value in a text: for errors and logs. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined | null> = []): string {
	return maskSecretValues(text, secrets)
		.replace(SECRET_FIELD, (_m, key: string) => `${key}${REDACTION_MASK}`)
		.replace(CODE_PARAM, (_m, key: string) => `${key}${REDACTION_MASK}`)
		.replace(AUTH_SCHEME_VALUE, (_m, scheme: string) => `${scheme}${REDACTION_MASK}`);
}

/**
 * Collects the secret string values of credential data, token sets or bundles (client secret, access and
 * refresh tokens, authorization code, password, API key, Worksection admin hash, Authorization header):
 * every string under a secret-looking key, searched a few levels deep. Pass the result to `redactSecrets`.
 */
export function collectSecrets(...sources: unknown[]): string[] {
	const found = new Set<string>();
	const visit = (value: unknown, key: string, depth: number) => {
		if (typeof value === 'string') {
			if (value.length >= MIN_SECRET_LENGTH && SECRET_KEY.test(key) && !PUBLIC_KEY.test(key)) found.add(value);
			return;
		}
		if (depth > 4 || value === null || typeof value !== 'object') return;
		for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) visit(child, childKey, depth + 1);
	};
	for (const source of sources) visit(source, '', 0);
	return [...found];
}

/** A short, single-line, redacted excerpt of a text (a response body, a transport message). */
export function redactedExcerpt(text: string, secrets: ReadonlyArray<string | undefined | null> = [], max = 200): string {
	const flat = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
