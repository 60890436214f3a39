import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Issue 18, points 7 and 9: the pure rules behind users.pb.js and the e-mail migration.
const require = createRequire(import.meta.url);
const { checkName, passwordTooLong } = require('../../pocketbase/pb_hooks/lib/names.js');
const { normalizeEmail, planEmailMigration } = require('../../pocketbase/pb_hooks/lib/emails.js');

describe('checkName', () => {
	it('keeps real names in NFC with single spaces, in any script', () => {
		expect(checkName('  Zoe\u0308   Van Damme ')).toEqual({ name: 'Zoë Van Damme' });
		for (const name of ["O'Brien-Smith", 'ნინო', 'Ήρα', 'Лев', 'محمد', '李娜', 'Nguyễn Văn An']) expect(checkName(name)).toEqual({ name: name.normalize('NFC') });
	});
	it('refuses empty, invisible, control-character, letterless and over-long names with a code', () => {
		expect(checkName('\u200b\u200c\u200d\u2060\ufeff').code).toBe('name_required');
		expect(checkName(undefined).code).toBe('name_required');
		expect(checkName('An\u0000').code).toBe('name_invalid');
		expect(checkName('An\u0085').code).toBe('name_invalid');
		expect(checkName('\u2066An').code).toBe('name_invalid');
		expect(checkName('=1+1').code).toBe('name_invalid');
		expect(checkName('A').code).toBe('name_too_short');
		expect(checkName('a'.repeat(121)).code).toBe('name_too_long');
	});
});

describe('passwords', () => {
	it('may have 71 characters and 72 bytes', () => {
		expect(passwordTooLong('a'.repeat(71))).toBe(false);
		expect(passwordTooLong('a'.repeat(72))).toBe(true);
		expect(passwordTooLong('é'.repeat(36))).toBe(false);
		expect(passwordTooLong('é'.repeat(37))).toBe(true);
	});
});

describe('e-mail addresses', () => {
	it('are trimmed and lower-case', () => expect(normalizeEmail('  An.Peeters@Example.BE ')).toBe('an.peeters@example.be'));
	it('migrate safely: in a group sharing an address one account gets it in lower case, the others keep theirs, nobody is removed', () => {
		const plan = planEmailMigration([
			{ id: 'b', email: 'STUDENT@x.be', created: '2026-02-01' },
			{ id: 'a', email: 'Student@x.be', created: '2026-01-01' },
			{ id: 'c', email: 'student@x.be', created: '2026-03-01' },
			{ id: 'd', email: 'Els@x.be', created: '2026-01-01' },
			{ id: 'e', email: 'jan@x.be', created: '2026-01-01' },
			{ id: 'g', email: 'JO@x.be', created: '2026-05-01' },
			{ id: 'f', email: 'Jo@x.be', created: '2026-04-01' },
		]);
		// The account already spelt in lower case keeps it; else the oldest of the group gets it.
		expect(plan.updates).toEqual([
			{ id: 'd', email: 'els@x.be' },
			{ id: 'f', email: 'jo@x.be' },
		]);
		expect(plan.duplicates).toEqual([
			{ email: 'student@x.be', keep: 'c', others: ['a', 'b'] },
			{ email: 'jo@x.be', keep: 'f', others: ['g'] },
		]);
	});
});
