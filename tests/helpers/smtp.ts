// A real SMTP server for one test run (issue 21, password recovery): Nodemailer's smtp-server on 127.0.0.1
// and a free port, every message parsed with mailparser and kept in an inbox the test polls with a bounded wait.
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

export async function startSmtp(): Promise<Inbox> {
	const messages: ParsedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					messages.push(mail);
					callback();
				})
				.catch(callback);
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
				if (mine.length > since) return mine[since];
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
	return { url: match[0], token: decodeURIComponent(match[1]) };
}
