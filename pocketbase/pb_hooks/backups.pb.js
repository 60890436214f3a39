/// <reference path="../pb_data/types.d.ts" />
// Backups with PocketBase's own backup system (issue 21; README "Backups and restore").
// - On every `serve`, the schedule and the number of scheduled backups to keep come from the environment
//   (PW_BACKUP_CRON, PW_BACKUP_KEEP; lib/backups.js). Only `serve` applies them: the console commands
//   below run with whatever environment the administrator's shell has and must not change the schedule.
// - Two console commands for scripts/backup.mjs (never a password on a command line):
//   `palliwijs-backup <name>` makes a backup while no server runs on the data directory;
//   `palliwijs-backup-token` prints a superuser token valid for five minutes, with which the script asks a
//   running server for the backup (the running server must make it: only it can hold off writes meanwhile).

onBootstrap((e) => {
	e.next();
	if ($os.args.indexOf("serve") < 0) return;
	const { backupSettings } = require(`${__hooks}/lib/backups.js`);
	const wanted = backupSettings($os.getenv("PW_BACKUP_CRON"), $os.getenv("PW_BACKUP_KEEP"));
	const settings = e.app.settings();
	if (settings.backups.cron === wanted.cron && settings.backups.cronMaxKeep === wanted.keep) return;
	settings.backups.cron = wanted.cron;
	settings.backups.cronMaxKeep = wanted.keep;
	e.app.save(settings);
});

$app.rootCmd.addCommand(
	new Command({
		use: "palliwijs-backup",
		short: "Palliwijs: make a backup (pb_data/backups/<name>) while no server runs on this data directory",
		run: (cmd, args) => {
			const name = String(args[0] || "");
			if (!/^[a-z0-9_-]+\.zip$/.test(name)) throw new Error(`the backup name must be lower-case letters, digits, - or _ and end in .zip, not "${name}"`);
			$app.createBackup(new Context(), name);
			console.log(name);
		},
	}),
);

$app.rootCmd.addCommand(
	new Command({
		use: "palliwijs-backup-token",
		short: "Palliwijs: print a superuser token valid for 5 minutes (for scripts/backup.mjs)",
		run: () => {
			const superusers = $app.findAllRecords("_superusers");
			if (superusers.length === 0) throw new Error("this data directory has no administrator (superuser) yet");
			// console.log prefixes the date: the script finds the token after its label.
			console.log("token=" + superusers[0].newStaticAuthToken(5 * 60 * 1000 * 1000 * 1000));
		},
	}),
);
