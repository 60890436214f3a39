// Certificate codes: 26 characters of base32 = 130 random bits.
const CODE_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const CODE_LENGTH = 26;
const CODE_PATTERN = /^[a-z2-7]{26}$/;

module.exports = { CODE_ALPHABET, CODE_LENGTH, CODE_PATTERN };
