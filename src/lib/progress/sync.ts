import { completedLocally, readLocal, writeLocal } from './local-store';
import { finishedRun } from '../scenario/run-store';
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
				if (key.startsWith('scenario/')) {
					// A case counts when the server replays its choices to an ending.
					const id = key.slice('scenario/'.length);
					const choices = finishedRun(id);
					if (!choices) continue;
					await submitRun(session, id, choices);
					remote.set(key, { id: '', lesson: key, completed: true });
				} else remote.set(key, await saveRemote(session, key, true, existing));
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

/** Starts a run of a case on the server: its id and the seed that orders the options of this play. */
export async function startRun(session: Session, scenario: string): Promise<{ run: string; seed: string }> {
	const body = (await call(session, `/api/palliwijs/scenarios/${scenario}/runs`, { method: 'POST', body: '{}' })) as { run: string; seed: string | number };
	return { run: String(body.run), seed: String(body.seed) };
}

/** Finishes a run: the server replays the choices and records the step (a second finish stores nothing). */
export async function finishRun(session: Session, scenario: string, run: string, choices: { node: string; option: string }[]): Promise<{ ending: string; outcome: string }> {
	return (await call(session, `/api/palliwijs/scenarios/${scenario}/runs/${run}`, { method: 'POST', body: JSON.stringify({ choices }) })) as { ending: string; outcome: string };
}

/** Sends a case finished without a server run (on this device before logging in): a run is started and finished. */
export async function submitRun(session: Session, scenario: string, choices: { node: string; option: string }[]): Promise<{ ending: string; outcome: string }> {
	const { run } = await startRun(session, scenario);
	return finishRun(session, scenario, run, choices);
}

/**
 * Records a finished case: on this device always, in the account through the server's replay of
 * the play's run (started when the play started; started now when that was not possible then).
 */
export async function recordFinishedCase(scenario: string, choices: { node: string; option: string }[], run?: string): Promise<ProgressState['status']> {
	writeLocal(`scenario/${scenario}`, true);
	const session = readSession();
	if (session === null) return 'local';
	if (session === 'expired') return 'expired';
	try {
		if (run) await finishRun(session, scenario, run, choices);
		else await submitRun(session, scenario, choices);
		return 'account';
	} catch (err) {
		if (err instanceof RemoteError) return err.failure;
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
		return 'account';
	} catch (err) {
		if (err instanceof RemoteError) return err.failure === 'rejected' ? 'rejected' : err.failure;
		throw err;
	}
}
