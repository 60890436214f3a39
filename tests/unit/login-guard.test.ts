// The per-account log-in guard's rules over time (pocketbase/pb_hooks/lib/login-guard.js), with a clock.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

type State = { failures: number[] } | null | undefined;
const G = createRequire(import.meta.url)('../../pocketbase/pb_hooks/lib/login-guard.js') as {
	FAILURES_ALLOWED: number;
	WINDOW_MS: number;
	LOCK_MS: number;
	guardKey: (collection: string, identity: unknown) => string;
	lockedUntil: (state: State, now: number) => number;
	afterFailure: (state: State, now: number) => { failures: number[] };
	secondsLeft: (until: number, now: number) => number;
	parseState: (raw: unknown) => State;
};

const minute = 60_000;
function fail(times: number[]): { failures: number[] } {
	return times.reduce<{ failures: number[] }>((state, t) => G.afterFailure(state, t), { failures: [] });
}

describe('login guard', () => {
	it('allows ten failures within fifteen minutes and locks on the tenth, for fifteen minutes after it', () => {
		expect(G.FAILURES_ALLOWED).toBe(10);
		expect(G.WINDOW_MS).toBe(15 * minute);
		expect(G.LOCK_MS).toBe(15 * minute);
		const nine = fail([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => i * minute));
		expect(G.lockedUntil(nine, 9 * minute)).toBe(0);
		const ten = G.afterFailure(nine, 9 * minute);
		expect(G.lockedUntil(ten, 9 * minute)).toBe(24 * minute);
		expect(G.lockedUntil(ten, 24 * minute - 1)).toBe(24 * minute);
	});

	it('lets failures older than the window fall away', () => {
		// Ten failures, but the first lies sixteen minutes before the tenth: nine inside the window.
		const spread = fail([0, ...[7, 8, 9, 10, 11, 12, 13, 14, 16].map((i) => i * minute)]);
		expect(G.lockedUntil(spread, 16 * minute)).toBe(0);
		expect(spread.failures).toHaveLength(9);
	});

	it('ends the lock fifteen minutes after the last failure', () => {
		const ten = fail(Array.from({ length: 10 }, (_, i) => i * 1000));
		expect(G.lockedUntil(ten, 9000 + 15 * minute)).toBe(0);
		expect(G.lockedUntil(ten, 9000 + 15 * minute - 1)).toBe(9000 + 15 * minute);
	});

	it('keeps at most ten failures and ignores a broken state', () => {
		const many = fail(Array.from({ length: 25 }, (_, i) => i));
		expect(many.failures).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
		expect(G.lockedUntil(null, 0)).toBe(0);
		expect(G.lockedUntil({ failures: 'x' } as unknown as State, 0)).toBe(0);
		expect(G.afterFailure({ failures: ['a', 5] } as unknown as State, 10).failures).toEqual([5, 10]);
	});

	it('keys an account by collection and address, case and spaces ignored', () => {
		expect(G.guardKey('users', ' Jan@School.BE ')).toBe(G.guardKey('users', 'jan@school.be'));
		expect(G.guardKey('users', 'jan@school.be')).not.toBe(G.guardKey('_superusers', 'jan@school.be'));
		expect(G.guardKey('users', undefined)).toBe(G.guardKey('users', ''));
	});

	it('reads its state back from the store\'s JSON text, and nothing from anything else', () => {
		const state = fail([1, 2]);
		expect(G.parseState(JSON.stringify(state))).toEqual(state);
		for (const raw of [undefined, null, '', '{', 42, { failures: [1] }]) expect(G.parseState(raw)).toBeNull();
	});

	it('rounds the seconds left up, at least one', () => {
		expect(G.secondsLeft(10_001, 0)).toBe(11);
		expect(G.secondsLeft(5, 5)).toBe(1);
	});
});
