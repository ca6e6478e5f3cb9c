/**
 * Polling results as Zapier wants them: newest first, each with a stable unique `id`, because Zapier
 * deduplicates on `id` alone and fires for every id it has not seen (zapier.md §5).
 */
import { createHash } from 'crypto';

import { readPath } from '../../shared/oauth/api';
import { compareWatermarks, identityOf } from '../../shared/operations/polling';
import type { PollingEvent } from '../../shared/operations/types';

type Row = Record<string, unknown>;

function usable(value: unknown): value is string | number {
	return (typeof value === 'string' && value !== '') || typeof value === 'number';
}

/**
 * A record's own id when it is not called `id`: its one short id-named key (Worktual contacts: `coid`).
 * Foreign keys (`project_id`, `userId`) never qualify; several candidates mean no answer.
 */
const OWN_ID_KEY = /^[a-z]{0,4}id$/i;

function ownId(record: Row): string | number | undefined {
	if (usable(record.id)) return record.id;
	const candidates = Object.keys(record).filter((k) => OWN_ID_KEY.test(k) && usable(record[k]));
	return candidates.length === 1 ? (record[candidates[0]] as string | number) : undefined;
}

/** Last resort for a record without identity: its content. A changed record then fires again, never silently not at all. */
function contentId(record: Row): string {
	return createHash('sha1').update(JSON.stringify(record)).digest('hex').slice(0, 20);
}

/**
 * The record with its Zapier `id`: its own id when the event identifies records by `id`. Records without one
 * (Worksection activity-log events: a minute-level time, an action and an object) get a digest of the
 * whole entry: its identity fields alone would make two changes of one task within a minute one event, and
 * Zapier would fire once. A log entry never changes, so its digest is as stable as an id.
 */
export function withTriggerId(event: PollingEvent, record: Row): Row {
	if (event.identity.length === 1 && event.identity[0] === 'id') {
		if (usable(record.id)) return record;
		return { ...record, id: ownId(record) ?? contentId(record) };
	}
	return { ...record, id: contentId({ identity: identityOf(event, record), record }) };
}

/** Newest first: by the event's watermark when it has one, else by numeric id when every id is numeric. */
export function newestFirst(event: PollingEvent, records: Row[]): Row[] {
	const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
	if (event.watermark) {
		const path = event.watermark;
		return [...records].sort((a, b) => compareWatermarks(text(readPath(b, path)), text(readPath(a, path))));
	}
	if (records.length > 0 && records.every((r) => /^\d+$/.test(text(r.id)))) {
		return [...records].sort((a, b) => Number(b.id) - Number(a.id));
	}
	return records; // the vendor's own order
}
