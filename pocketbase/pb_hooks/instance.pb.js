/// <reference path="../pb_data/types.d.ts" />
// Production mode (issue 21, README "Running it for real"): on every `serve`, the application name, public
// URL, sender and SMTP server come from the environment (lib/instance-settings.js). Variables that are not
// set leave the settings as they are. Console commands do not apply them (they run with another environment).
onBootstrap((e) => {
	e.next();
	if ($os.args.indexOf("serve") < 0) return;
	const { instanceSettings } = require(`${__hooks}/lib/instance-settings.js`);
	const wanted = instanceSettings((name) => $os.getenv(name));
	const settings = e.app.settings();
	Object.keys(wanted.meta).forEach((key) => (settings.meta[key] = wanted.meta[key]));
	if (wanted.smtp) {
		settings.smtp.enabled = true;
		settings.smtp.host = wanted.smtp.host;
		settings.smtp.port = wanted.smtp.port;
		settings.smtp.username = wanted.smtp.username;
		settings.smtp.password = wanted.smtp.password;
		settings.smtp.tls = wanted.smtp.tls;
	}
	if (Object.keys(wanted.meta).length > 0 || wanted.smtp) e.app.save(settings);
});
