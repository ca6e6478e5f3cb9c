import type { IncomingMessage } from 'node:http';

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

const MAX_BODY_BYTES = 2_000_000;

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function parseBody(buffer: Buffer, contentType: string | undefined): ParsedBody {
	const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
	const text = buffer.toString('utf8');
	if (text.length === 0) return { kind: 'empty', mediaType, fields: {}, keys: [], json: undefined };
	if (mediaType === 'application/x-www-form-urlencoded') return parseForm(text, mediaType);
	if (mediaType === 'application/json' || mediaType.endsWith('+json')) return parseJson(text, mediaType);
	if (mediaType === 'multipart/form-data') return parseMultipart(text, contentType ?? '', mediaType);
	return { kind: 'other', mediaType, fields: {}, keys: [], json: undefined };
}

export function parseForm(text: string, mediaType = 'application/x-www-form-urlencoded'): ParsedBody {
	const params = new URLSearchParams(text);
	const fields: Record<string, string> = {};
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
		return { kind: 'invalid-json', mediaType, fields: {}, keys: [], json: undefined };
	}
	const fields: Record<string, string> = {};
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
	const fields: Record<string, string> = {};
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
