import { emptyRecord, ownValue } from '../own-keys';
import type { RequestContext } from '../router';

/** Query parameters overlaid with the body's fields (form, multipart or flat JSON). */
export function requestParams(ctx: RequestContext): Record<string, string> {
	const params = emptyRecord();
	for (const [key, value] of ctx.query) params[key] = value;
	Object.assign(params, ctx.body.fields);
	return params;
}

/** A whole, non-negative-or-negative integer written in decimal; undefined otherwise. */
export function toInt(value: string | number | undefined | null): number | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/** A JSON body member, whatever its type (arrays included). */
export function jsonMember(ctx: RequestContext, key: string): unknown {
	const json = ctx.body.json;
	if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
	return ownValue(json as Record<string, unknown>, key);
}
