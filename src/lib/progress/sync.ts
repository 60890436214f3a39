import { readLocal, updateLocal, writeLocal, type LocalLesson, type LocalProgress } from './local-store';
import { finishedRun } from '../scenario/finished-play';
import { queueOffline } from '../offline/load';
import { finishRun, submitRun } from './runs';
import { readSession, RemoteError, type Failure, type RemoteLesson, type Session } from './session';
import { call, listRemote, refreshSession, saveRemote } from './remote-store';

/** What the reader's progress looks like after a sync, and whether the account could be reached. */
export interface ProgressState {
	completed: Set<string>;
	/** 'local' without account; 'account' when in sync with the server; otherwise why it is not. */
	status: 'local' | 'account' | Failure;
	/** Lessons from this device that were added to the account in this sync. */
	merged: number;
}

/** A time as milliseconds; PocketBase writes "YYYY-MM-DD HH:MM:SS.sssZ". NaN when empty or unreadable. */
export function timeOf(value: string | undefined): number {
	return value ? Date.parse(value.replace(' ', 'T')) : Number.NaN;
}

/**
 * Whether the account's state of a lesson is a later change than this device's: the last change wins
 * between devices. A record never marked (only opened) has no change time and never wins; a device
 * entry without a readable time loses to any marked record.
 */
export function accountChangedLater(remote: RemoteLesson, local: LocalLesson): boolean {
	const theirs = timeOf(remote.changedAt);
	if (Number.isNaN(theirs)) return false;
	const mine = timeOf(local.at);
	return Number.isNaN(mine) || theirs >= mine;
}

/** This device's entry for a lesson as the account recorded it (the server's time, so clocks cannot drift apart). */
function asRecorded(remote: RemoteLesson): LocalLesson | undefined {
	const at = timeOf(remote.changedAt);
	return Number.isNaN(at) ? undefined : { completed: remote.completed, at: new Date(at).toISOString() };
}

/**
 * Brings local and account progress together, lesson by lesson, and the last change wins: a lesson
 * marked or undone on this device after the account's last change is written to the account (nothing
 * done before logging in is lost); a later change in the account (made on another device) replaces
 * this device's copy, so a lesson undone anywhere stays undone. Lessons completed elsewhere show here.
 * Known lesson keys only.
 */
export async function syncProgress(knownLessons?: ReadonlySet<string>): Promise<ProgressState & { session?: Session; remote: Map<string, RemoteLesson> }> {
	// Never at the same time as the offline queue sends (src/lib/offline/outbox.ts, the same lock), nor in two
	// tabs at once: whichever comes second finds in the account what the first wrote, and writes nothing twice.
	const locks = globalThis.navigator?.locks;
	return locks ? locks.request('palliwijs-outbox', () => syncNow(knownLessons)) : syncNow(knownLessons);
}

async function syncNow(knownLessons?: ReadonlySet<string>): Promise<ProgressState & { session?: Session; remote: Map<string, RemoteLesson> }> {
	const known = (k: string) => !knownLessons || knownLessons.has(k);
	const mine = Object.entries(readLocal()).filter(([k]) => known(k));
	const completed = new Set(mine.filter(([, v]) => v.completed).map(([k]) => k));
	const remote = new Map<string, RemoteLesson>();
	const stored = readSession();
	if (stored === null) return { completed, status: 'local', merged: 0, remote };
	if (stored === 'expired') return { completed, status: 'expired', merged: 0, remote };
	let session: Session | undefined;
	const recorded: LocalProgress = {};
	try {
		session = await refreshSession(stored);
		for (const r of await listRemote(session)) remote.set(r.lesson, r);
		let merged = 0;
		for (const [key, local] of mine) {
			const existing = remote.get(key);
			if (existing && existing.completed === local.completed) {
				const same = asRecorded(existing);
				if (same && same.at !== local.at) recorded[key] = same;
				continue;
			}
			if (!existing && !local.completed) continue;
			if (existing && accountChangedLater(existing, local)) {
				const later = asRecorded(existing);
				if (later) recorded[key] = later;
				continue;
			}
			try {
				if (key.startsWith('scenario/')) {
					// A case counts when the server replays its choices to an ending; it cannot be undone.
					const id = key.slice('scenario/'.length);
					const play = local.completed ? finishedRun(id) : undefined;
					if (!play) continue;
					if (play.run) await finishRun(session, id, play.run, play.choices);
					else await submitRun(session, id, play.choices, play.key);
					remote.set(key, { id: '', lesson: key, completed: true });
				} else {
					const saved = await saveRemote(session, key, local.completed, existing);
					remote.set(key, saved);
					const now = asRecorded(saved);
					if (now) recorded[key] = now;
				}
				if (local.completed) merged++;
			} catch (err) {
				// A lesson that no longer exists is refused by the server; the rest still merges.
				if (!(err instanceof RemoteError && err.failure === 'rejected')) throw err;
			}
		}
		// The account's state wins where it has one (after this device's later changes were written to it).
		for (const r of remote.values()) {
			if (r.completed) completed.add(r.lesson);
			else completed.delete(r.lesson);
		}
		return { completed, status: 'account', merged, session, remote };
	} catch (err) {
		if (err instanceof RemoteError) return { completed, status: err.failure, merged: 0, session, remote };
		throw err;
	} finally {
		updateLocal(recorded);
	}
}

/**
 * Marks one lesson (un)done: always on this device first, then in the account when logged in.
 * Returns the resulting status, so the page can say where it was saved.
 */
export async function setLessonCompleted(
	key: string,
	completed: boolean,
	state: { session?: Session; remote: Map<string, RemoteLesson>; status?: ProgressState['status'] },
): Promise<ProgressState['status']> {
	writeLocal(key, completed);
	if (state.status === 'expired') return 'expired';
	const session = state.session ?? readSession();
	if (session === null) return 'local';
	if (session === 'expired') return 'expired';
	try {
		try {
			state.remote.set(key, await saveRemote(session, key, completed, state.remote.get(key)));
		} catch (err) {
			// The record may exist already (made on another device or by the lesson's opening stamp
			// after this page read the progress): read it again and update it.
			if (!(err instanceof RemoteError && err.failure === 'rejected') || state.remote.has(key)) throw err;
			const existing = (await listRemote(session)).find((r) => r.lesson === key);
			if (!existing) throw err;
			state.remote.set(key, await saveRemote(session, key, completed, existing));
		}
		// This device's copy takes the account's time of the change, so the next sync compares like with like.
		const saved = state.remote.get(key);
		const recorded = saved && saved.completed === completed ? asRecorded(saved) : undefined;
		if (recorded) updateLocal({ [key]: recorded });
		return 'account';
	} catch (err) {
		if (!(err instanceof RemoteError)) throw err;
		// Kept on this device already; queued to be sent, in order, when the server can be reached.
		if (err.failure === 'offline') await queueOffline({ kind: 'lesson', lesson: key, completed, at: new Date().toISOString() }, session.userId);
		return err.failure;
	}
}
