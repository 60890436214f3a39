// Reads the zip files PocketBase writes as backups (Go's archive/zip: stored or deflated entries, data
// descriptors), so a restore needs neither `unzip` on the server nor a running PocketBase. Refuses what a
// backup never holds: zip64, encryption, other compression methods, paths that leave the target directory.
import { inflateRawSync, crc32 } from 'node:zlib';
import path from 'node:path';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip archive: [{ name, directory, data }] (data is a Buffer, checked against its CRC-32).
 * @param {Buffer} zip
 */
export function readZip(zip) {
	let end = -1;
	for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
		if (zip.readUInt32LE(i) === EOCD) {
			end = i;
			break;
		}
	}
	if (end < 0) throw new Error('not a zip file (no end of central directory)');
	const count = zip.readUInt16LE(end + 10);
	let offset = zip.readUInt32LE(end + 16);
	if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 archives are not supported');
	const entries = [];
	for (let n = 0; n < count; n++) {
		if (zip.readUInt32LE(offset) !== CENTRAL) throw new Error('damaged zip file (central directory)');
		const flags = zip.readUInt16LE(offset + 8);
		const method = zip.readUInt16LE(offset + 10);
		const crc = zip.readUInt32LE(offset + 16);
		const compressedSize = zip.readUInt32LE(offset + 20);
		const size = zip.readUInt32LE(offset + 24);
		const nameLength = zip.readUInt16LE(offset + 28);
		const extraLength = zip.readUInt16LE(offset + 30);
		const commentLength = zip.readUInt16LE(offset + 32);
		const local = zip.readUInt32LE(offset + 42);
		const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
		offset += 46 + nameLength + extraLength + commentLength;
		if (flags & 1) throw new Error(`${name}: encrypted entries are not supported`);
		if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new Error(`${name}: zip64 entries are not supported`);
		const normal = path.posix.normalize(name);
		if (name.includes('\\') || path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../')) throw new Error(`${name}: a path outside the archive's directory`);
		if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`${name}: damaged zip file (local header)`);
		const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
		const raw = zip.subarray(start, start + compressedSize);
		const directory = name.endsWith('/');
		let data;
		if (method === 0) data = Buffer.from(raw);
		else if (method === 8) data = inflateRawSync(raw);
		else throw new Error(`${name}: compression method ${method} is not supported`);
		if (data.length !== size || crc32(data) !== crc) throw new Error(`${name}: damaged (size or checksum differs)`);
		entries.push({ name: normal, directory, data });
	}
	return entries;
}
