// The password-reset and verification mails (issue 21): in the learner's language (users.locale, Dutch when
// unknown), with the instance's name and public URL, and links to Palliwijs's own pages (src/lib/routes.ts:
// passwordReset / emailVerification; tests/unit/account-mail.test.ts checks that the paths agree).
// The token travels in the URL fragment, so it never reaches a proxy's or the server's access log.
// Pure, so it is unit-tested in Node; mail.pb.js uses it.

const PATHS = {
	passwordReset: { nl: "/account/wachtwoord-herstellen/", en: "/en/account/reset-password/" },
	emailVerification: { nl: "/account/e-mail-bevestigen/", en: "/en/account/confirm-email/" },
};

const TEXTS = {
	passwordReset: {
		nl: {
			subject: "Nieuw wachtwoord voor {APP_NAME}",
			intro: "Iemand vroeg een nieuw wachtwoord aan voor je account bij {APP_NAME}. Was jij dat? Kies dan hier een nieuw wachtwoord:",
			button: "Kies een nieuw wachtwoord",
			after: "De link werkt één keer en blijft 30 minuten geldig. Vroeg je niets aan? Dan mag je deze e-mail negeren: je wachtwoord blijft hetzelfde.",
		},
		en: {
			subject: "New password for {APP_NAME}",
			intro: "Someone asked for a new password for your account at {APP_NAME}. Was it you? Then choose a new password here:",
			button: "Choose a new password",
			after: "The link works once and stays valid for 30 minutes. Did you not ask for this? Then ignore this e-mail: your password stays the same.",
		},
	},
	emailVerification: {
		nl: {
			subject: "Bevestig je e-mailadres voor {APP_NAME}",
			intro: "Bevestig dat dit e-mailadres van jou is, zodat je bij {APP_NAME} later een nieuw wachtwoord kunt aanvragen:",
			button: "Bevestig mijn e-mailadres",
			after: "Maakte je geen account aan? Dan mag je deze e-mail negeren.",
		},
		en: {
			subject: "Confirm your e-mail address for {APP_NAME}",
			intro: "Confirm that this e-mail address is yours, so that you can ask {APP_NAME} for a new password later:",
			button: "Confirm my e-mail address",
			after: "Did you not create an account? Then ignore this e-mail.",
		},
	},
};

function escapeHtml(s) {
	return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The link in a mail: the public URL (no trailing slash) + the page of that language + #token. */
function accountLink(kind, locale, appURL, token) {
	const lang = locale === "en" ? "en" : "nl";
	return String(appURL || "").replace(/\/+$/, "") + PATHS[kind][lang] + "#" + encodeURIComponent(token);
}

/**
 * @param {"passwordReset"|"emailVerification"} kind
 * @param {{ locale?: string, appName: string, appURL: string, token: string }} p
 * @returns {{ subject: string, html: string, text: string }}
 */
function accountMail(kind, p) {
	const lang = p.locale === "en" ? "en" : "nl";
	const t = TEXTS[kind][lang];
	const name = p.appName || "Palliwijs";
	const fill = (s) => s.split("{APP_NAME}").join(name);
	const link = accountLink(kind, lang, p.appURL, p.token);
	const html =
		`<p>${escapeHtml(fill(t.intro))}</p>\n` +
		`<p><a href="${escapeHtml(link)}">${escapeHtml(t.button)}</a></p>\n` +
		`<p>${escapeHtml(link)}</p>\n` +
		`<p>${escapeHtml(fill(t.after))}</p>\n` +
		`<p>${escapeHtml(name)} – ${escapeHtml(String(p.appURL || "").replace(/\/+$/, ""))}</p>`;
	const text = `${fill(t.intro)}\n\n${link}\n\n${fill(t.after)}\n\n${name} – ${String(p.appURL || "").replace(/\/+$/, "")}\n`;
	return { subject: fill(t.subject), html, text };
}

/**
 * Replaces the subject and body of the mail PocketBase is about to send (kind "passwordReset" or
 * "emailVerification"), in the learner's language, with the app's name and address from the settings.
 */
function replaceMail(e, kind) {
	const meta = e.app.settings().meta;
	const mail = accountMail(kind, { locale: e.record.getString("locale"), appName: meta.appName, appURL: meta.appURL, token: String(e.meta["token"]) });
	e.message.subject = mail.subject;
	e.message.html = mail.html;
	e.message.text = mail.text;
}

module.exports = { accountMail, accountLink, replaceMail, PATHS };
