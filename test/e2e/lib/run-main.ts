/**
 * Runs a runner's `main` and exits with its code. A set-up error (thrown before any check could report) is
 * printed as `FAIL setup: <message>`, then the runner's own summary line for that case, and exits 1.
 */
export function runMain(main: () => Promise<number>, setupFailedSummary: string): void {
	main().then(
		(code) => process.exit(code),
		(error: unknown) => {
			console.log(`FAIL setup: ${error instanceof Error ? error.message : String(error)}`);
			console.log(setupFailedSummary);
			process.exit(1);
		},
	);
}
