import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { collectSecrets, REDACTION_MASK, redactSecrets } from '../../shared/oauth/redact';

/**
 * The n8n side of "no secret in any output": the connection's actual secret values (client secret, access
 * and refresh tokens, password, API key; shared/oauth/redact.ts decides which fields are secret) are masked
 * in every text an error carries before it leaves our code, whatever field of the error holds the text.
 */

/** Secret values of one or more resolved credentials (before and after a refresh, for instance). */
export function connectionSecrets(...credentials: Array<ICredentialDataDecryptedObject | undefined>): string[] {
	return collectSecrets(...credentials.filter((c) => c !== undefined));
}

/**
 * redactSecrets over a text that may already hold masks: the pieces between masks are redacted, the masks
 * kept as they are, so scrubbing an error twice gives the same text (a field rule would otherwise read
 * `token=[redacted]` as a token value and mask it again).
 */
export function redactText(text: string, secrets: readonly string[]): string {
	return text
		.split(REDACTION_MASK)
		.map((piece) => redactSecrets(piece, secrets))
		.join(REDACTION_MASK);
}

/** Fields of an n8n error that hold no text a user sees and must keep their identity (the workflow node). */
const UNTOUCHED = new Set(['node']);

function scrubValue(value: unknown, secrets: readonly string[], depth: number, seen: WeakSet<object>): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (value === null || typeof value !== 'object' || depth > 6 || seen.has(value)) return value;
	seen.add(value);
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = scrubValue(value[i], secrets, depth + 1, seen);
		return value;
	}
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		if (depth === 0 && UNTOUCHED.has(key)) continue;
		record[key] = scrubValue(record[key], secrets, depth + 1, seen);
	}
	return value;
}

/**
 * Masks the secrets in an error, in place: message, stack, description, messages, context, cause and every
 * other own field (NodeApiError keeps the response it was built from in `errorResponse`). Returns the error.
 */
export function scrubError<T>(error: T, secrets: readonly string[]): T {
	if (!error || typeof error !== 'object') return error;
	const record = error as unknown as Record<string, unknown>;
	const seen = new WeakSet<object>();
	for (const key of ['message', 'stack', 'description', 'cause']) {
		if (key in record && !Object.keys(record).includes(key)) record[key] = scrubValue(record[key], secrets, 1, seen);
	}
	scrubValue(error, secrets, 0, seen);
	return error;
}
