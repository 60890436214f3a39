// The page side of the offline queue (src/lib/offline/outbox-sync.ts): the status note every page has
// ([data-outbox] in BaseLayout, its texts in data attributes) and the retry loop that sends what waits.
// The queue itself (outbox.ts, tested in tests/unit/outbox.test.ts) is replaced by a `flush` the test
// answers; the page by the few DOM calls the note uses; time by Vitest's fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxState } from '../../src/lib/offline/outbox';

const queue = vi.hoisted(() => ({
	flush: undefined as unknown as ReturnType<typeof vi.fn<() => Promise<OutboxState>>>,
	/** What the page side registered with the queue (onQueued). */
	queued: [] as ((state: OutboxState) => void)[],
}));
vi.mock('../../src/lib/offline/outbox', () => ({
	flush: () => queue.flush(),
	onQueued: (then: (state: OutboxState) => void) => queue.queued.push(then),
	enqueue: async () => true,
	readHint: () => ({ waiting: 0 }),
	HINT_KEY: 'palliwijs.outbox.v1',
}));

type Sync = typeof import('../../src/lib/offline/outbox-sync');

const texts = {
	msgWaitingOne: 'Eén wijziging wacht ({count}).',
	msgWaiting: '{count} wijzigingen wachten.',
	msgExpired: 'Sessie verlopen.',
	msgSaved: 'Bewaard om {time}.',
	msgRefused: '{count} geweigerd.',
};

/** A page with the status note (or without: `box: false`); records the events it is told. */
function page({ lang = 'nl', data = texts as Record<string, string>, box = true } = {}) {
	const classes = new Set(['outbox', 'note', 'note--warn', 'note--ok']);
	const note = {
		dataset: { ...data },
		textContent: 'vorige tekst',
		classList: {
			toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name), on),
		},
	};
	const events: CustomEvent<OutboxState>[] = [];
	const selectors: string[] = [];
	vi.stubGlobal('document', {
		documentElement: { lang },
		querySelector: (selector: string) => (selectors.push(selector), box && selector === '[data-outbox]' ? note : null),
		dispatchEvent: (event: CustomEvent<OutboxState>) => (events.push(event), true),
	});
	return { note, events, selectors, classes: () => [...classes].filter((c) => c.startsWith('note--')) };
}

/** The window's event listeners (the retry loop listens for 'online'). */
let listeners: Map<string, (() => void)[]>;
const fire = (type: string) => listeners.get(type)?.forEach((fn) => fn());
/** Lets every promise callback that is ready run (a real turn of the event loop; only setTimeout is faked). */
const drain = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Waits until `check` holds, turn by turn (at most 50 turns): a state, not a moment. */
async function until(check: () => boolean) {
	for (let i = 0; i < 50 && !check(); i++) await drain();
	expect(check()).toBe(true);
}
/** Moves the clock on and lets what the timers started settle. */
async function after(ms: number) {
	await vi.advanceTimersByTimeAsync(ms);
	await drain();
	await drain();
}

