// Open Badges in the browser (issue 23): a learner downloads a certificate as an Open Badge on My account
// and on the certificate page; a stranger pastes it, or chooses the file, on the verification page and sees
// it valid; with one character changed it is tampered. The certificate itself is made by a superuser over
// the API (the whole path to a certificate is tests/e2e/certificate.spec.ts; claiming, signing and
// revoking over HTTP is tests/api/open-badges.test.ts).
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { expect, hydrated, test, uniqueEmail } from './fixtures';
import { signUp, learnerId, superuser } from './play';

const root = path.resolve(import.meta.dirname, '../..');
const catalog = JSON.parse(readFileSync(path.join(root, 'dist/catalog.json'), 'utf8')) as { courses: Record<string, { title: string; studyHours: number; competenceTitles: string[] }> };
const [courseId, course] = Object.entries(catalog.courses)[0]!;

test('a learner downloads the Open Badge; the verification page says valid, and tampered after one change', async ({ page, browser }) => {
	const name = 'Şükrü Yılmaz-Łukasiewicz';
	await signUp(page, name, uniqueEmail());
	const admin = await superuser();
	const code = Array.from({ length: 26 }, () => 'abcdefghijklmnopqrstuvwxyz234567'[Math.floor(Math.random() * 32)]).join('');
	const certificate = await admin.collection('certificates').create({
		user: await learnerId(page),
		course: courseId,
		courseTitle: course.title,
		holderName: name,
		studyHours: course.studyHours,
		competences: course.competenceTitles,
		issued: new Date().toISOString(),
		code,
	});

	// On My account, next to the certificate.
	await page.goto('/account/');
	await hydrated(page);
	const button = page.getByRole('button', { name: `Download als Open Badge: ${course.title}` });
	const [fromAccount] = await Promise.all([page.waitForEvent('download'), button.click()]);
	expect(fromAccount.suggestedFilename()).toBe(`palliwijs-open-badge-${code}.json`);
	const axeAccount = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(axeAccount.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	const file = (await fromAccount.path())!;
	const credential = JSON.parse(readFileSync(file, 'utf8'));
	expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
	expect(credential.credentialSubject.name).toBe(name);
	expect(credential.proof.cryptosuite).toBe('eddsa-rdfc-2022');

	// On the certificate page: the same signed credential.
	await page.goto(`/certificaat/?id=${certificate.id}`);
	await hydrated(page);
	const [fromPage] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als Open Badge' }).click()]);
	expect(fromPage.suggestedFilename()).toBe(`palliwijs-open-badge-${code}.json`);
	expect(JSON.parse(readFileSync((await fromPage.path())!, 'utf8'))).toEqual(credential);

	// A stranger, without an account, checks it.
	const stranger = await browser.newContext({ baseURL: process.env.PW_BASE_URL });
	const other = await stranger.newPage();
	await other.goto('/verifieer/');
	await hydrated(other);
	await other.getByRole('button', { name: 'Open Badge controleren' }).click();
	await expect(other.getByRole('status')).toContainText('Plak eerst de inhoud van de Open Badge');
	await other.getByLabel('Inhoud van de Open Badge (JSON)').fill(JSON.stringify(credential, null, 2));
	await other.getByRole('button', { name: 'Open Badge controleren' }).click();
	const result = other.getByRole('status');
	await expect(result).toContainText('Deze Open Badge is echt en geldig');
	await expect(result).toContainText(name);
	await expect(result).toContainText(course.title);
	await expect(result.getByRole('listitem')).toHaveCount(course.competenceTitles.length);
	await expect(result).toBeFocused();
	const axe = await new AxeBuilder({ page: other }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

	const tampered = JSON.stringify(credential).replace(name, name.replace('Ş', 'S'));
	await other.getByLabel('Inhoud van de Open Badge (JSON)').fill(tampered);
	await other.getByRole('button', { name: 'Open Badge controleren' }).click();
	await expect(result).toContainText('Deze Open Badge is gewijzigd: de digitale handtekening klopt niet meer.');
	await expect(result).not.toContainText(name.replace('Ş', 'S'));

	await other.getByLabel('Inhoud van de Open Badge (JSON)').fill('{ "kapot": ');
	await other.getByRole('button', { name: 'Open Badge controleren' }).click();
	await expect(result).toContainText('Dit is geen geldige JSON.');

	// The downloaded file itself, chosen with the file picker.
	await other.getByLabel('Of kies het bestand').setInputFiles(file);
	await expect(result).toContainText('Deze Open Badge is echt en geldig');

	// Withdrawn by an administrator: the same file now says so, and so does the code.
	await admin.send(`/api/palliwijs/certificates/${code}/revoke`, { method: 'POST', body: { reason: 'Fout in de uitreiking' } });
	await other.getByRole('button', { name: 'Open Badge controleren' }).click();
	await expect(result).toContainText('Deze Open Badge is echt, maar ingetrokken');
	await expect(result).toContainText('Fout in de uitreiking');
	await other.goto(`/verifieer/${code}/`);
	await expect(other.getByRole('status')).toContainText('Dit certificaat is ingetrokken.');
	await stranger.close();
});
