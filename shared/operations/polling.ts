/**
 * Telling new records from seen ones across polls, with memory that stays flat: either the identities at
 * the newest watermark (records carrying a creation time) or the identities of the last answer.
 */
import { readPath } from '../oauth/api';
import type { PollingEvent } from './types';

export interface PollState {
	watermark?: string;
	seen: string[];
}

type Row = Record<string, unknown>;

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

export function identityOf(event: PollingEvent, record: Row): string {
	return event.identity.map((path) => text(readPath(record, path))).join('|');
}

/** Numbers compare as numbers, everything else (ISO or "YYYY-MM-DD HH:mm" times) as text. */
export function compareWatermarks(a: string, b: string): number {
	if (/^\d+(\.\d+)?$/.test(a) && /^\d+(\.\d+)?$/.test(b)) return Number(a) - Number(b);
	return a < b ? -1 : a > b ? 1 : 0;
}

export function kindOf(event: PollingEvent, record: Row): string | undefined {
	if (!event.kindFilter) return undefined;
	return event.kindFilter.paths.map((path) => text(readPath(record, path))).join(event.kindFilter.separator);
}

/**
 * The records not seen before and the state to keep. Without a previous state (first poll after
 * activation) nothing is new: the backlog is remembered, not emitted.
 */
export function selectNew(event: PollingEvent, records: Row[], previous: PollState | undefined): { fresh: Row[]; next: PollState } {
	if (!event.watermark) {
		const seen = new Set(previous?.seen ?? []);
		const fresh = previous ? records.filter((r) => !seen.has(identityOf(event, r))) : [];
		return { fresh, next: { seen: records.map((r) => identityOf(event, r)) } };
	}
	const path = event.watermark;
	const mark = (r: Row) => text(readPath(r, path));
	let newest = previous?.watermark ?? '';
	for (const record of records) if (compareWatermarks(mark(record), newest) > 0) newest = mark(record);
	const seen = new Set(previous?.seen ?? []);
	const fresh = previous
		? records.filter((r) => {
				const order = compareWatermarks(mark(r), previous.watermark ?? '');
				return order > 0 || (order === 0 && !seen.has(identityOf(event, r)));
			})
		: [];
	// Only identities at the newest mark are needed to dedupe the next poll; older ones can never come back as new.
	const atNewest = records.filter((r) => mark(r) === newest).map((r) => identityOf(event, r));
	const carried = newest === previous?.watermark ? (previous?.seen ?? []) : [];
	return { fresh, next: { watermark: newest, seen: [...new Set([...carried, ...atNewest])] } };
}

/** The newest record, for a manual test run. */
export function newestOf(event: PollingEvent, records: Row[]): Row | undefined {
	if (!event.watermark || records.length === 0) return records[0];
	const path = event.watermark;
	return records.reduce((best, r) => (compareWatermarks(text(readPath(r, path)), text(readPath(best, path))) > 0 ? r : best));
}
