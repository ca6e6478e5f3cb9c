import type { TokenSet, VendorDefinition } from '../shared/types';

/** Zapier stores authData as a flat string map; a TokenSet may hold numbers (expiry) and objects (Weekdone `user`). */
export type AuthData = Record<string, string>;

/** A value the user typed into the connection form, trimmed; '' when absent or not text. */
export function enteredText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

const STRING_FIELDS = ['access_token', 'refresh_token', 'token_type', 'scope'] as const;
const NUMBER_FIELDS = ['expires_in', 'expires_at'] as const;

function asString(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}

/** Flattens a TokenSet into authData: objects become JSON text, numbers decimal text. */
export function toAuthData(token: TokenSet): AuthData {
	const out: AuthData = {};
	for (const [key, value] of Object.entries(token)) {
		const text = asString(value);
		if (text !== undefined) out[key] = text;
	}
	return out;
}

/**
 * The authData to return from a refresh. Zapier merges it over the stored authData, so an expiry the new
 * token no longer has is cleared explicitly; otherwise a stale expires_at would survive and keep forcing refreshes.
 */
export function toRefreshedAuthData(token: TokenSet): AuthData {
	const out = toAuthData(token);
	for (const field of NUMBER_FIELDS) if (out[field] === undefined) out[field] = '';
	return out;
}

function parseJsonish(text: string): unknown {
	if (!/^[[{]/.test(text)) return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** Rebuilds the TokenSet the shared lifecycle expects from stored authData (only token and kept fields). */
export function fromAuthData(vendor: VendorDefinition, authData: Partial<AuthData> | undefined): TokenSet {
	const data = authData ?? {};
	const token: TokenSet = { access_token: data.access_token ?? '' };
	for (const field of STRING_FIELDS) {
		const value = data[field];
		if (field !== 'access_token' && value) token[field] = value;
	}
	for (const field of NUMBER_FIELDS) {
		const value = Number(data[field]);
		if (data[field] && Number.isFinite(value)) token[field] = value;
	}
	for (const field of vendor.oauth2.keepFields) {
		const value = data[field];
		if (value) token[field] = parseJsonish(value);
	}
	return token;
}
