// Course, module and home pages: the status of every step of the task list, "x of y done" with a bar, and
// "Verder waar je was". Plain DOM, no framework. The progress script (progress.ts) reads the learner's
// progress once; a logged-in learner's status then comes from the server (the certificate's own rule,
// time on task included), a visitor's from this device through the same rule.
import { deviceProgress, finished, nextStepIndex, started, stepStatuses, type ProgressFacts, type StepStatus } from '../lib/course-status';
import type { ProgressSnapshot } from './progress';

/** The progress the progress script found: at once when it finished already, else when it announces it. */
function progressRead(): Promise<ProgressSnapshot> {
	if (document.palliwijsProgress) return Promise.resolve(document.palliwijsProgress);
	return new Promise((resolve) => document.addEventListener('palliwijs:progress', (e) => resolve((e as CustomEvent<ProgressSnapshot>).detail), { once: true }));
}

/** A course's progress as the server counts it when logged in; otherwise (or when the server fails) this device's. */
async function courseFacts(course: string, steps: string[], progress: ProgressSnapshot): Promise<ProgressFacts> {
	if (progress.status === 'account' && progress.session) {
		try {
			const response = await fetch(`/api/palliwijs/courses/${encodeURIComponent(course)}/progress`, { headers: { Authorization: progress.session.token } });
			if (response.ok) return (await response.json()) as ProgressFacts;
		} catch {
			/* the device's progress below */
		}
	}
	return deviceProgress(steps, progress.completed);
}

const statusLabel = (labels: DOMStringMap, s: StepStatus) => labels[{ 'not-started': 'notStarted', done: 'done', 'not-counted': 'notCounted', passed: 'passed' }[s]] ?? '';
const summary = (template: string, done: number, total: number) => template.replace('{done}', String(done)).replace('{total}', String(total));

/** Fills "x of y done", the bar and the way on into a block of course progress. */
function showProgress(box: HTMLElement, labels: DOMStringMap, statuses: StepStatus[], next: { title: string; href: string } | undefined) {
	const done = statuses.filter(finished).length;
	const text = box.querySelector<HTMLElement>('[data-progress-text]');
	if (text) {
		text.textContent = summary(labels.summary ?? '', done, statuses.length);
		text.hidden = false;
	}
	const bar = box.querySelector<HTMLProgressElement>('progress');
	if (bar) {
		bar.max = statuses.length;
		bar.value = done;
		bar.hidden = false;
	}
	const link = box.querySelector<HTMLAnchorElement>('[data-continue]');
	const allDone = box.querySelector<HTMLElement>('[data-all-done]');
	if (!started(statuses) || !link) return;
	if (next) {
		link.href = next.href;
		link.textContent = (labels.continueTo ?? '').replace('{title}', next.title);
	}
	link.parentElement!.hidden = !next;
	if (allDone) allDone.hidden = Boolean(next);
}

/** A course or module page: the statuses of its task list and its progress block. */
async function coursePage(box: HTMLElement, progress: ProgressSnapshot) {
	const labels = box.dataset;
	const steps = (labels.steps ?? '').split(' ').filter(Boolean);
	const statuses = stepStatuses(steps, await courseFacts(labels.course ?? '', steps, progress));
	steps.forEach((key, i) => {
		document.querySelectorAll<HTMLElement>(`[data-step="${key}"]`).forEach((task) => {
			task.dataset.state = statuses[i];
			const out = task.querySelector<HTMLElement>('[data-status]');
			if (out) out.textContent = statusLabel(labels, statuses[i]!);
		});
	});
	const at = nextStepIndex(statuses);
	const link = at < 0 ? undefined : document.querySelector<HTMLAnchorElement>(`[data-step="${steps[at]}"] a`);
	showProgress(box, labels, statuses, link ? { title: link.textContent ?? '', href: link.href } : undefined);
	box.dataset.ready = 'true';
}

interface ReturningCourse {
	id: string;
	title: string;
	href: string;
	/** [key, title, page] of every step, in course order. */
	steps: [string, string, string][];
}

/** The home page: the courses the learner started come first, each with its progress and the way on. */
async function homePage(section: HTMLElement, progress: ProgressSnapshot) {
	const data = JSON.parse(section.querySelector('script[type="application/json"]')?.textContent ?? '[]') as ReturningCourse[];
	const labels = section.dataset;
	const list = section.querySelector('ul')!;
	const mine = data.filter((c) => c.steps.some(([key]) => progress.completed.has(key)));
	for (const course of mine) {
		const keys = course.steps.map(([key]) => key);
		const statuses = stepStatuses(keys, await courseFacts(course.id, keys, progress));
		const at = nextStepIndex(statuses);
		const card = document.createElement('li');
		card.className = 'card';
		card.dataset.course = course.id;
		card.innerHTML = '<h3><a></a></h3><div><p data-progress-text></p><progress aria-hidden="true"></progress><p><a class="button" data-continue></a></p><p class="note note--ok" data-all-done hidden></p></div>';
		const title = card.querySelector('h3 a') as HTMLAnchorElement;
		title.href = course.href;
		title.textContent = course.title;
		card.querySelector('[data-all-done]')!.textContent = labels.allDone ?? '';
		const next = at < 0 ? undefined : course.steps[at]!;
		showProgress(card.querySelector('div')!, labels, statuses, next && { title: next[1], href: next[2] });
		list.append(card);
	}
	section.hidden = mine.length === 0;
	section.dataset.ready = 'true';
}

async function start() {
	const progress = await progressRead();
	const box = document.querySelector<HTMLElement>('[data-course-status]');
	if (box) await coursePage(box, progress);
	const returning = document.querySelector<HTMLElement>('[data-returning]');
	if (returning) await homePage(returning, progress);
}

void start();
