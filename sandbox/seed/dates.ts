// Date helpers shared by the seeds and the vendor handlers (UTC throughout).

export const DAY_MS = 86_400_000;

/** Weekdone's item period: ISO year and week, e.g. "202403". */
export function isoWeekPeriod(ms: number): string {
	const source = new Date(ms);
	const thursday = new Date(Date.UTC(source.getUTCFullYear(), source.getUTCMonth(), source.getUTCDate()));
	// The ISO week belongs to the year of its Thursday.
	thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
	const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
	const week = Math.ceil(((thursday.getTime() - yearStart) / DAY_MS + 1) / 7);
	return `${thursday.getUTCFullYear()}${String(week).padStart(2, '0')}`;
}

/** Weekdone's objective period: quarter, e.g. "2024Q1". */
export function quarterPeriod(ms: number): string {
	const date = new Date(ms);
	return `${date.getUTCFullYear()}Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** "YYYY-MM-DD". */
export function ymd(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:mm", Worksection's timestamp style. */
export function ymdHm(ms: number): string {
	return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** "YYYY-MM-DD HH:mm:ss". */
export function ymdHms(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses "YYYY-MM-DD" or "DD.MM.YYYY"; undefined when neither. */
export function parseDay(value: string): number | undefined {
	let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (match) return checkedUtc(+match[1], +match[2], +match[3]);
	match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
	if (match) return checkedUtc(+match[3], +match[2], +match[1]);
	return undefined;
}

function checkedUtc(year: number, month: number, day: number): number | undefined {
	const ms = Date.UTC(year, month - 1, day);
	const date = new Date(ms);
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? ms : undefined;
}

/** Midnight UTC of the day containing ms. */
export function startOfDay(ms: number): number {
	return Math.floor(ms / DAY_MS) * DAY_MS;
}
