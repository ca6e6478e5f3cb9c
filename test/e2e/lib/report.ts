/**
 * Scenario bookkeeping: one `PASS <name>` / `FAIL <name>: <reason>` line per check, then `N passed, N failed`.
 * A group's checks depend on each other (connect → call → refresh), so the first failure ends its group.
 */
export class Report {
	passed = 0;
	failed = 0;
	private muted = false;

	constructor(private readonly output: (line: string) => void = (line) => console.log(line)) {}

	/** After an interrupt: checks still running fail for that reason only, so they are not printed. */
	mute(): void {
		this.muted = true;
	}

	private print(line: string): void {
		if (!this.muted) this.output(line);
	}

	/** Runs the group; `check` records one line and throws GroupStop on failure to skip the rest. */
	async group(run: (check: (name: string, fn: () => Promise<void>) => Promise<void>) => Promise<void>): Promise<void> {
		try {
			await run(async (name, fn) => {
				try {
					await fn();
				} catch (error) {
					const reason = oneLine(error instanceof Error ? error.message : String(error));
					this.failed++;
					this.print(`FAIL ${name}: ${reason}`);
					throw new GroupStop();
				}
				this.passed++;
				this.print(`PASS ${name}`);
			});
		} catch (error) {
			if (!(error instanceof GroupStop)) {
				// A bug between checks (not inside one): still a visible failure.
				this.failed++;
				this.print(`FAIL (scenario code): ${oneLine(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
			}
		}
	}

	summary(): string {
		return `${this.passed} passed, ${this.failed} failed`;
	}
}

class GroupStop extends Error {}

function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ⏎ ').slice(0, 1500);
}
