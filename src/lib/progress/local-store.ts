/**
 * Progress kept in this browser (localStorage), for readers without an account and as the safe copy
 * when the server cannot be reached. Never throws: a broken or blocked store reads as empty.
 */
export const LOCAL_KEY = 'palliwijs.progress.v1';

export interface LocalLesson {
	completed: boolean;
	/** ISO time of the last change on this device. */
	at: string;
}
export type LocalProgress = Record<string, LocalLesson>;

const lessonKey = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function readLocal(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): LocalProgress {
	try {
		const parsed: unknown = JSON.parse(storage?.getItem(LOCAL_KEY) ?? '{}');
		const lessons = (parsed as { lessons?: unknown })?.lessons;
		if (!lessons || typeof lessons !== 'object') return {};
		const result: LocalProgress = {};
		for (const [key, value] of Object.entries(lessons as Record<string, unknown>)) {
			const v = value as Partial<LocalLesson> | null;
			if (lessonKey.test(key) && v && typeof v.completed === 'boolean') result[key] = { completed: v.completed, at: String(v.at ?? '') };
		}
		return result;
	} catch {
		return {};
	}
}

/** Records a change; returns false when the browser refuses to store (private mode, full disk). */
export function writeLocal(
	key: string,
	completed: boolean,
	storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
	now = new Date(),
): boolean {
	try {
		const lessons = readLocal(storage);
		lessons[key] = { completed, at: now.toISOString() };
		storage?.setItem(LOCAL_KEY, JSON.stringify({ lessons }));
		return storage !== undefined;
	} catch {
		return false;
	}
}

/**
 * Sets several lessons at once (the times the account gave them), keeping every other lesson as it is
 * now in the store, so a change made while a sync was under way is not lost.
 */
export function updateLocal(changes: LocalProgress, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): boolean {
	if (Object.keys(changes).length === 0) return true;
	try {
		const lessons = { ...readLocal(storage), ...changes };
		storage?.setItem(LOCAL_KEY, JSON.stringify({ lessons }));
		return storage !== undefined;
	} catch {
		return false;
	}
}

/** Forgets this device's progress (after logging out, once it is safe in the account). */
export function clearLocal(storage: Pick<Storage, 'removeItem'> | undefined = globalThis.localStorage): void {
	try {
		storage?.removeItem(LOCAL_KEY);
	} catch {
		/* nothing stored, nothing to forget */
	}
}
