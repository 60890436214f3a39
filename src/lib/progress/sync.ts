import { completedLocally, readLocal, writeLocal } from './local-store';
import { listRemote, readSession, refreshSession, RemoteError, saveRemote, type Failure, type RemoteLesson, type Session } from './remote-store';

/** What the reader's progress looks like after a sync, and whether the account could be reached. */
export interface ProgressState {
	completed: Set<string>;
	/** 'local' without account; 'account' when in sync with the server; otherwise why it is not. */
	status: 'local' | 'account' | Failure;
	/** Lessons from this device that were added to the account in this sync. */
	merged: number;
}

/**
 * Brings local and account progress together: every lesson completed on this device is written to
 * the account (nothing lost), and lessons completed elsewhere show here. Known lesson keys only.
 */
export async function syncProgress(knownLessons?: ReadonlySet<string>): Promise<ProgressState & { session?: Session; remote: Map<string, RemoteLesson> }> {
	const local = completedLocally(readLocal()).filter((k) => !knownLessons || knownLessons.has(k));
	const completed = new Set(local);
	const remote = new Map<string, RemoteLesson>();
	const stored = readSession();
	if (stored === null) return { completed, status: 'local', merged: 0, remote };
	if (stored === 'expired') return { completed, status: 'expired', merged: 0, remote };
	let session: Session | undefined;
	try {
		session = await refreshSession(stored);
		for (const r of await listRemote(session)) remote.set(r.lesson, r);
		let merged = 0;
		for (const key of local) {
			const existing = remote.get(key);
			if (existing?.completed) continue;
			try {
				remote.set(key, await saveRemote(session, key, true, existing));
				merged++;
			} catch (err) {
				// A lesson that no longer exists is refused by the server; the rest still merges.
				if (!(err instanceof RemoteError && err.failure === 'rejected')) throw err;
			}
		}
		for (const r of remote.values()) if (r.completed) completed.add(r.lesson);
		return { completed, status: 'account', merged, session, remote };
	} catch (err) {
		if (err instanceof RemoteError) return { completed, status: err.failure, merged: 0, session, remote };
		throw err;
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
		state.remote.set(key, await saveRemote(session, key, completed, state.remote.get(key)));
		return 'account';
	} catch (err) {
		if (err instanceof RemoteError) return err.failure === 'rejected' ? 'rejected' : err.failure;
		throw err;
	}
}
