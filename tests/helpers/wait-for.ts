/**
 * Waits for a state, never for a moment: calls `check` until it returns something other than undefined,
 * and fails naming `what` after `seconds`.
 */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, seconds = 100): Promise<T> {
	const deadline = Date.now() + seconds * 1000;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}
