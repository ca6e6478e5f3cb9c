import { readPath } from './oauth/api';
import type { ErrorEnvelope } from './types';

/**
 * The one reader of a vendor's 200-with-error answers (`api.errorEnvelopes` in its definition), used by the
 * token parser, the n8n transport, the n8n credential test and the Zapier middleware. Only a JSON object is
 * read (the token parser passes the first element of an array answer itself).
 */
export function readErrorEnvelope(envelopes: readonly ErrorEnvelope[], body: unknown): { message?: string; code?: string } | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	for (const envelope of envelopes) {
		if (readPath(body, envelope.path) !== envelope.equals) continue;
		const message = envelope.messagePaths.map((path) => readPath(body, path)).find((value): value is string => typeof value === 'string' && value !== '');
		const code = envelope.codePath ? readPath(body, envelope.codePath) : undefined;
		return { message, code: code === undefined || code === null ? undefined : String(code) };
	}
	return undefined;
}
