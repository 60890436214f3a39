// Backup settings from the environment (pb_hooks/lib/backups.js) and the zip reader the restore uses.
import { createRequire } from 'node:module';
import { deflateRawSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../scripts/lib/zip.mjs';

const require = createRequire(import.meta.url);
const { backupSettings } = require('../../pocketbase/pb_hooks/lib/backups.js');

describe('backup settings from PW_BACKUP_CRON and PW_BACKUP_KEEP', () => {
	it('defaults to every day at 03:00, keeping seven', () => {
		expect(backupSettings(undefined, undefined)).toEqual({ cron: '0 3 * * *', keep: 7 });
		expect(backupSettings('', ' ')).toEqual({ cron: '0 3 * * *', keep: 7 });
	});
	it('takes a schedule and a number, or "off"', () => {
		expect(backupSettings(' 15  1 * * 0 ', '30')).toEqual({ cron: '15 1 * * 0', keep: 30 });
		expect(backupSettings('OFF', '2')).toEqual({ cron: '', keep: 2 });
	});
	it('refuses what it cannot mean, naming the variable', () => {
		expect(() => backupSettings('daily', '')).toThrow(/PW_BACKUP_CRON .*"daily"/);
		for (const keep of ['0', '-1', '2.5', 'seven', '1001']) expect(() => backupSettings('', keep)).toThrow(/PW_BACKUP_KEEP/);
	});
});

/** A zip with one entry, written the way Go's archive/zip does (deflate, data descriptor flag). */
function zipOf(name: string, content: Buffer, method = 8) {
	const data = method === 8 ? deflateRawSync(content) : content;
	const nameBytes = Buffer.from(name);
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(method, 8);
	local.writeUInt16LE(nameBytes.length, 26);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(8, 8);
	central.writeUInt16LE(method, 10);
	central.writeUInt32LE(crc32(content), 16);
	central.writeUInt32LE(data.length, 20);
	central.writeUInt32LE(content.length, 24);
	central.writeUInt16LE(nameBytes.length, 28);
	central.writeUInt32LE(0, 42);
	const body = Buffer.concat([local, nameBytes, data]);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(46 + nameBytes.length, 12);
	end.writeUInt32LE(body.length, 16);
	return Buffer.concat([body, central, nameBytes, end]);
}

describe('readZip', () => {
	it('reads deflated and stored entries', () => {
		const text = Buffer.from('palliatieve zorg '.repeat(100));
		expect(readZip(zipOf('data.db', text))).toEqual([{ name: 'data.db', directory: false, data: text }]);
		expect(readZip(zipOf('storage/a.txt', text, 0))[0]!.data.equals(text)).toBe(true);
	});
	it('refuses paths that leave the directory, damaged data and files that are no zip', () => {
		expect(() => readZip(zipOf('../data.db', Buffer.from('x')))).toThrow(/outside/);
		expect(() => readZip(zipOf('/etc/passwd', Buffer.from('x')))).toThrow(/outside/);
		const damaged = zipOf('data.db', Buffer.from('abc'), 0);
		const at = 30 + 'data.db'.length;
		damaged[at] = damaged[at]! ^ 1;
		expect(() => readZip(damaged)).toThrow(/damaged/);
		expect(() => readZip(Buffer.from('{"name": "palliwijs"}'))).toThrow(/not a zip/);
	});
});
