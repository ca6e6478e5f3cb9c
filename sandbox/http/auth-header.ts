import type { IncomingHttpHeaders } from 'node:http';

export interface BasicCredentials {
	username: string;
	password: string;
}

export type AuthScheme = 'Basic' | 'Bearer' | 'raw' | 'other' | 'none';

/**
 * The Authorization header, or Worktual's documented British spelling `Authorisation`
 * (only Worktual's code reads that one; see vendors/worktual.ts).
 */
export function authorizationHeader(headers: IncomingHttpHeaders, allowBritish = false): string | undefined {
	const value = headers.authorization ?? (allowBritish ? headers['authorisation'] : undefined);
	return Array.isArray(value) ? value[0] : value;
}

export function authScheme(headers: IncomingHttpHeaders): AuthScheme {
	const value = authorizationHeader(headers, true);
	if (value === undefined || value.trim() === '') return 'none';
	const trimmed = value.trim();
	const space = trimmed.indexOf(' ');
	if (space < 0) return 'raw';
	const scheme = trimmed.slice(0, space).toLowerCase();
	if (scheme === 'basic') return 'Basic';
	if (scheme === 'bearer') return 'Bearer';
	return 'other';
}

export function parseBearer(headers: IncomingHttpHeaders): string | undefined {
	const value = authorizationHeader(headers);
	const match = value === undefined ? null : /^\s*Bearer\s+(\S+)\s*$/i.exec(value);
	return match ? match[1] : undefined;
}

/** RFC 6749 §2.3.1: client id and secret are form-urlencoded before base64. */
export function parseBasic(headers: IncomingHttpHeaders): BasicCredentials | undefined {
	const value = authorizationHeader(headers);
	const match = value === undefined ? null : /^\s*Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(value);
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return {
		username: safeDecode(decoded.slice(0, colon)),
		password: safeDecode(decoded.slice(colon + 1)),
	};
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value.replace(/\+/g, ' '));
	} catch {
		return value;
	}
}
