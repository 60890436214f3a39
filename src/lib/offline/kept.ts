/**
 * Courses kept on this device for offline use ("Bewaar offline"): each is one Cache Storage cache named
 * `palliwijs-keep-<build>-<id>` (the service worker, src/service-worker/sw.ts, reads and renews them), holding
 * every file of the list the build wrote to /offline/<id>.json, and that list itself. A copy is written in
 * full or not at all: a failed file removes the new cache, and an older copy is removed only after a new
 * one is complete.
 */
export const KEEP_PREFIX = 'palliwijs-keep-';

/** The list the build writes for a course page (scripts/lib/service-worker.mjs). */
export interface CourseList {
	id: string;
	build: string;
	title: string;
	href: string;
	pages: number;
	bytes: number;
	urls: string[];
}

export const listUrl = (id: string) => `/offline/${id}.json`;

/** "palliwijs-keep-<build>-<id>" → its build and course id (the build id holds no dash). */
export function parseKeepName(name: string): { build: string; id: string } | undefined {
	if (!name.startsWith(KEEP_PREFIX)) return undefined;
	const rest = name.slice(KEEP_PREFIX.length);
	const dash = rest.indexOf('-');
	return dash > 0 ? { build: rest.slice(0, dash), id: rest.slice(dash + 1) } : undefined;
}

/** Every kept copy on this device (newest build first is not guaranteed: callers compare builds). */
export async function keptCopies(id?: string): Promise<{ name: string; list: CourseList }[]> {
	const out: { name: string; list: CourseList }[] = [];
	for (const name of await caches.keys()) {
		const parsed = parseKeepName(name);
		if (!parsed || (id && parsed.id !== id)) continue;
		const stored = await (await caches.open(name)).match(listUrl(parsed.id));
		// A copy without its list is unfinished (the list is written last): not a kept course.
		if (stored) out.push({ name, list: (await stored.json()) as CourseList });
	}
	return out;
}

/**
 * Stores every file of a course's list in a new cache for its build, a few at a time, reporting each
 * file; all or nothing. Older copies of the course are removed once this one is complete.
 */
export async function keepCourse(list: CourseList, progress: (done: number, total: number) => void): Promise<void> {
	const name = `${KEEP_PREFIX}${list.build}-${list.id}`;
	const cache = await caches.open(name);
	let done = 0;
	const queue = [...list.urls];
	try {
		await Promise.all(
			Array.from({ length: 4 }, async () => {
				for (let url = queue.shift(); url; url = queue.shift()) {
					const response = await fetch(url, { cache: 'no-store' });
					if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
					await cache.put(url, response);
					progress(++done, list.urls.length);
				}
			}),
		);
		await cache.put(listUrl(list.id), new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json' } }));
	} catch (err) {
		await caches.delete(name);
		throw err;
	}
	for (const old of await caches.keys()) if (old !== name && parseKeepName(old)?.id === list.id) await caches.delete(old);
}

/** Removes every copy of a course from this device. */
export async function removeCourse(id: string): Promise<void> {
	for (const name of await caches.keys()) if (parseKeepName(name)?.id === id) await caches.delete(name);
}

/** A size for people: "3,4 MB". */
export function formatBytes(bytes: number, lang: string): string {
	const mb = bytes / (1024 * 1024);
	return mb >= 1 ? `${mb.toLocaleString(lang, { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang)} KB`;
}
