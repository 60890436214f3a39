// A person's name as it appears to a trainer and on a certificate (issue 18): pure, unit-tested in Node
// (tests/unit/names.test.ts), used by users.pb.js on sign-up and on every later change.

const NAME_MIN = 2;
const NAME_MAX = 120;
// Control characters (C0, DEL, C1) and invisible direction overrides that could disguise a name.
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// Characters that show nothing: zero-width spaces and joiners, word joiner, soft hyphen, BOM and the like.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/g;
// Letters of the world's scripts (PocketBase's JS engine has no \p{L}): Latin, Greek, Cyrillic, Armenian,
// Hebrew, Arabic, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Georgian, Hangul, Ethiopic, Cherokee,
// Khmer, Mongolian, kana and CJK ideographs.
const LETTER = /[A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF\u0370-\u0373\u0376-\u03FF\u0400-\u0481\u048A-\u052F\u0531-\u0587\u05D0-\u05F2\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u0900-\u0DFF\u0E01-\u0E30\u0E40-\u0EFF\u0F00-\u0FFF\u1000-\u109F\u10A0-\u10FF\u1100-\u11FF\u1200-\u137F\u13A0-\u13FF\u1780-\u17B3\u1820-\u1878\u1E00-\u1FFF\u3041-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uA720-\uA7FF\uAC00-\uD7AF]/;

/**
 * Returns { name } (NFC, trimmed, inner white space as single spaces) or { code, problem } where code is
 * what the browser translates: name_required, name_invalid, name_too_short, name_too_long.
 */
function checkName(raw) {
	if (typeof raw !== "string") return { code: "name_required", problem: "name: a name is required." };
	if (FORBIDDEN.test(raw)) return { code: "name_invalid", problem: "name: contains a control or invisible direction character." };
	const name = raw.normalize("NFC").replace(/\s+/g, " ").trim();
	const visible = name.replace(INVISIBLE, "").replace(/\s+/g, "");
	if (visible === "") return { code: "name_required", problem: "name: a name is required." };
	if (!LETTER.test(visible)) return { code: "name_invalid", problem: "name: a name needs letters." };
	if (visible.length < NAME_MIN) return { code: "name_too_short", problem: `name: at least ${NAME_MIN} characters.` };
	if (name.length > NAME_MAX) return { code: "name_too_long", problem: `name: at most ${NAME_MAX} characters.` };
	return { name };
}

/**
 * bcrypt reads 72 bytes of a password and PocketBase's password field allows at most 71 characters:
 * a password may have at most 71 characters and 72 bytes (UTF-8).
 */
const PASSWORD_MAX_BYTES = 72;
const PASSWORD_MAX_CHARACTERS = 71;
function passwordBytes(password) {
	let bytes = 0;
	for (const ch of String(password)) {
		const c = ch.codePointAt(0);
		bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	}
	return bytes;
}

/** True when a password is longer than bcrypt and PocketBase allow. */
function passwordTooLong(password) {
	return passwordBytes(password) > PASSWORD_MAX_BYTES || [...String(password)].length > PASSWORD_MAX_CHARACTERS;
}

module.exports = { checkName, NAME_MIN, NAME_MAX, PASSWORD_MAX_BYTES, PASSWORD_MAX_CHARACTERS, passwordBytes, passwordTooLong };
