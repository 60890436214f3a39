/**
 * The reader's session on this device: the one the PocketBase SDK stores on the account page
 * (localStorage "pocketbase_auth"). Small on purpose: every lesson page loads it to learn whether
 * anyone is logged in, and only then loads remote-store.ts.
 */
export const AUTH_KEY = 'pocketbase_auth';

export interface Session {
	token: string;
	userId: string;
	name: string;
}

/** Why a call to the server failed: the session ended, the server was unreachable, or it refused the data. */
export type Failure = 'expired' | 'offline' | 'rejected';
export class RemoteError extends Error {
	constructor(
		readonly failure: Failure,
		message: string,
		/** The server's answer, when it refused (e.g. what is still missing for a certificate). */
		readonly body?: unknown,
	) {
		super(message);
	}
}

export interface RemoteLesson {
	id: string;
	lesson: string;
	completed: boolean;
	/** When `completed` last changed (server clock, ISO or PocketBase's "YYYY-MM-DD HH:MM:SS.sssZ"); empty when never marked. */
	changedAt?: string;
}

function tokenExpired(token: string, now: number): boolean {
	try {
		const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
		return typeof payload.exp === 'number' && payload.exp * 1000 <= now;
	} catch {
		return true;
	}
}

/**
 * The stored session: null when nobody logged in on this device, 'expired' when the token ran out.
 */
export function readSession(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage, now = Date.now()): Session | 'expired' | null {
	try {
		const raw = JSON.parse(storage?.getItem(AUTH_KEY) ?? 'null') as { token?: unknown; record?: { id?: unknown; name?: unknown; collectionName?: unknown } } | null;
		if (!raw || typeof raw.token !== 'string' || !raw.token || typeof raw.record?.id !== 'string') return null;
		if (raw.record.collectionName && raw.record.collectionName !== 'users') return null;
		if (tokenExpired(raw.token, now)) return 'expired';
		return { token: raw.token, userId: raw.record.id, name: typeof raw.record.name === 'string' ? raw.record.name : '' };
	} catch {
		return null;
	}
}
