/**
 * The documented rules of a vendor's token endpoint, checked on one request before any expectation is
 * looked at: method, Content-Type, grant_type spelling, which URL takes which grant, client
 * authentication, required fields. A failure carries the RFC 6749 error the vendor would answer.
 */
import { decodeBasic, endpointKey, FORM, header, type Headers, mediaType, parseForm } from './mock-http';
import type { ClientAuthRule, Grant, VendorRules } from './vendor-rules';

export const MOCK_CLIENT = { clientId: 'test-client-id', clientSecret: 'test-client-secret' };

export interface TokenProblem {
	status: number;
	error: string;
	/** Safe to show: names fields and URLs, never values. */
	reason: string;
}

export type TokenCheck = { ok: true; grant: Grant; fields: Record<string, string> } | ({ ok: false } & TokenProblem);

type Urls = ReturnType<VendorRules['urls']>;

const fail = (status: number, error: string, reason: string): TokenCheck => ({ ok: false, status, error, reason });

export function checkTokenRequest(rules: VendorRules, urls: Urls, url: URL, method: string, headers: Headers, raw: string): TokenCheck {
	if (method !== 'POST') return fail(405, 'invalid_request', `the token endpoint takes POST, got ${method}`);
	if (mediaType(headers) !== FORM) {
		return fail(400, 'invalid_request', `Content-Type must be ${FORM}, got "${mediaType(headers) || 'none'}"`);
	}
	const fields = parseForm(raw, rules.foldFieldCase ?? false);
	const grantValue = fields.grant_type;
	if (!grantValue) return fail(400, 'invalid_request', 'grant_type is missing');
	const entry = (Object.entries(rules.grants) as Array<[Grant, NonNullable<VendorRules['grants'][Grant]>]>).find(
		([, rule]) => rule.value === grantValue,
	);
	const renamed = rules.renamed ?? {};
	if (!entry) {
		const spelled = renamed[grantValue];
		const hint = spelled ? `; ${rules.name} spells it ${spelled}` : '';
		return fail(400, 'unsupported_grant_type', `grant_type "${grantValue}" is not supported${hint}`);
	}
	const [grant, rule] = entry;
	if (endpointKey(urls[rule.endpoint]) !== endpointKey(url)) {
		return fail(400, 'unsupported_grant_type', `a ${grant} request must go to ${urls[rule.endpoint]}, not ${endpointKey(url)}`);
	}
	const clientProblem = checkClientAuth(rules.name, rule.clientAuth, headers, fields);
	if (clientProblem) return fail(401, 'invalid_client', clientProblem);
	for (const name of rule.required) {
		if (fields[name]) continue;
		const rfcName = Object.keys(renamed).find((k) => renamed[k].toLowerCase() === name.toLowerCase());
		const hint = rfcName && fields[rfcName] ? ` (sent ${rfcName}; ${rules.name} names it ${renamed[rfcName]})` : '';
		return fail(400, 'invalid_request', `${name} is required for ${grant}${hint}`);
	}
	return { ok: true, grant, fields };
}

/** Undefined when the client authenticated the way the vendor documents; otherwise why not. */
function checkClientAuth(vendor: string, rule: ClientAuthRule, headers: Headers, fields: Record<string, string>): string | undefined {
	const authorization = header(headers, 'authorization');
	const bodyId = fields.client_id;
	const bodySecret = fields.client_secret;
	if (rule === 'basic') {
		const basic = decodeBasic(authorization);
		if (!basic) {
			return bodySecret !== undefined
				? `${vendor} wants the client credentials as an HTTP Basic header, not only in the form body`
				: `${vendor} wants HTTP Basic client authentication; none was sent`;
		}
		if (basic.id !== MOCK_CLIENT.clientId || basic.secret !== MOCK_CLIENT.clientSecret) return 'the Basic header carries the wrong client credentials';
		// The doc's examples also show body fields; tolerated, but they must agree with the header.
		if ((bodyId !== undefined && bodyId !== basic.id) || (bodySecret !== undefined && bodySecret !== basic.secret)) {
			return 'the form client credentials disagree with the Basic header';
		}
		return undefined;
	}
	if (authorization !== undefined) {
		return `${vendor} wants client_id and client_secret as form fields, not an Authorization header`;
	}
	if (rule === 'body-optional' && bodyId === undefined && bodySecret === undefined) return undefined;
	if (!bodyId || !bodySecret) return 'client_id and client_secret are both required in the form body';
	if (bodyId !== MOCK_CLIENT.clientId || bodySecret !== MOCK_CLIENT.clientSecret) return 'wrong client credentials in the form body';
	return undefined;
}
