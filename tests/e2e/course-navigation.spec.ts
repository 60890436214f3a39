// Course navigation (issue 19): the task list, the course progress and "Verder waar je was" follow the learner's
// progress, without an account (this device) and with one (the server's count, time on task included); previous
// and next walk through lessons, cases and tests; after "mark as done" the way on comes first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, hydrated, test, uniqueEmail } from './fixtures';
import { learnerId, openLesson, signUp, superuser } from './play';
import { letMinutesPass } from '../helpers/time';

const root = path.resolve(import.meta.dirname, '../..');
const catalog = JSON.parse(readFileSync(path.join(root, 'dist/catalog.json'), 'utf8')) as {
	courses: Record<string, { title: string; steps: string[]; assessments: string[] }>;
	durations: Record<string, number>;
	titles: Record<string, string>;
};
const courseId = 'basis-palliatieve-zorg';
const course = catalog.courses[courseId]!;
const total = course.steps.length + course.assessments.length;
const [first, second] = course.steps as [string, string];
const coursePage = `/cursussen/${courseId}/`;
const modulePage = `/modules/${first.split('/')[0]}/`;

/** Opens a course or module page and waits until the statuses are filled in. */
async function openCourse(page: Page, at: string) {
	await page.goto(at);
	await expect(page.locator('[data-course-status]')).toHaveAttribute('data-ready', 'true');
}
const task = (page: Page, key: string) => page.locator(`.task[data-step="${key}"]`);
const continueLink = (page: Page) => page.locator('[data-course-status] [data-continue]');

test('without an account: the task list, the progress and "Verder waar je was" follow what this device recorded', async ({ page }) => {
	await openCourse(page, coursePage);
	await expect(page.locator('.task')).toHaveCount(total);
	await expect(task(page, first).locator('.task__status')).toHaveText('Niet begonnen');
	await expect(task(page, `assessment/${first.split('/')[0]}`).locator('.task__status')).toHaveText('Niet begonnen');
	await expect(page.getByText(`0 van ${total} onderdelen gedaan`)).toBeVisible();
	await expect(continueLink(page)).toHaveText('Begin met de eerste les');
	// Nobody has started anything: the home page has no "Verder waar je was".
	await page.goto('/');
	await expect(page.locator('[data-returning]')).toHaveAttribute('data-ready', 'true');
	await expect(page.getByRole('heading', { name: 'Verder waar je was' })).toBeHidden();

	// Mark the first lesson done: the way on is the main action, undoing it a quiet one.
	await page.goto(`/modules/${first}/`);
	await page.getByRole('button', { name: 'Markeer als gedaan' }).click();
	const onward = page.getByRole('link', { name: `Verder: ${catalog.titles[second]}` });
	await expect(onward).toBeVisible();
	await expect(onward).toHaveClass(/button/);
	await expect(page.getByRole('button', { name: 'Toch niet gedaan' })).toHaveClass('secondary');
	// The course tree beside the lesson marks it done.
	await expect(page.locator(`.course-tree [data-lesson-done="${first}"]`)).toBeAttached();

	await openCourse(page, coursePage);
	await expect(task(page, first).locator('.task__status')).toHaveText('Gedaan');
	await expect(task(page, second).locator('.task__status')).toHaveText('Niet begonnen');
	await expect(page.getByText(`1 van ${total} onderdelen gedaan`)).toBeVisible();
	await expect(page.locator('[data-course-status] progress')).toHaveJSProperty('value', 1);
	await expect(continueLink(page)).toHaveText(`Verder waar je was: ${catalog.titles[second]}`);
	await expect(continueLink(page)).toHaveAttribute('href', new RegExp(`/modules/${second}/$`));

	await openCourse(page, modulePage);
	await expect(task(page, first).locator('.task__status')).toHaveText('Gedaan');
	await expect(continueLink(page)).toHaveText(`Verder waar je was: ${catalog.titles[second]}`);

	// The home page puts the learner's course first, with the way on.
	await page.goto('/');
	const card = page.locator('[data-returning] .card');
	await expect(card).toHaveCount(1);
	await expect(card.getByRole('link', { name: course.title })).toHaveAttribute('href', coursePage);
	await expect(card.getByText(`1 van ${total} onderdelen gedaan`)).toBeVisible();
	await card.getByRole('link', { name: `Verder waar je was: ${catalog.titles[second]}` }).click();
	await expect(page).toHaveURL(new RegExp(`/modules/${second}/$`));

	// Undone again: back to where it started.
	await page.goto(`/modules/${first}/`);
	await page.getByRole('button', { name: 'Toch niet gedaan' }).click();
	await expect(page.getByRole('button', { name: 'Markeer als gedaan' })).not.toHaveClass('secondary');
	await expect(page.getByRole('link', { name: `Verder: ${catalog.titles[second]}` })).toBeHidden();
	await openCourse(page, coursePage);
	await expect(task(page, first).locator('.task__status')).toHaveText('Niet begonnen');
	await expect(continueLink(page)).toHaveText('Begin met de eerste les');
});

