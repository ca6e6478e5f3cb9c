/**
 * Runs fast-check properties and counts the generated cases, so the suite can print (and write to
 * build/property-cases.json) how many cases one run really checked.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import fc from 'fast-check';

export interface PropertyCount {
	name: string;
	runs: number;
}

const counts: PropertyCount[] = [];

/** Checks a property with `numRuns` cases; throws fast-check's report (with the counterexample) on failure. */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IProperty<Ts>, numRuns: number): void {
	const details = fc.check(property, { numRuns });
	if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `property ${name} failed`);
	counts.push({ name, runs: details.numRuns });
}

/** The async variant, for properties that drive the lifecycle through an injected HttpClient. */
export async function checkAsyncProperty<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<void> {
	const details = await fc.check(property, { numRuns });
	if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `property ${name} failed`);
	counts.push({ name, runs: details.numRuns });
}

export function totalCases(): number {
	return counts.reduce((sum, c) => sum + c.runs, 0);
}

/** Writes build/property-cases.json ({ total, properties }) and returns its path. */
export function writeCounts(root: string): string {
	const dir = join(root, 'build');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'property-cases.json');
	writeFileSync(file, `${JSON.stringify({ total: totalCases(), properties: counts }, null, 2)}\n`);
	return file;
}
