/** Properties of the token-response parser (shared/oauth/token-response.ts). */
import fc from 'fast-check';

import { exchangeCode, isTokenString, parseExpiresIn, parseTokenResponse, refreshToken, VendorAuthError, type HttpClient, type HttpResponse } from '../../shared/oauth';
import type { TokenSet, VendorDefinition } from '../../shared/types';
import { badExpiresIn, badTokenString, goodExpiresIn, nonString, secretSet, tokenString, VENDORS, vendorArb } from './arbitraries';
import { checkAsyncProperty, checkProperty } from './runner';

const NOW = 1_700_000_000_000;
const STATUSES = [200, 201, 204, 301, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503];
const TYPES = ['application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', 'application/x-www-form-urlencoded', ''];

function response(status: number, body: string, type: string, extra: Record<string, string> = {}): HttpResponse {
	return { status, headers: { 'content-type': type, ...extra }, body };
}

/** Parses, returning the token or the VendorAuthError; any other throw fails the property. */
function outcome(vendor: VendorDefinition, res: HttpResponse): { token?: TokenSet; error?: VendorAuthError } {
	try {
		return { token: parseTokenResponse(vendor, res, NOW) };
	} catch (error) {
		if (!(error instanceof VendorAuthError)) throw error;
		return { error };
	}
}

/** An independent oracle for RFC 6749 §5.1 expires_in: a non-negative integer (digits allowed as text). */
function oracleExpiresIn(value: unknown): number | undefined {
	if (typeof value === 'string') return /^[0-9]{1,12}$/.test(value) ? oracleExpiresIn(Number(value)) : undefined;
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return undefined;
	return Number.isSafeInteger(NOW + value * 1000) ? value : undefined;
}

function invariantsHold(vendor: VendorDefinition, token: TokenSet): boolean {
	if (!isTokenString(token.access_token)) return false;
	if (token.refresh_token !== undefined && !isTokenString(token.refresh_token)) return false;
	if (token.expires_in !== undefined && (!Number.isSafeInteger(token.expires_in) || token.expires_in < 0)) return false;
	if (token.expires_at !== undefined && (!Number.isSafeInteger(token.expires_at) || token.expires_at < NOW)) return false;
	if (token.expires_at === undefined && (token.expires_in !== undefined || vendor.oauth2.lifetimes.accessToken !== null)) return false;
	return true;
}