let sync: Sync;
beforeEach(async () => {
	listeners = new Map();
	vi.stubGlobal('addEventListener', (type: string, fn: () => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]));
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
	queue.flush = vi.fn<() => Promise<OutboxState>>();
	queue.queued = [];
	// A fresh module for every test: the loop keeps its delay, its timer and its listener in module state.
	vi.resetModules();
	sync = await import('../../src/lib/offline/outbox-sync');
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('the note on every page', () => {
	it('says how much waits, one change in its own words, and warns', () => {
		const p = page();
		sync.report({ waiting: 1, status: 'offline' });
		expect(p.note.textContent).toBe('Eén wijziging wacht (1).');
		expect(p.classes()).toEqual(['note--warn']);
		sync.report({ waiting: 3, status: 'offline' });
		expect(p.note.textContent).toBe('3 wijzigingen wachten.');
		expect(p.classes()).toEqual(['note--warn']);
	});

	it('asks to log in again when the session ended and something waits; not when nothing waits', () => {
		const p = page();
		sync.report({ waiting: 2, status: 'expired' });
		expect(p.note.textContent).toBe('2 wijzigingen wachten. Sessie verlopen.');
		sync.report({ waiting: 0, status: 'expired' });
		expect(p.note.textContent).toBe('');
		expect(p.classes()).toEqual(['note--ok']);
	});

	it('says when everything reached the account, in the page’s language’s 24-hour time, only right after a send that sent something', () => {
		const savedAt = '2026-12-07T13:05:00.000Z';
		const time = new Date(savedAt).toLocaleTimeString('nl-BE', { hour: '2-digit', minute: '2-digit' });
		expect(time).toMatch(/^\d\d:\d\d$/);
		const p = page();
		sync.report({ waiting: 0, status: 'account', savedAt, sent: 2 }, true);
		expect(p.note.textContent).toBe(`Bewaard om ${time}.`);
		expect(p.classes()).toEqual(['note--ok']);
		for (const [state, sentNow] of [
			[{ waiting: 0, status: 'account', savedAt, sent: 2 }, false],
			[{ waiting: 0, status: 'account', savedAt, sent: 0 }, true],
			[{ waiting: 0, status: 'account', savedAt }, true],
			[{ waiting: 0, status: 'account', sent: 2 }, true],
		] as [OutboxState, boolean][]) {
			sync.report(state, sentNow);
			expect(p.note.textContent).toBe('');
		}
		sync.report({ waiting: 1, status: 'account', savedAt, sent: 2 }, true);
		expect(p.note.textContent).toBe('Eén wijziging wacht (1).');
		const en = page({ lang: 'en' });
		sync.report({ waiting: 0, status: 'account', savedAt, sent: 1 }, true);
		expect(en.note.textContent).toBe(`Bewaard om ${new Date(savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.`);
	});

	it('says how many the server refused, right after the send only', () => {
		const p = page();
		const savedAt = '2026-12-07T13:05:00.000Z';
		sync.report({ waiting: 0, status: 'account', refused: 2, sent: 2 }, true);
		expect(p.note.textContent).toBe('2 geweigerd.');
		sync.report({ waiting: 0, status: 'account', refused: 2, sent: 3, savedAt }, true);
		expect(p.note.textContent).toMatch(/^Bewaard om \d\d:\d\d\. 2 geweigerd\.$/);
		sync.report({ waiting: 0, status: 'account', refused: 2, sent: 3, savedAt });
		expect(p.note.textContent).toBe('');
	});

	it('shows nothing of the queue when nobody is logged in (status local), whatever waits', () => {
		const p = page();
		sync.report({ waiting: 2, status: 'local', refused: 1, sent: 1, savedAt: '2026-12-07T13:05:00.000Z' }, true);
		expect(p.note.textContent).toBe('');
		expect(p.classes()).toEqual(['note--warn']);
	});

	it('shows no "undefined" for a text the page does not have', () => {
		const p = page({ data: {} });
		sync.report({ waiting: 2, status: 'expired' });
		expect(p.note.textContent).toBe(' ');
		sync.report({ waiting: 1, status: 'offline' });
		expect(p.note.textContent).toBe('');
		sync.report({ waiting: 0, status: 'account', refused: 1, sent: 1, savedAt: '2026-12-07T13:05:00.000Z' }, true);
		expect(p.note.textContent).toBe(' ');
	});

	it('tells the page every state as the palliwijs:outbox event, with or without the note, and does nothing without a document', () => {
		const p = page({ box: false });
		const state: OutboxState = { waiting: 1, status: 'offline' };
		sync.report(state);
		expect(p.selectors).toEqual(['[data-outbox]']);
		expect(p.events.map((e) => [e.type, e.detail])).toEqual([['palliwijs:outbox', state]]);
		const q = page();
		sync.report(state);
		expect(q.events.map((e) => [e.type, e.detail])).toEqual([['palliwijs:outbox', state]]);
		vi.stubGlobal('document', undefined);
		expect(() => sync.report(state)).not.toThrow();
	});
});

describe('sending again', () => {
	const offline: OutboxState = { waiting: 1, status: 'offline' };
	const done: OutboxState = { waiting: 0, status: 'account', savedAt: '2026-12-07T13:05:00.000Z', sent: 1 };
	const calls = () => queue.flush.mock.calls.length;

	it('sends what waits and shows the result as just sent', async () => {
		const p = page();
		queue.flush.mockResolvedValue(done);
		sync.startSync();
		await until(() => p.events.length === 1);
		expect(calls()).toBe(1);
		expect(p.note.textContent).toMatch(/^Bewaard om \d\d:\d\d\.$/);
		await after(120_000);
		expect(calls()).toBe(1);
	});

	it('while the server cannot be reached, tries again after 2, 4, 8 … seconds, at most a minute apart', async () => {
		page();
		queue.flush.mockResolvedValue(offline);
		sync.startSync();
		await until(() => calls() === 1);
		for (const wait of [2000, 4000, 8000, 16000, 32000, 60000, 60000]) {
			const before = calls();
			await after(wait - 1);
			expect(calls()).toBe(before);
			await after(1);
			expect(calls()).toBe(before + 1);
		}
	});

	it('after a send that failed outright, waits 4, 8 … seconds, at most a minute, and shows nothing', async () => {
		const p = page();
		queue.flush.mockRejectedValue(new TypeError('IndexedDB is gone'));
		sync.startSync();
		await until(() => calls() === 1);
		for (const wait of [4000, 8000, 16000, 32000, 60000, 60000]) {
			const before = calls();
			await after(wait - 1);
			expect(calls()).toBe(before);
			await after(1);
			expect(calls()).toBe(before + 1);
		}
		expect(p.events).toEqual([]);
	});

	it('starts again from 2 seconds when the browser says the connection is back, and sends at once', async () => {
		page();
		queue.flush.mockResolvedValue(offline);
		sync.startSync();
		await until(() => calls() === 1);
		await after(2000 + 4000 + 8000);
		expect(calls()).toBe(4);
		fire('online');
		await until(() => calls() === 5);
		await after(1999);
		expect(calls()).toBe(5);
		await after(1);
		expect(calls()).toBe(6);
		// The timer that was waiting (16 s) was replaced, not added to.
		await after(3999);
		expect(calls()).toBe(6);
	});

	it('starts again from 2 seconds after a send that reached the account', async () => {
		page();
		queue.flush.mockResolvedValue(offline);
		sync.startSync();
		await until(() => calls() === 1);
		await after(2000 + 4000 + 8000);
		queue.flush.mockResolvedValueOnce(done);
		await after(16000);
		expect(calls()).toBe(5);
		await after(120_000);
		expect(calls()).toBe(5);
		sync.startSync();
		await until(() => calls() === 6);
		await after(1999);
		expect(calls()).toBe(6);
		await after(1);
		expect(calls()).toBe(7);
	});

	it('sends again at once when something was queued while it was sending', async () => {
		page();
		queue.flush.mockResolvedValueOnce({ waiting: 1, status: 'account', sent: 2 }).mockResolvedValue(done);
		sync.startSync();
		await until(() => calls() === 1);
		await after(0);
		expect(calls()).toBe(2);
		await after(120_000);
		expect(calls()).toBe(2);
	});

	it('stops trying when the session ended or nobody is logged in, or when nothing waits', async () => {
		page();
		for (const state of [
			{ waiting: 2, status: 'expired' },
			{ waiting: 2, status: 'local' },
			{ waiting: 0, status: 'offline' },
		] as OutboxState[]) {
			queue.flush.mockResolvedValueOnce(state);
			const before = calls();
			sync.startSync();
			await until(() => calls() === before + 1);
			await after(120_000);
			expect(calls()).toBe(before + 1);
		}
	});

	it('never sends twice at the same time: a call while sending waits for the next round', async () => {
		const p = page();
		let answer: (state: OutboxState) => void = () => undefined;
		queue.flush.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
		sync.startSync();
		sync.startSync();
		fire('online');
		await drain();
		expect(calls()).toBe(1);
		answer(done);
		await until(() => p.events.length === 1);
		await drain();
		sync.startSync();
		await drain();
		expect(calls()).toBe(2);
	});

	it('a send started by hand replaces the retry that was waiting', async () => {
		const p = page();
		queue.flush.mockResolvedValueOnce(offline).mockResolvedValue(done);
		sync.startSync();
		// The round is over once its state is shown (and a turn later no longer running).
		await until(() => p.events.length === 1);
		await drain();
		sync.startSync();
		await until(() => calls() === 2);
		await after(120_000);
		expect(calls()).toBe(2);
	});

	it('listens for the connection once, however often it starts', async () => {
		page();
		queue.flush.mockResolvedValue(done);
		sync.startSync();
		await drain();
		sync.startSync();
		await drain();
		expect([...listeners.keys()]).toEqual(['online']);
		expect(listeners.get('online')).toHaveLength(1);
	});
});

describe('what the queue hands over', () => {
	it('registers with the queue when it loads: a queued state is shown (not as just sent) and sending starts', async () => {
		const p = page();
		queue.flush.mockResolvedValue({ waiting: 1, status: 'offline' });
		expect(queue.queued).toHaveLength(1);
		queue.queued[0]!({ waiting: 1, status: 'offline', refused: 3, savedAt: '2026-12-07T13:05:00.000Z', sent: 1 });
		expect(p.note.textContent).toBe('Eén wijziging wacht (1).');
		expect(p.events).toHaveLength(1);
		await until(() => queue.flush.mock.calls.length === 1);
	});

	it('passes the queue’s own calls on, for the pages that load it as /outbox.js', () => {
		expect(Object.keys(sync).sort()).toEqual(['HINT_KEY', 'enqueue', 'flush', 'readHint', 'report', 'startSync']);
	});
});
