// A real SMTP server for one test run (issue 21, password recovery): Nodemailer's smtp-server on 127.0.0.1
// and a free port, every message parsed with mailparser and kept in an inbox the test polls with a bounded wait.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../scripts/lib/pocketbase.mjs';

export interface Inbox {
	host: string;
	port: number;
	messages: ParsedMail[];
	/** The first message to `to` (after `since` messages to that address) that arrives within `timeoutMs`. */
	waitFor: (to: string, options?: { since?: number; timeoutMs?: number }) => Promise<ParsedMail>;
	/** How many messages went to `to` so far. */
	count: (to: string) => number;
	stop: () => Promise<void>;
}

const recipients = (m: ParsedMail) => [m.to].flat().flatMap((a) => (a ? a.value.map((v) => (v.address ?? '').toLowerCase()) : []));

/** `dir`: also write each message there as a .eml file, for tests in another process (Playwright workers: waitForMailIn). */
export async function startSmtp(options: { dir?: string } = {}): Promise<Inbox> {
	if (options.dir) mkdirSync(options.dir, { recursive: true });
	const messages: ParsedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks);
				simpleParser(raw)
					.then((mail) => {
						if (options.dir) writeFileSync(path.join(options.dir, `${String(messages.length).padStart(5, '0')}.eml`), raw);
						messages.push(mail);
						callback();
					})
					.catch(callback);
			});
		},
	});
	const port = (await freePort()) as number;
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const count = (to: string) => messages.filter((m) => recipients(m).includes(to.toLowerCase())).length;
	return {
		host: '127.0.0.1',
		port,
		messages,
		count,
		async waitFor(to, { since = 0, timeoutMs = 10000 } = {}) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const mine = messages.filter((m) => recipients(m).includes(to.toLowerCase()));
				if (mine.length > since) return mine[since]!;
				if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMs} ms (${messages.length} messages in the inbox)`);
				await new Promise((r) => setTimeout(r, 50));
			}
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** The Palliwijs link in a mail's text and its token (after #). */
export function accountLinkIn(mail: ParsedMail, appURL: string): { url: string; token: string } {
	const text = mail.text ?? '';
	const escaped = appURL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const match = new RegExp(`${escaped}/[^\\s#]*#([A-Za-z0-9._%-]+)`).exec(text);
	if (!match) throw new Error(`No link to ${appURL} in the mail:\n${text}`);
	return { url: match[0], token: decodeURIComponent(match[1]!) };
}

/** The first message to `to` in a directory startSmtp({ dir }) writes, within `timeoutMs` (polled). */
export async function waitForMailIn(dir: string, to: string, timeoutMs = 10000): Promise<ParsedMail> {
	const deadline = Date.now() + timeoutMs;
	const seen = new Set<string>();
	for (;;) {
		for (const file of readdirSync(dir).sort()) {
			if (seen.has(file)) continue;
			seen.add(file);
			const mail = await simpleParser(readFileSync(path.join(dir, file)));
			if (recipients(mail).includes(to.toLowerCase())) return mail;
		}
		if (Date.now() > deadline) throw new Error(`No mail to ${to} in ${dir} within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
