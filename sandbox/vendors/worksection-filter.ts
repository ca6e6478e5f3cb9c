// A subset of search_tasks' filter language: `name has 'x'`, `name = 'x'` and date
// comparisons (dateadd, datestart, dateend, dateclose against 'DD.MM.YYYY'), joined by `and`.
import { parseDay, startOfDay } from '../seed/dates';
import type { WsTask } from '../seed/worksection';

export type TaskPredicate = (task: WsTask) => boolean;

const CONDITION = /^\s*([a-z_]+)\s*(has|>=|<=|!=|=|>|<)\s*(?:'([^']*)'|"([^"]*)"|(\S+))\s*$/i;

/** A predicate, or an error message for the caller to return. */
export function parseTaskFilter(filter: string): TaskPredicate | string {
	if (/\s+or\s+/i.test(filter)) return 'Filter: only "and" is supported by the sandbox';
	const predicates: TaskPredicate[] = [];
	for (const part of filter.split(/\s+and\s+/i)) {
		const match = CONDITION.exec(part);
		if (!match) return `Filter: cannot parse "${part.trim()}"`;
		const field = match[1].toLowerCase();
		const op = match[2].toLowerCase();
		const value = match[3] ?? match[4] ?? match[5] ?? '';
		const predicate = field === 'name' ? nameCondition(op, value) : dateCondition(field, op, value);
		if (typeof predicate === 'string') return predicate;
		predicates.push(predicate);
	}
	return (task) => predicates.every((p) => p(task));
}

function nameCondition(op: string, value: string): TaskPredicate | string {
	const needle = value.toLowerCase();
	if (op === 'has') return (task) => task.name.toLowerCase().includes(needle);
	if (op === '=') return (task) => task.name === value;
	if (op === '!=') return (task) => task.name !== value;
	return `Filter: operator ${op} is not valid for name`;
}

function dateCondition(field: string, op: string, value: string): TaskPredicate | string {
	const read: Record<string, (task: WsTask) => number | undefined> = {
		dateadd: (t) => startOfDay(t.added_ms),
		datestart: (t) => (t.date_start ? parseDay(t.date_start) : undefined),
		dateend: (t) => (t.date_end ? parseDay(t.date_end) : undefined),
		dateclose: (t) => (t.date_closed ? parseDay(t.date_closed.slice(0, 10)) : undefined),
	};
	const getter = read[field];
	if (!getter) return `Filter: unknown field ${field}`;
	const target = parseDay(value);
	if (target === undefined) return `Filter: ${field} needs a date like DD.MM.YYYY`;
	const compare: Record<string, (a: number, b: number) => boolean> = {
		'=': (a, b) => a === b,
		'!=': (a, b) => a !== b,
		'>': (a, b) => a > b,
		'<': (a, b) => a < b,
		'>=': (a, b) => a >= b,
		'<=': (a, b) => a <= b,
	};
	const cmp = compare[op];
	if (!cmp) return `Filter: operator ${op} is not valid for ${field}`;
	return (task) => {
		const actual = getter(task);
		return actual !== undefined && cmp(actual, target);
	};
}

