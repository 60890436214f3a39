// The whole path: a student completes the basic course in the browser (lessons, cases, assessments),
// claims the certificate, downloads the PDF, and a stranger verifies the code.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect, hydrated, test, tolerateFailedRequests, uniqueEmail } from './fixtures';
import { learnerId, openLesson, passAssessment, playToEnding, studyLesson, superuser } from './play';
import { letMinutesPass } from '../helpers/time';
import { pdfLines } from '../helpers/pdf-text';

const root = path.resolve(import.meta.dirname, '../..');
const catalog = JSON.parse(readFileSync(path.join(root, 'dist/catalog.json'), 'utf8')) as {
	courses: Record<string, { title: string; titleEn: string; studyHours: number; steps: string[]; assessments: string[]; competenceTitles: string[]; competenceTitlesEn: string[] }>;
	durations: Record<string, number>;
	titles: Record<string, string>;
};

for (const [courseId, course] of Object.entries(catalog.courses)) {
test(`${courseId}: a learner completes the course in the browser, gets a certificate and anyone can verify it`, async ({ page, browser }) => {
	test.setTimeout(300_000);
	tolerateFailedRequests(page);
	const email = uniqueEmail();
	await page.goto('/account/');
	await hydrated(page);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await page.getByLabel('Je naam').fill('Noor Van den Bossche');
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('een-sterk-wachtwoord');
	await page.getByLabel('Herhaal je wachtwoord').fill('een-sterk-wachtwoord');
	await page.getByRole('form', { name: 'Account maken' }).getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByText('Welkom, Noor Van den Bossche. Je bent ingelogd.')).toBeVisible();

	const card = page.locator('.card').filter({ has: page.getByRole('heading', { name: course.title, exact: true }) });
	// Before everything is done and counts, a certificate is not offered.
	await expect(card.getByText('Je kunt een certificaat aanvragen zodra alles gedaan is en meetelt.')).toBeVisible();
	await expect(card.getByRole('button', { name: 'Certificaat aanvragen' })).toHaveCount(0);

	const admin = await superuser();
	const user = await learnerId(page);
	const lessons = course.steps.filter((s) => !s.startsWith('scenario/'));
	// A lesson marked done right after opening it does not count yet, and the refusal says why.
	const hurried = lessons[0]!;
	await openLesson(page, hurried);
	await page.getByRole('button', { name: 'Markeer als gedaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Bewaard in je account.' })).toBeVisible();
	await page.goto('/account/');
	await hydrated(page);
	const refusal = card.locator('.note').getByRole('listitem').filter({ hasText: catalog.titles[hurried]! });
	await expect(refusal).toContainText('te snel afgevinkt');
	await expect(refusal).toContainText(`deze les telt na minstens ${String(Math.round(catalog.durations[hurried]! * 5) / 10).replace('.', ',')} minuten`);
	await expect(refusal.getByRole('link')).toHaveAttribute('href', `/modules/${hurried}/`);
	// Studied again, with time: open, let the time pass, mark undone and done again.
	await openLesson(page, hurried);
	await letMinutesPass(admin, user, catalog.durations[hurried]!);
	await page.getByRole('button', { name: 'Toch niet gedaan' }).click();
	await expect(page.getByRole('button', { name: 'Markeer als gedaan' })).toBeEnabled();
	await page.getByRole('button', { name: 'Markeer als gedaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Bewaard in je account.' })).toBeVisible();

	for (const step of course.steps) {
		if (step === hurried) continue;
		if (step.startsWith('scenario/')) await playToEnding(page, step.slice('scenario/'.length), { admin, minutes: catalog.durations[step]! });
		else await studyLesson(page, admin, step, catalog.durations[step]!);
	}
	for (const module of course.assessments) await passAssessment(page, module);

	await page.goto('/account/');
	await hydrated(page);
	const steps = `${course.steps.length} van ${course.steps.length} onderdelen gedaan`;
	const tests = course.assessments.length;
	await expect(card.getByText(tests === 0 ? `${steps}.` : tests === 1 ? `${steps}, toets geslaagd.` : `${steps}, ${tests} van ${tests} toetsen geslaagd.`)).toBeVisible();
	// Without a connection the claim says it needs the server, and nothing done is lost: the next click gets the certificate.
	const claimPath = `**/api/palliwijs/certificates/${courseId}/claim`;
	await page.route(claimPath, (route) => route.abort('internetdisconnected'));
	await card.getByRole('button', { name: 'Certificaat aanvragen' }).click();
	await expect(card.getByRole('alert')).toHaveText('Een certificaat aanvragen kan alleen met verbinding: de server kijkt na of alles klaar is en maakt het certificaat. De server is nu niet bereikbaar. Er gaat niets verloren; probeer het opnieuw zodra je verbinding hebt.');
	await expect(card.getByText(tests === 0 ? `${steps}.` : tests === 1 ? `${steps}, toets geslaagd.` : `${steps}, ${tests} van ${tests} toetsen geslaagd.`)).toBeVisible();
	await page.unroute(claimPath);
	await card.getByRole('button', { name: 'Certificaat aanvragen' }).click();
	await expect(card.getByRole('alert')).toHaveCount(0);
	// What the certificate page fetches: pdf-lib, fontkit and the fonts only once the PDF is asked for.
	const fetched: string[] = [];
	page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
	const pdfParts = (paths: string[]) => paths.filter((p) => /\/(browser-pdf\.[^/]*\.js|SourceSans3-(Regular|Semibold)\.[^/]*\.ttf)$/.test(p));
	await card.getByRole('link', { name: 'Bekijk je certificaat' }).click();
	await expect(page.locator('.certificate__name')).toHaveText('Noor Van den Bossche');
	await expect(page.locator('.certificate__course')).toHaveText(course.title);
	await expect(page.locator('.certificate dl')).toContainText(`Studie-uren${String(course.studyHours).replace('.', ',')}`); // "14,5" on a Dutch page
	await expect(page.locator('.certificate li')).toHaveCount(course.competenceTitles.length);
	const verifyLink = page.locator('.certificate__verify a');
	const verifyUrl = (await verifyLink.getAttribute('href'))!;
	const code = verifyUrl.split('/').filter(Boolean).pop()!;
	expect(code).toMatch(/^[a-z2-7]{26}$/);

	await expect(page.locator('.certificate dl')).toContainText(`Code${code}`);
	expect(pdfParts(fetched)).toEqual([]);
	// Without the fonts (a dropped connection) the page says so; the next click makes the PDF.
	await page.route('**/SourceSans3-*.ttf', (route) => route.abort());
	await page.getByRole('button', { name: 'Download als pdf' }).click();
	await expect(page.getByRole('status')).toHaveText('De pdf kon niet gemaakt worden. Controleer je internetverbinding en probeer opnieuw.');
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	await page.unroute('**/SourceSans3-*.ttf');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als pdf' }).click()]);
	expect(new Set(pdfParts(fetched)).size).toBe(3); // the PDF code and the two fonts
	await expect(page.getByRole('status')).toHaveText('');
	const bytes = readFileSync((await download.path())!);
	const pdf = await PDFDocument.load(bytes);
	expect(pdf.getTitle()).toContain('Noor Van den Bossche');
	expect(pdf.getTitle()).toContain(course.title);
	expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont \/SourceSans3-Semibold-\d+/);
	const lines = await pdfLines(bytes);
	expect(lines).toContain('Noor Van den Bossche');
	expect(lines).toContain(code);
	expect(lines).toContain(verifyUrl);
	expect(lines.join(' ')).toContain(course.title);
	for (const competence of course.competenceTitles) expect(lines.join(' ')).toContain(competence);
	expect(download.suggestedFilename()).toBe(`palliwijs-certificaat-${code.slice(0, 8)}.pdf`);
	// The same certificate on the English page: course and competences in English, kept with it at issue; so is the PDF.
	const certificateId = new URL(page.url()).searchParams.get('id');
	await page.goto(`/en/certificate/?id=${certificateId}`);
	await expect(page.locator('.certificate__course')).toHaveText(course.titleEn);
	await expect(page.locator('.certificate li')).toHaveText(course.competenceTitlesEn);
	const [english] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as PDF' }).click()]);
	expect(english.suggestedFilename()).toBe(`palliwijs-certificate-${code.slice(0, 8)}.pdf`);
	const englishLines = (await pdfLines(readFileSync((await english.path())!))).join(' ');
	expect(englishLines).toContain(course.titleEn);
	for (const competence of course.competenceTitlesEn) expect(englishLines).toContain(competence);
	expect(englishLines).not.toContain(course.competenceTitles[0]!);
	// On a phone the certificate, its 26-letter code included, fits the screen.
	await page.setViewportSize({ width: 320, height: 640 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

	// A stranger, without an account, verifies the code from the QR link.
	const stranger = await browser.newContext({ baseURL: process.env.PW_BASE_URL });
	const other = await stranger.newPage();
	await other.goto(new URL(verifyUrl).pathname);
	await expect(other.getByText('Dit certificaat is echt.')).toBeVisible();
	await expect(other.getByRole('status')).toContainText('Noor Van den Bossche');
	await expect(other.getByRole('status')).not.toContainText(email);
	await other.getByLabel('Code van het certificaat').fill('a'.repeat(26));
	await other.getByRole('button', { name: 'Controleer' }).click();
	await expect(other.getByText('Er bestaat geen certificaat met deze code.')).toBeVisible();
	await other.getByLabel('Code van het certificaat').fill('geen code');
	await other.getByRole('button', { name: 'Controleer' }).click();
	await expect(other.getByText('Dit is geen geldige code.')).toBeVisible();
	await stranger.close();
});
}
