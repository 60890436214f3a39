import type { SelfCheckData } from '../schemas/self-check';
import { call } from './progress/remote-store';
import { domainScores as scoreDomains, selfCheckDomains } from './rules/self-check';
import { RemoteError, type Session } from './progress/session';

/** One filled-in self-check: answers 1–5 per item and the mean per domain. */
export interface SelfCheckResult {
	answers: Record<string, number>;
	scores: Record<string, number>;
	at: string;
}
export type SelfCheckKind = 'before' | 'after';
export type SelfCheckStore = Partial<Record<SelfCheckKind, SelfCheckResult>>;

export const SELF_CHECK_KEY = 'palliwijs.selfcheck.v1';

/** Mean score (1–5, one decimal) per domain; unanswered items do not count (the server's rule: src/lib/rules/self-check.ts). */
export function domainScores(data: SelfCheckData, answers: Record<string, number>): Record<string, number> {
	return scoreDomains(selfCheckDomains(data), answers);
}

export function readSelfChecks(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): SelfCheckStore {
	try {
		const value = JSON.parse(storage?.getItem(SELF_CHECK_KEY) ?? '{}') as SelfCheckStore;
		return value && typeof value === 'object' ? value : {};
	} catch {
		return {};
	}
}

export function writeSelfCheck(kind: SelfCheckKind, result: SelfCheckResult, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): SelfCheckStore {
	const all = { ...readSelfChecks(storage), [kind]: result };
	try {
		storage?.setItem(SELF_CHECK_KEY, JSON.stringify(all));
	} catch {
		/* shown anyway, just not kept */
	}
	return all;
}

/**
 * Saves a self-check in the account: one record per learner and kind (a unique index), so sending it
 * again (the offline queue, src/lib/offline/outbox.ts) updates the same record. Throws a RemoteError.
 */
export async function saveSelfCheckRemote(session: Session, kind: SelfCheckKind, answers: Record<string, number>, scores: Record<string, number>): Promise<void> {
	const base = '/api/collections/self_checks/records';
	const find = async () => ((await call(session, `${base}?filter=${encodeURIComponent(`kind="${kind}"`)}&fields=id`)) as { items: { id: string }[] }).items[0];
	const body = JSON.stringify({ user: session.userId, kind, answers, scores });
	let existing = await find();
	if (!existing) {
		try {
			await call(session, base, { method: 'POST', body });
			return;
		} catch (err) {
			// Made meanwhile (a first send whose answer was lost): update that one.
			if (!(err instanceof RemoteError && err.failure === 'rejected')) throw err;
			existing = await find();
			if (!existing) throw err;
		}
	}
	await call(session, `${base}/${existing.id}`, { method: 'PATCH', body });
}
