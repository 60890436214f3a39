// "Bewaar offline" on a course page (src/components/KeepOffline.astro): stores, renews and removes the
// course on this device (src/lib/offline/kept.ts), and offers to install the app. Plain DOM, course pages only.
import { fill } from '../i18n/fill';
import { formatBytes, keepCourse, keptCopies, listUrl, removeCourse, type CourseList } from '../lib/offline/kept';

const box = document.querySelector<HTMLElement>('[data-offline-course]');

function setup(box: HTMLElement) {
	const id = box.dataset.offlineCourse ?? '';
	const lang = box.dataset.lang ?? 'nl';
	const store = box.querySelector<HTMLButtonElement>('[data-keep-store]')!;
	const remove = box.querySelector<HTMLButtonElement>('[data-keep-remove]')!;
	const status = box.querySelector<HTMLElement>('[data-keep-status]')!;
	const say = (key: string, params: Record<string, string | number> = {}, warn = false) => {
		status.textContent = fill(box.dataset[key] ?? '', params);
		status.className = warn ? 'note note--warn' : 'note note--ok';
	};
	let current: CourseList | undefined;

	/** Shows what is kept now; renews a copy of an older build when there is a connection. */
	async function refresh(renew: boolean) {
		const copies = await keptCopies(id);
		const kept = copies.find((c) => c.list.build === current?.build) ?? copies[0];
		remove.hidden = !kept;
		if (current) store.textContent = fill(box.dataset.labelStore ?? '', { size: formatBytes(current.bytes, lang) });
		store.hidden = !!kept && kept.list.build === current?.build;
		if (!kept) return;
		say('msgStored', { pages: kept.list.pages, size: formatBytes(kept.list.bytes, lang) });
		if (renew && current && kept.list.build !== current.build && navigator.onLine) await save('msgRenewing');
	}

	async function save(first: 'msgStoring' | 'msgRenewing' = 'msgStoring') {
		if (!current) return say('msgOffline', {}, true);
		store.disabled = true;
		remove.disabled = true;
		say(first, { done: 0, total: current.urls.length });
		try {
			await keepCourse(current, (done, total) => first === 'msgStoring' && say('msgStoring', { done, total }));
			await refresh(false);
		} catch {
			say(navigator.onLine ? 'msgFailed' : 'msgOffline', {}, true);
		} finally {
			store.disabled = false;
			remove.disabled = false;
		}
	}

	store.addEventListener('click', () => void save());
	remove.addEventListener('click', async () => {
		await removeCourse(id);
		await refresh(false);
		say('msgRemoved');
	});
	box.hidden = false;
	void (async () => {
		// The list of this build (through the service worker: offline, the list of the kept copy).
		try {
			const response = await fetch(listUrl(id), { cache: 'no-store' });
			if (response.ok) current = (await response.json()) as CourseList;
		} catch {
			/* offline and not kept: the button says so when pressed */
		}
		await refresh(true);
	})();
}

function installOffer(box: HTMLElement) {
	const button = box.querySelector<HTMLButtonElement>('[data-install]')!;
	window.addEventListener('beforeinstallprompt', (event) => {
		event.preventDefault();
		button.hidden = false;
		button.onclick = async () => {
			button.hidden = true;
			await (event as Event & { prompt(): Promise<unknown> }).prompt();
		};
	});
	// iOS has no install prompt: Safari's share menu does it. Not shown once opened from the home screen.
	const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
	const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true || matchMedia('(display-mode: standalone)').matches;
	box.querySelector<HTMLElement>('[data-install-ios]')!.hidden = !(ios && !standalone);
}

if (box && 'serviceWorker' in navigator && 'caches' in window) {
	setup(box);
	installOffer(box);
}
