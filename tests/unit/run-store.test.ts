// The case player's run store: the order of a play's options and what a saved play keeps.
import { describe, expect, it } from 'vitest';
import { browserRunStore, fingerprint, localSeed, orderedOptions, usableSnapshot } from '../../src/lib/scenario/run-store';
import { finishedRun, rememberFinishedRun } from '../../src/lib/scenario/finished-play';
import type { ScenarioData } from '../../src/schemas/scenario';
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

describe('resuming a saved run', () => {
	const data = {
		nodes: {
			begin: { type: 'scene', text: 'x', next: 'keuze' },
			keuze: { type: 'decision', question: 'q', options: [{ id: 'a' }, { id: 'b' }] },
			einde: { type: 'ending' },
		},
	} as unknown as ScenarioData;
	const run = (snapshot: unknown, fp = fingerprint(data)) => ({ fingerprint: fp, snapshot, savedAt: 'now' });
	const good = { value: 'keuze', context: { choices: [], variables: {} } };

	it('the fingerprint changes when a node or an option is added, removed or renamed, and not otherwise', () => {
		const same = JSON.parse(JSON.stringify(data)) as ScenarioData;
		(same.nodes.begin as { text: string }).text = 'andere woorden';
		expect(fingerprint(same)).toBe(fingerprint(data));
		const option = JSON.parse(JSON.stringify(data)) as ScenarioData;
		(option.nodes.keuze as { options: { id: string }[] }).options.push({ id: 'c' });
		const node = JSON.parse(JSON.stringify(data)) as ScenarioData;
		(node.nodes as Record<string, unknown>).extra = { type: 'ending' };
		const prints = new Set([data, option, node].map(fingerprint));
		expect(prints.size).toBe(3);
	});
	it('keeps its form from release to release: runs saved on devices stay resumable', () => {
		expect(fingerprint(data)).toBe('begin keuze(ab) einde');
	});
	it('resumes a snapshot of this version of the case at a node that exists, with its choices and variables', () => {
		expect(usableSnapshot(data, run(good))).toBe(good);
		expect(usableSnapshot(data, null)).toBeNull();
		expect(usableSnapshot(data, run(good, 'oud'))).toBeNull();
		expect(usableSnapshot(data, run({ ...good, value: 'weg' }))).toBeNull();
		expect(usableSnapshot(data, run({ ...good, value: { nested: 'keuze' } }))).toBeNull();
		expect(usableSnapshot(data, run({ value: 'keuze', context: { variables: {} } }))).toBeNull();
		expect(usableSnapshot(data, run({ value: 'keuze', context: { choices: [] } }))).toBeNull();
		// A damaged store: no context at all, or the node as a list.
		expect(usableSnapshot(data, run({ value: 'keuze' }))).toBeNull();
		expect(usableSnapshot(data, run({ ...good, value: ['keuze'] }))).toBeNull();
	});
	it('keeps the choices of the last finished run for the server to replay after signing up', () => {
		const data = new Map<string, string>();
		const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
		expect(finishedRun('maria', storage)).toBeNull();
		rememberFinishedRun('maria', { choices: [{ node: 'n', option: 'a' }], key: 'play-k1' }, storage);
		expect(finishedRun('maria', storage)).toEqual({ choices: [{ node: 'n', option: 'a' }], key: 'play-k1', run: undefined });
		// kept before plays had keys: the choices alone
		data.set('palliwijs.scenario.maria.finished.v1', '[{"node":"n","option":"b"}]');
		expect(finishedRun('maria', storage)).toEqual({ choices: [{ node: 'n', option: 'b' }] });
		expect(finishedRun('ander', storage)).toBeNull();
		data.set('palliwijs.scenario.maria.finished.v1', '{"node":"n"}');
		expect(finishedRun('maria', storage)).toBeNull();
		data.set('palliwijs.scenario.maria.finished.v1', '{');
		expect(finishedRun('maria', storage)).toBeNull();
		expect(() => rememberFinishedRun('maria', { choices: [] }, { setItem: () => { throw new Error('full'); } })).not.toThrow();
	});
	it('forgets a run on restart, and a store that refuses never stops the case', async () => {
		const data = new Map<string, string>();
		const store = browserRunStore({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) });
		await store.save('maria', run(good));
		await store.save('ander', run(good));
		await store.clear('maria');
		expect(await store.load('maria')).toBeNull();
		expect(await store.load('ander')).not.toBeNull();
		const refusing = browserRunStore({ getItem: () => '{', setItem: () => { throw new Error('full'); }, removeItem: () => { throw new Error('blocked'); } });
		await expect(refusing.save('maria', run(good))).resolves.toBeUndefined();
		await expect(refusing.clear('maria')).resolves.toBeUndefined();
		expect(await refusing.load('maria')).toBeNull();
		data.set('palliwijs.scenario.maria.v1', JSON.stringify({ fingerprint: 5, snapshot: good }));
		expect(await store.load('maria')).toBeNull();
		data.set('palliwijs.scenario.maria.v1', JSON.stringify({ fingerprint: 'f' }));
		expect(await store.load('maria')).toBeNull();
	});
	it('gives each guest play its own seed', () => {
		const seeds = new Set(Array.from({ length: 50 }, () => localSeed()));
		expect(seeds.size).toBe(50);
		for (const seed of seeds) expect(seed).toMatch(/^[0-9a-z]{2,}$/);
	});
});
