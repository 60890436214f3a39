/**
 * Case runs in the account: started by the server (its seed orders the options), finished once with the
 * choices it replays. Its own module, so the case page loads this and not the lesson sync (sync.ts).
 */
import { queueOffline } from '../offline/load';
import { playKey, rememberFinishedRun } from '../scenario/finished-play';
import type { ScenarioPlay } from '../scenario/run-store';
import { writeLocal } from './local-store';
import { call } from './remote-store';
import { readSession, RemoteError, type Failure, type Session } from './session';

/**
 * Starts a run of a case on the server: its id and the seed that orders the options of this play.
 * With a key (a play finished before it had a run), the same key always gives the same run.
 */
export async function startRun(session: Session, scenario: string, key?: string): Promise<{ run: string; seed: string }> {
	const body = (await call(session, `/api/palliwijs/scenarios/${scenario}/runs`, { method: 'POST', body: key ? JSON.stringify({ key }) : '{}' })) as { run: string; seed: string | number };
	return { run: String(body.run), seed: String(body.seed) };
}

/** Finishes a run: the server replays the choices and records the step (a second finish stores nothing). */
export async function finishRun(session: Session, scenario: string, run: string, choices: { node: string; option: string }[]): Promise<{ ending: string; outcome: string }> {
	return (await call(session, `/api/palliwijs/scenarios/${scenario}/runs/${run}`, { method: 'POST', body: JSON.stringify({ choices }) })) as { ending: string; outcome: string };
}

/** Sends a case finished without a server run (on this device before logging in): a run is started and finished. */
export async function submitRun(session: Session, scenario: string, choices: { node: string; option: string }[], key?: string): Promise<{ ending: string; outcome: string }> {
	const { run } = await startRun(session, scenario, key);
	return finishRun(session, scenario, run, choices);
}

/**
 * Records a finished case: on this device always, in the account through the server's replay of
 * the play's run (started when the play started; started now, with the play's key, when that was not
 * possible then). When the server cannot be reached, the play waits in the offline queue.
 */
export async function recordFinishedCase(scenario: string, choices: { node: string; option: string }[], play: Pick<ScenarioPlay, 'seed' | 'run'>): Promise<'local' | 'account' | Failure> {
	const finished = { choices, key: playKey(play), run: play.run };
	rememberFinishedRun(scenario, finished);
	writeLocal(`scenario/${scenario}`, true);
	const session = readSession();
	if (session === null) return 'local';
	if (session === 'expired') return 'expired';
	try {
		if (play.run) await finishRun(session, scenario, play.run, choices);
		else await submitRun(session, scenario, choices, finished.key);
		return 'account';
	} catch (err) {
		if (!(err instanceof RemoteError)) throw err;
		if (err.failure === 'offline') await queueOffline({ kind: 'run', scenario, ...finished }, session.userId);
		return err.failure;
	}
}
