// Seeded randomness for the rules shared by browser and server: the same seed gives the same order on
// every device and in the server's hooks, so a resumed case shows its options as before.

/** A source of numbers in [0, 1), like Math.random. Rules take one so tests can inject their own. */
export type Random = () => number;

/** A 32-bit hash of a string (cyrb53's mixing, folded to 32 bits). */
function hash(text: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (h1 ^ h2) >>> 0;
}

/** A deterministic Random from a seed (mulberry32). */
export function seededRandom(seed: string): Random {
	let state = hash(seed);
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A new list in random order (Fisher–Yates); the input is not changed. */
export function shuffle<T>(list: readonly T[], random: Random): T[] {
	const result = list.slice();
	for (let i = result.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const tmp = result[i]!;
		result[i] = result[j]!;
		result[j] = tmp;
	}
	return result;
}

/**
 * The list in an order fixed by `seed` and `key` (for example a run's seed and a decision's node id):
 * the same seed and key always give the same order, different keys give independent orders.
 */
export function shuffleWithSeed<T>(seed: string, key: string, list: readonly T[]): T[] {
	return shuffle(list, seededRandom(seed + '\u0000' + key));
}
