// Progress on lesson, module, course and account pages: shows what is done and runs "mark as done".
// Plain DOM, no framework: this is the only script a lesson page needs (besides knowledge checks).
import { setLessonCompleted, syncProgress, type ProgressState } from '../lib/progress/sync';
import { call } from '../lib/progress/remote-store';
import { readSession } from '../lib/progress/session';

type Sync = Awaited<ReturnType<typeof syncProgress>>;
/** What the course-status script (course, module and home pages) reads of the progress found here. */
export type ProgressSnapshot = Pick<Sync, 'completed' | 'status' | 'session'>;
declare global {
	interface Document {
		palliwijsProgress?: ProgressSnapshot;
	}
}

function show(state: ProgressState) {
	document.querySelectorAll<HTMLElement>('[data-lesson-done]').forEach((el) => {
		el.hidden = !state.completed.has(el.dataset.lessonDone ?? '');
	});
	document.querySelectorAll<HTMLElement>('[data-progress-summary]').forEach((el) => {
		const keys = (el.dataset.lessons ?? '').split(' ').filter(Boolean);
		const done = keys.filter((k) => state.completed.has(k)).length;
		el.textContent = (el.dataset.template ?? '').replace('{done}', String(done)).replace('{total}', String(keys.length));
		el.hidden = false;
	});
}

function message(box: HTMLElement, status: ProgressState['status'] | 'synced') {
	const out = box.querySelector<HTMLElement>('[data-progress-status]');
	if (!out) return;
	out.textContent = box.dataset[`msg${status[0]!.toUpperCase()}${status.slice(1)}`] ?? '';
	out.className = status === 'local' || status === 'account' || status === 'synced' ? 'note note--ok' : 'note note--warn';
}

function setupButton(box: HTMLElement, sync: Sync) {
	const key = box.dataset.lesson ?? '';
	const button = box.querySelector<HTMLButtonElement>('button');
	if (!button) return;
	const render = () => {
		const done = sync.completed.has(key);
		button.textContent = done ? (box.dataset.labelUndo ?? '') : (box.dataset.labelDo ?? '');
		button.setAttribute('aria-pressed', String(done));
		// Once done, the way on is the main action and undoing it a quiet one.
		button.className = done ? 'secondary' : '';
		const next = box.querySelector<HTMLElement>('[data-next-step]');
		if (next) next.hidden = !done;
	};
	render();
	document.addEventListener('palliwijs:progress', render);
	box.hidden = false;
	box.parentElement?.querySelector('[data-progress-noscript]')?.remove();
	if (sync.status !== 'local' && sync.status !== 'account') message(box, sync.status);
	button.addEventListener('click', async () => {
		const done = !sync.completed.has(key);
		if (done) sync.completed.add(key);
		else sync.completed.delete(key);
		render();
		button.disabled = true;
		const status = await setLessonCompleted(key, done, sync);
		button.disabled = false;
		show(sync);
		message(box, status);
		if (status === 'offline') {
			sync.status = 'offline';
			document.dispatchEvent(new Event('palliwijs:offline'));
		}
	});
}

/**
 * Tells the server that a logged-in learner opened this lesson (it stamps the first opening; a
 * lesson counts for a certificate only when enough time passed before it was marked done). Once
 * per page view, before the progress is read; a failure is silent, the next visit of the page tries again.
 */
async function stampOpened() {
	const session = readSession();
	if (!session || session === 'expired') return;
	const boxes = [...document.querySelectorAll<HTMLElement>('[data-progress-box][data-lesson]')];
	await Promise.all(boxes.map((box) => call(session, '/api/palliwijs/lessons/opened', { method: 'POST', body: JSON.stringify({ lesson: box.dataset.lesson }) }).catch(() => undefined)));
}

/**
 * While the server cannot be reached, the open page tries again: at once when the browser says the
 * connection is back, and otherwise after 2, 4, 8 … up to 60 seconds (a server that was down gives no
 * event). What this device kept is then sent (syncProgress: last change wins, a finished case once)
 * and the page says it is saved.
 */
function retryWhileOffline(sync: Sync) {
	let delay = 2000;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const attempt = async () => {
		clearTimeout(timer);
		timer = undefined;
		if (sync.status !== 'offline') return;
		const again = await syncProgress();
		if (again.status === 'offline') {
			timer = setTimeout(attempt, (delay = Math.min(delay * 2, 60000)));
			return;
		}
		Object.assign(sync, again);
		show(sync);
		document.querySelectorAll<HTMLElement>('[data-progress-box]').forEach((box) => {
			if (again.status === 'account') {
				const out = box.querySelector<HTMLElement>('[data-progress-status]');
				if (out?.textContent) message(box, 'synced');
			} else message(box, again.status);
		});
		document.dispatchEvent(new CustomEvent('palliwijs:progress', { detail: sync }));
	};
	addEventListener('online', () => void attempt());
	document.addEventListener('palliwijs:offline', () => {
		delay = 2000;
		timer ??= setTimeout(attempt, delay);
	});
	if (sync.status === 'offline') timer = setTimeout(attempt, delay);
}

async function start() {
	// First the stamp (it may create the lesson's record), then the sync that reads the records.
	await stampOpened();
	const sync = await syncProgress();
	show(sync);
	document.querySelectorAll<HTMLElement>('[data-progress-box]').forEach((box) => setupButton(box, sync));
	document.palliwijsProgress = sync;
	retryWhileOffline(sync);
	document.dispatchEvent(new CustomEvent('palliwijs:progress', { detail: sync }));
}

void start();
