import { existsSync, readFileSync } from 'node:fs';

/** The last `lines` lines of a log file ("" when it does not exist). */
export function tailFile(path: string, lines = 60): string {
	if (!existsSync(path)) return '';
	return readFileSync(path, 'utf8').split('\n').slice(-lines - 1).join('\n');
}