export function tokenParserProperties(): void {
	checkProperty(
		'parser: any body, status and content type gives a valid TokenSet or a vendor-named VendorAuthError',
		fc.property(
			vendorArb,
			fc.constantFrom(...STATUSES),
			fc.constantFrom(...TYPES),
			fc.oneof(
				fc.string(),
				fc.jsonValue().map((v) => JSON.stringify(v)),
				fc.record({ access_token: fc.oneof(tokenString, badTokenString, nonString), refresh_token: fc.option(fc.oneof(tokenString, nonString)), expires_in: fc.oneof(goodExpiresIn, badExpiresIn), error: fc.option(fc.oneof(fc.string(), nonString)) }, { requiredKeys: [] }).chain((r) =>
					fc.constantFrom(JSON.stringify(r), JSON.stringify([r]), JSON.stringify(r).slice(0, -3)),
				),
			),
			(vendor, status, type, body) => {
				const { token, error } = outcome(vendor, response(status, body, type));
				if (error) return error.message.startsWith(`${vendor.displayName}: `) && error.vendor === vendor.displayName;
				return status < 300 && token !== undefined && invariantsHold(vendor, token);
			},
		),
		3000,
	);

	checkProperty(
		'parser: a well-formed answer (object or one-element array) is read exactly',
		fc.property(vendorArb, tokenString, fc.option(tokenString, { nil: undefined }), goodExpiresIn, fc.boolean(), (vendor, access, refresh, expiresIn, wrap) => {
			const record = { access_token: access, refresh_token: refresh, expires_in: expiresIn, token_type: 'bearer', error: '' };
			const token = parseTokenResponse(vendor, response(200, JSON.stringify(wrap ? [record] : record), 'application/json'), NOW);
			const seconds = Number(expiresIn);
			return token.access_token === access && token.refresh_token === refresh && token.expires_in === seconds && token.expires_at === NOW + seconds * 1000;
		}),
		1500,
	);

	checkProperty(
		'parser: a hostile expires_in is ignored in favour of the documented lifetime',
		fc.property(vendorArb, tokenString, badExpiresIn, (vendor, access, expiresIn) => {
			const body = `{"access_token":${JSON.stringify(access)},"expires_in":${JSON.stringify(expiresIn) ?? 'null'}}`;
			const token = parseTokenResponse(vendor, response(200, body, 'application/json'), NOW);
			const lifetime = vendor.oauth2.lifetimes.accessToken;
			const parsedBack = JSON.parse(body).expires_in as unknown; // JSON turns Infinity/NaN into null
			if (oracleExpiresIn(parsedBack) !== undefined) return token.expires_in === oracleExpiresIn(parsedBack);
			return token.expires_in === undefined && token.expires_at === (lifetime === null ? undefined : NOW + lifetime * 1000);
		}),
		1500,
	);

	checkProperty(
		'parseExpiresIn agrees with the RFC oracle on any value',
		fc.property(fc.oneof(goodExpiresIn, badExpiresIn, fc.anything()), (value) => parseExpiresIn(value, NOW) === oracleExpiresIn(value)),
		1000,
	);

	checkProperty(
		'parser: an access token with whitespace, control characters or the wrong type is refused; a bad refresh token is dropped',
		fc.property(vendorArb, fc.oneof(badTokenString.filter((s) => s !== ''), nonString), fc.oneof(badTokenString, nonString), tokenString, (vendor, badAccess, badRefresh, good) => {
			const refused = outcome(vendor, response(200, JSON.stringify({ access_token: badAccess }), 'application/json'));
			const kept = parseTokenResponse(vendor, response(200, JSON.stringify({ access_token: good, refresh_token: badRefresh }), 'application/json'), NOW);
			return refused.error !== undefined && !('refresh_token' in kept);
		}),
		1000,
	);

	checkProperty(
		'parser: a non-empty error is an error also inside an array and with HTTP 200; an empty one is not',
		fc.property(vendorArb, fc.stringMatching(/^[a-z_]{1,20}$/), tokenString, fc.boolean(), (vendor, code, access, wrap) => {
			const errorBody = wrap ? [{ error: code }] : { error: code };
			const failed = outcome(vendor, response(200, JSON.stringify(errorBody), 'application/json'));
			const ok = outcome(vendor, response(200, JSON.stringify(wrap ? [{ access_token: access, error: '' }] : { access_token: access, error: '' }), 'application/json'));
			return failed.error?.cause_ === 'error_response' && failed.error.oauthError === code && ok.token?.access_token === access;
		}),
		1000,
	);
}

/** A vendor that echoes every value it was sent into its error answer, with any status. */
function echoingVendor(status: number, shape: 'error' | 'description' | 'array' | 'text'): HttpClient {
	return async (request) => {
		const sent = [...new URLSearchParams(request.body ?? '').values(), request.headers.Authorization ?? ''].join(' ');
		const bodies = {
			error: JSON.stringify({ error: sent }),
			description: JSON.stringify({ error: 'invalid_grant', error_description: `refused: ${sent}` }),
			array: JSON.stringify([{ error: sent, message: sent }]),
			text: `Bad request ${sent}`,
		};
		return { status, headers: { 'content-type': shape === 'text' ? 'text/plain' : 'application/json' }, body: bodies[shape] };
	};
}

export async function lifecycleEchoProperties(): Promise<void> {
	await checkAsyncProperty(
		'lifecycle: a vendor echoing the code, client secret and tokens never gets them into the error (message, oauthError, JSON)',
		fc.asyncProperty(
			fc.constantFrom(...VENDORS.filter((v) => v.oauth2.refresh !== null)),
			secretSet.filter((s) => s.length >= 4).map((s) => s.slice(0, 4)),
			fc.constantFrom(200, 400, 401, 403, 409, 429),
			fc.constantFrom<'error' | 'description' | 'array' | 'text'>('error', 'description', 'array', 'text'),
			fc.boolean(),
			async (vendor, [code, secret, refresh, access], status, shape, viaRefresh) => {
				const client = { clientId: 'client-id-public', clientSecret: secret };
				const http = echoingVendor(status, shape);
				let error: unknown;
				try {
					if (viaRefresh) await refreshToken(http, vendor, client, { access_token: access, refresh_token: refresh }, { redirectUri: 'https://r.example.com/cb' }, NOW);
					else await exchangeCode(http, vendor, client, { code, redirectUri: 'https://r.example.com/cb' }, NOW);
				} catch (caught) {
					error = caught;
				}
				if (!(error instanceof VendorAuthError)) return false;
				const texts = [error.message, String(error.oauthError), JSON.stringify(error), String(error.stack)];
				const planted = viaRefresh ? [secret, refresh, access] : [code, secret];
				return planted.every((value) => texts.every((text) => !text.includes(value)));
			},
		),
		2000,
	);
}
