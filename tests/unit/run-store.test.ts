// The case player's run store: the order of a play's options and what a saved play keeps.
import { describe, expect, it } from 'vitest';
import { browserRunStore, orderedOptions } from '../../src/lib/scenario/run-store';
import { shuffleWithSeed } from '../../src/lib/rules';

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id }));

describe('orderedOptions', () => {
	it('keeps the content order without a play (class mode)', () => {
		expect(orderedOptions(options, null, 'keuze')).toEqual(options);
	});
	it('orders with the shared rule: the same seed and decision give the same order', () => {
		const play = { seed: 'k3j9x' };
		expect(orderedOptions(options, play, 'keuze')).toEqual(shuffleWithSeed('k3j9x', 'keuze', options));
		expect(orderedOptions(options, play, 'keuze')).toEqual(orderedOptions(options, { seed: 'k3j9x' }, 'keuze'));
		expect([...orderedOptions(options, play, 'keuze')].sort((x, y) => x.id.localeCompare(y.id))).toEqual(options);
	});
	it('gives other seeds other orders, and does not keep the first option first', () => {
		const orders = new Set(Array.from({ length: 40 }, (_, i) => orderedOptions(options, { seed: `s${i}` }, 'keuze').map((o) => o.id).join('')));
		expect(orders.size).toBeGreaterThan(10);
		const firstStaysFirst = Array.from({ length: 40 }, (_, i) => orderedOptions(options, { seed: `s${i}` }, 'keuze')[0]!.id === 'a').filter(Boolean).length;
		expect(firstStaysFirst).toBeLessThan(20);
	});
});

describe('browserRunStore', () => {
	const memory = () => {
		const data = new Map<string, string>();
		return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
	};
	it('keeps the play (seed, run, learner, where it was recorded) with the snapshot', async () => {
		const store = browserRunStore(memory());
		const run = { fingerprint: 'f', snapshot: { value: 'x' }, savedAt: '2026-12-07T04:00:00Z', play: { seed: 'abc', run: 'r1', user: 'u1', recorded: 'account' as const } };
		await store.save('maria', run);
		expect(await store.load('maria')).toEqual(run);
	});
	it('drops a play whose seed is not text, and keeps the rest of the run', async () => {
		const storage = memory();
		storage.setItem('palliwijs.scenario.maria.v1', JSON.stringify({ fingerprint: 'f', snapshot: { value: 'x' }, savedAt: 'now', play: { seed: 42 } }));
		expect(await browserRunStore(storage).load('maria')).toEqual({ fingerprint: 'f', snapshot: { value: 'x' }, savedAt: 'now' });
	});
});
