/** UI strings the self-check island needs. */
export const selfCheckKeys = [
	'selfCheck.open',
	'selfCheck.notYet',
	'selfCheck.results',
	'selfCheck.caption',
	'selfCheck.domain',
	'selfCheck.before',
	'selfCheck.after',
	'selfCheck.again',
	'selfCheck.fillBefore',
	'selfCheck.fillAfter',
	'selfCheck.save',
	'progress.savedAccount',
	'progress.savedLocal',
	'progress.offline',
] as const;
export type SelfCheckKey = (typeof selfCheckKeys)[number];