test('previous and next walk through the lessons, the cases and the test of a module', async ({ page }) => {
	const module = 'zorgcoordinatie-en-teamwerk';
	const moduleSteps = course.steps.filter((s) => s.startsWith(`${module}/`));
	const last = moduleSteps.at(-1)!;
	await page.goto(`/modules/${last}/`);
	// After the module's last lesson come its case and then its test, not the next module.
	await page.getByRole('link', { name: /^Volgende casus: / }).click();
	await expect(page).toHaveURL(/\/casussen\/maria\/$/);
	await page.getByRole('link', { name: /^Volgende: de toets over / }).click();
	await expect(page).toHaveURL(new RegExp(`/modules/${module}/toets/$`));
	await page.getByRole('link', { name: /^← Vorige casus: / }).click();
	await expect(page).toHaveURL(/\/casussen\/maria\/$/);
});

test('with an account: the statuses are the server\'s count, time on task included, on the course page, the home page and My account', async ({ page }) => {
	test.setTimeout(90_000);
	await signUp(page, 'Jana Peeters', uniqueEmail());
	const account = page.locator('.card').filter({ has: page.getByRole('heading', { name: course.title, exact: true }) });
	await expect(account.getByRole('link', { name: course.title })).toHaveAttribute('href', coursePage);
	await expect(account.getByText(`0 van ${course.steps.length} onderdelen gedaan`)).toBeVisible();
	// At 0 % a certificate is not offered.
	await expect(account.getByText('Je kunt een certificaat aanvragen zodra alles gedaan is en meetelt.')).toBeVisible();
	await expect(account.getByRole('button', { name: 'Certificaat aanvragen' })).toHaveCount(0);

	// Marked done at once: done, but it does not count yet, so it is still the way on.
	await openLesson(page, first);
	await page.getByRole('button', { name: 'Markeer als gedaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Bewaard in je account.' })).toBeVisible();
	await openCourse(page, coursePage);
	await expect(task(page, first).locator('.task__status')).toHaveText('Gedaan, telt nog niet mee');
	await expect(page.getByText(`0 van ${total} onderdelen gedaan`)).toBeVisible();
	await expect(continueLink(page)).toHaveText(`Verder waar je was: ${catalog.titles[first]}`);

	// Studied with time: it counts, and the way on moves to the next lesson everywhere.
	await openLesson(page, first);
	await letMinutesPass(await superuser(), await learnerId(page), catalog.durations[first]!);
	await page.getByRole('button', { name: 'Toch niet gedaan' }).click();
	await expect(page.getByRole('button', { name: 'Markeer als gedaan' })).toBeEnabled();
	await page.getByRole('button', { name: 'Markeer als gedaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Bewaard in je account.' })).toBeVisible();
	await openCourse(page, coursePage);
	await expect(task(page, first).locator('.task__status')).toHaveText('Gedaan');
	await expect(page.getByText(`1 van ${total} onderdelen gedaan`)).toBeVisible();
	await expect(continueLink(page)).toHaveText(`Verder waar je was: ${catalog.titles[second]}`);

	await page.goto('/');
	const card = page.locator('[data-returning] .card');
	await expect(card).toHaveCount(1);
	await expect(card.getByRole('link', { name: `Verder waar je was: ${catalog.titles[second]}` })).toBeVisible();

	await page.goto('/account/');
	await hydrated(page);
	await expect(account.getByText(`1 van ${course.steps.length} onderdelen gedaan`)).toBeVisible();
	await expect(account.getByRole('link', { name: `Verder waar je was: ${catalog.titles[second]}` })).toHaveAttribute('href', `/modules/${second}/`);
	await expect(account.getByRole('button', { name: 'Certificaat aanvragen' })).toHaveCount(0);
});
