/** Polls `check` until it returns a value other than undefined, or throws after timeoutMs with `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError = '';
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined) return value;
		} catch (error) {
			// Fatal problems (the server died) are rethrown; connection refusals are just "not yet".
			if (error instanceof FatalWaitError) throw error;
			lastError = error instanceof Error ? error.message : String(error);
		}
		if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
		await sleep(intervalMs);
	}
}

export class FatalWaitError extends Error {}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
