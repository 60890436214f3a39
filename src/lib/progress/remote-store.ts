/**
 * Progress in the reader's PocketBase account, over plain fetch (the SDK is too heavy for every page).
 * Loaded only when someone is logged in on this device (see sync.ts); session.ts tells whether.
 */
import { AUTH_KEY, RemoteError, type RemoteLesson, type Session } from './session';

const base = '/api/collections/lesson_progress/records';

/**
 * Asks the server whether the session is still good (a revoked token reads as anonymous, not as an
 * error, so this check comes first) and stores the renewed token the way the SDK does.
 */
export async function refreshSession(session: Session, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): Promise<Session> {
	const body = (await call(session, '/api/collections/users/auth-refresh', { method: 'POST' })) as { token?: string; record?: { id?: string; name?: string } };
	if (!body?.token || body.record?.id !== session.userId) throw new RemoteError('expired', 'session does not match');
	try {
		storage?.setItem(AUTH_KEY, JSON.stringify({ token: body.token, record: body.record }));
	} catch {
		/* the old token still works until it expires */
	}
	return { token: body.token, userId: session.userId, name: body.record.name ?? session.name };
}

/** One call to the server with the reader's session; failures become a RemoteError with a reason. */
export async function call(session: Session, path: string, init: RequestInit = {}): Promise<unknown> {
	let response: Response;
	try {
		response = await fetch(path, {
			...init,
			headers: { Authorization: session.token, 'Content-Type': 'application/json', ...init.headers },
		});
	} catch (err) {
		throw new RemoteError('offline', String(err));
	}
	if (response.status === 401 || response.status === 403 || (response.status === 404 && path.includes('auth-refresh'))) throw new RemoteError('expired', `HTTP ${response.status}`);
	if (response.status >= 500 || response.status === 0) throw new RemoteError('offline', `HTTP ${response.status}`);
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) throw new RemoteError('rejected', (body as { message?: string } | null)?.message ?? `HTTP ${response.status}`, body);
	return body;
}

/** All progress records of the logged-in reader. */
export async function listRemote(session: Session): Promise<RemoteLesson[]> {
	const result: RemoteLesson[] = [];
	for (let page = 1; ; page++) {
		const body = (await call(session, `${base}?page=${page}&perPage=200&skipTotal=1&fields=id,lesson,completed,changedAt`)) as { items?: RemoteLesson[] };
		const items = body.items ?? [];
		result.push(...items);
		if (items.length < 200) return result;
	}
}

/** Creates or updates the reader's record for one lesson. */
export async function saveRemote(session: Session, lesson: string, completed: boolean, existing?: RemoteLesson): Promise<RemoteLesson> {
	const body = existing
		? await call(session, `${base}/${existing.id}?fields=id,lesson,completed,changedAt`, { method: 'PATCH', body: JSON.stringify({ completed }) })
		: await call(session, `${base}?fields=id,lesson,completed,changedAt`, { method: 'POST', body: JSON.stringify({ user: session.userId, lesson, completed }) });
	return body as RemoteLesson;
}
