// Backup settings from the environment (issue 21): read on every `serve`, applied to PocketBase's own
// scheduled backups (settings.backups.cron and cronMaxKeep). Pure, so it is unit-tested and the
// scripts can say the same thing the server does.
const DEFAULT_CRON = "0 3 * * *"; // every day at 03:00 (PocketBase's scheduler runs in UTC)
const DEFAULT_KEEP = 7;
const MAX_KEEP = 1000;

/**
 * @param {string | undefined} cron  PW_BACKUP_CRON: a 5-field cron expression, "off" for no scheduled backups, empty for the default
 * @param {string | undefined} keep  PW_BACKUP_KEEP: how many scheduled backups to keep (1–1000), empty for the default
 * @returns {{ cron: string, keep: number }}
 */
function backupSettings(cron, keep) {
	const c = String(cron || "").trim();
	const k = String(keep || "").trim();
	let schedule = DEFAULT_CRON;
	if (c.toLowerCase() === "off") schedule = "";
	else if (c !== "") {
		if (c.split(/\s+/).length !== 5) {
			throw new Error(`PW_BACKUP_CRON must be a cron expression with 5 fields (minute hour day month weekday), such as "0 3 * * *", or "off"; it is "${c}".`);
		}
		schedule = c.split(/\s+/).join(" ");
	}
	let count = DEFAULT_KEEP;
	if (k !== "") {
		if (!/^[0-9]+$/.test(k) || Number(k) < 1 || Number(k) > MAX_KEEP) {
			throw new Error(`PW_BACKUP_KEEP must be a whole number from 1 to ${MAX_KEEP}; it is "${k}".`);
		}
		count = Number(k);
	}
	return { cron: schedule, keep: count };
}

module.exports = { backupSettings, DEFAULT_CRON, DEFAULT_KEEP, MAX_KEEP };
