// The settings of a real instance (issue 21, production mode), from the environment, applied by
// instance.pb.js on every `serve`: application name, public URL, sender, SMTP. A variable that is not set
// leaves the setting as it is (the local demo sets none). Pure, so it is unit-tested.
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/**
 * @param {(name: string) => string} env  reads one environment variable ("" when not set)
 * @returns {{ meta: Record<string, string>, smtp: Record<string, unknown> | null }}
 */
function instanceSettings(env) {
	const get = (name) => String(env(name) || "").trim();
	const meta = {};
	const name = get("PW_APP_NAME");
	if (name) {
		if (name.length > 100) throw new Error("PW_APP_NAME must be at most 100 characters.");
		meta.appName = name;
	}
	const url = get("PW_APP_URL");
	if (url) {
		if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(url)) throw new Error(`PW_APP_URL must be the public address, such as https://leren.example.be; it is "${url}".`);
		meta.appURL = url.replace(/\/+$/, "");
	}
	const from = get("PW_MAIL_FROM");
	if (from) {
		if (!EMAIL.test(from)) throw new Error(`PW_MAIL_FROM must be an e-mail address; it is "${from}".`);
		meta.senderAddress = from;
	}
	const fromName = get("PW_MAIL_FROM_NAME");
	if (fromName) meta.senderName = fromName.slice(0, 100);

	let smtp = null;
	const host = get("PW_SMTP_HOST");
	if (host) {
		const port = get("PW_SMTP_PORT") || "587";
		if (!/^[0-9]+$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new Error(`PW_SMTP_PORT must be a port number; it is "${port}".`);
		const tls = get("PW_SMTP_TLS").toLowerCase();
		if (tls && tls !== "true" && tls !== "false") throw new Error(`PW_SMTP_TLS must be true (implicit TLS, usually port 465) or false (STARTTLS when the server offers it); it is "${tls}".`);
		smtp = {
			enabled: true,
			host,
			port: Number(port),
			username: get("PW_SMTP_USERNAME"),
			password: String(env("PW_SMTP_PASSWORD") || ""),
			tls: tls ? tls === "true" : Number(port) === 465,
		};
	} else if (get("PW_SMTP_PORT") || get("PW_SMTP_USERNAME") || get("PW_SMTP_PASSWORD")) {
		throw new Error("PW_SMTP_HOST is missing: set it with the other PW_SMTP_ variables.");
	}
	return { meta, smtp };
}

module.exports = { instanceSettings };
