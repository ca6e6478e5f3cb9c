import type { RegisteredClient } from '../clients';
import { parseBasic } from '../http/auth-header';
import type { RequestContext } from '../router';

/** How a vendor's token endpoint lets the client authenticate. */
export type ClientAuthMethod = 'body' | 'basic' | 'body-or-basic';

export type ClientAuthResult =
	| { ok: true; clientId: string; via: 'body' | 'basic' }
	| { ok: false; status: number; error: string; description: string };

/**
 * RFC 6749 §2.3.1 client authentication. Failures are `invalid_client` (401), which the RFC
 * also prescribes for "no client authentication included" and "unsupported authentication method".
 */
export function authenticateClient(
	ctx: RequestContext,
	client: RegisteredClient,
	method: ClientAuthMethod,
	body: { id?: string; secret?: string },
): ClientAuthResult {
	const basic = parseBasic(ctx.req.headers);
	const bodyComplete = body.id !== undefined && body.secret !== undefined;

	if (method === 'basic') {
		if (!basic) {
			return fail(
				body.secret !== undefined
					? 'Client authentication failed: send the client credentials as an HTTP Basic Authorization header; client_secret in the request body is not accepted.'
					: 'Client authentication failed: missing HTTP Basic Authorization header with the client credentials.',
			);
		}
		if (body.id !== undefined && body.id !== basic.username) return fail('Client authentication failed: client_id in the body differs from the Basic credentials.');
		return verify(client, basic.username, basic.password, 'basic');
	}

	if (method === 'body') {
		if (!bodyComplete) {
			return fail(
				basic
					? 'Client authentication failed: send client_id and client_secret as request parameters; HTTP Basic authentication is not supported.'
					: `Client authentication failed: missing ${body.id === undefined ? 'client_id' : 'client_secret'}.`,
			);
		}
		return verify(client, body.id as string, body.secret as string, 'body');
	}

	if (basic) {
		if (body.id !== undefined && body.id !== basic.username) return fail('Client authentication failed: client_id in the body differs from the Basic credentials.');
		return verify(client, basic.username, basic.password, 'basic');
	}
	if (bodyComplete) return verify(client, body.id as string, body.secret as string, 'body');
	return fail('Client authentication failed: no client credentials were sent.');
}

function verify(client: RegisteredClient, id: string, secret: string, via: 'body' | 'basic'): ClientAuthResult {
	if (id !== client.clientId || secret !== client.clientSecret) return fail('Client authentication failed: unknown client or wrong client secret.');
	return { ok: true, clientId: id, via };
}

function fail(description: string): ClientAuthResult {
	return { ok: false, status: 401, error: 'invalid_client', description };
}
