/**
 * Captures every log line n8n-core or our code writes while a test runs: n8n's backend Logger (what node
 * contexts use, `Container.get(Logger)`), n8n-workflow's LoggerProxy, and the console. Metadata is kept with
 * the line, since a logger prints it too.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

export interface LogCapture {
	readonly lines: string[];
	stop(): void;
}

function line(level: string, args: unknown[]): string {
	return `${level} ${args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ')}`;
}

function safeJson(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(value, (_k, v: unknown) => {
			if (v && typeof v === 'object') {
				if (seen.has(v)) return undefined;
				seen.add(v);
			}
			return v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v;
		});
	} catch {
		return String(value);
	}
}

export function captureLogs(): LogCapture {
	const lines: string[] = [];
	const spies: jest.SpyInstance[] = [];
	// n8n's Logger pins a no-op over each level it does not print; import ./log-level first so all are live.
	const n8nLogger = Container.get(Logger);
	const silenced = LEVELS.filter((level) => Object.prototype.hasOwnProperty.call(n8nLogger, level));
	if (silenced.length > 0) throw new Error(`n8n's Logger drops ${silenced.join(', ')}: import ./log-level before anything that loads n8n`);
	for (const level of LEVELS) {
		spies.push(jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => void lines.push(line(`n8n.${level}`, args))));
		spies.push(jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(line(`console.${level}`, args))));
	}
	spies.push(jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(line('console.log', args))));
	const proxy = Object.fromEntries(LEVELS.map((level) => [level, (...args: unknown[]) => void lines.push(line(`proxy.${level}`, args))]));
	LoggerProxy.init(proxy as never);
	return {
		lines,
		stop() {
			for (const spy of spies) spy.mockRestore();
		},
	};
}

/** Everything a user, a log or the UI could see of an error: its fields, its cause chain and its stack. */
export function errorText(error: unknown): string {
	if (!error || typeof error !== 'object') return String(error);
	const parts: string[] = [];
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const e = current as Record<string, unknown>;
		parts.push(String(e.message), String(e.stack), String(e.description), safeJson(e), safeJson(e.messages), safeJson(e.context));
		current = e.cause;
	}
	return parts.join('\n');
}
