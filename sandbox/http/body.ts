import type { IncomingMessage } from 'node:http';
import { emptyRecord } from '../own-keys';

export type BodyKind = 'empty' | 'form' | 'json' | 'multipart' | 'invalid-json' | 'other';

export interface ParsedBody {
	kind: BodyKind;
	/** Media type without parameters, lower-cased ('' when absent). */
	mediaType: string;
	/** Flat string view: form and multipart fields, or the scalar top-level members of a JSON object. */
	fields: Record<string, string>;
	/** Every key that arrived, in order (for the request log; values are never logged). */
	keys: string[];
	/** The parsed JSON document when kind is 'json'. */
	json: unknown;
}

/** Larger bodies get 413 (no vendor endpoint the sandbox emulates takes uploads this big). */
export const MAX_BODY_BYTES = 2_000_000;
// After a 413 the rest of the body is read and dropped (up to these limits) before the connection is
// closed, so the client reads the 413 instead of a reset caused by closing on unread data.
const DRAIN_LIMIT_BYTES = 32_000_000;
const DRAIN_LIMIT_MS = 5000;

export type BodyRead =
	| { kind: 'complete'; buffer: Buffer }
	/** `drained` resolves once the rest of the body has been read and dropped, or a drain limit was hit. */
	| { kind: 'too-large'; drained: Promise<void> }
	| { kind: 'aborted' };

/** Never rejects: an aborted or oversized upload is a result, not an exception. */
export function readBody(req: IncomingMessage): Promise<BodyRead> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let finishDrain: (() => void) | undefined;
		const overflow = () => {
			chunks.length = 0;
			const drained = new Promise<void>((done) => {
				finishDrain = done;
				setTimeout(done, DRAIN_LIMIT_MS).unref();
			});
			resolve({ kind: 'too-large', drained });
		};
		const declared = Number(req.headers['content-length']);
		if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) overflow();
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (finishDrain) {
				if (size > DRAIN_LIMIT_BYTES) finishDrain();
				return;
			}
			if (size > MAX_BODY_BYTES) return overflow();
			chunks.push(chunk);
		});
		req.on('end', () => {
			if (finishDrain) finishDrain();
			else resolve({ kind: 'complete', buffer: Buffer.concat(chunks) });
		});
		const stop = () => {
			if (finishDrain) finishDrain();
			else resolve({ kind: 'aborted' });
		};
		req.on('error', stop);
		req.on('close', stop);
	});
}

export function parseBody(buffer: Buffer, contentType: string | undefined): ParsedBody {
	const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
	const text = buffer.toString('utf8');
	if (text.length === 0) return { kind: 'empty', mediaType, fields: emptyRecord(), keys: [], json: undefined };
	if (mediaType === 'application/x-www-form-urlencoded') return parseForm(text, mediaType);
	if (mediaType === 'application/json' || mediaType.endsWith('+json')) return parseJson(text, mediaType);
	if (mediaType === 'multipart/form-data') return parseMultipart(text, contentType ?? '', mediaType);
	return { kind: 'other', mediaType, fields: emptyRecord(), keys: [], json: undefined };
}

export function parseForm(text: string, mediaType = 'application/x-www-form-urlencoded'): ParsedBody {
	const params = new URLSearchParams(text);
	const fields = emptyRecord();
	const keys: string[] = [];
	for (const [key, value] of params) {
		// Last value wins, as in PHP and Rails for plain (non-`[]`) keys.
		fields[key] = value;
		if (!keys.includes(key)) keys.push(key);
	}
	return { kind: 'form', mediaType, fields, keys, json: undefined };
}

function parseJson(text: string, mediaType: string): ParsedBody {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { kind: 'invalid-json', mediaType, fields: emptyRecord(), keys: [], json: undefined };
	}
	const fields = emptyRecord();
	const keys: string[] = [];
	if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
		for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
			keys.push(key);
			if (value === null || value === undefined) continue;
			if (typeof value !== 'object') fields[key] = String(value);
		}
	}
	return { kind: 'json', mediaType, fields, keys, json };
}

// Text fields only; uploaded files are recorded by name but their content is dropped.
function parseMultipart(text: string, contentType: string, mediaType: string): ParsedBody {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	const fields = emptyRecord();
	const keys: string[] = [];
	if (!match) return { kind: 'multipart', mediaType, fields, keys, json: undefined };
	const boundary = `--${match[1] ?? match[2]}`;
	for (const part of text.split(boundary)) {
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd < 0) continue;
		const headers = part.slice(0, headerEnd);
		const name = /name="([^"]*)"/i.exec(headers)?.[1];
		if (name === undefined) continue;
		keys.push(name);
		if (/filename="/i.test(headers)) continue;
		fields[name] = part.slice(headerEnd + 4).replace(/\r\n$/, '');
	}
	return { kind: 'multipart', mediaType, fields, keys, json: undefined };
}
