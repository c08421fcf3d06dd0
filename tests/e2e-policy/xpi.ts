import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * An unsigned .xpi of `extensionDir`: a plain zip of the folder (deflated entries, a central
 * directory, no zip64; the build is far below 4 GB). Firefox ESR installs it when the profile
 * sets `xpinstall.signatures.required` to false.
 */
export function zipFolder(extensionDir: string): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of filesIn(extensionDir)) {
    const name = Buffer.from(relative(extensionDir, file).split('\\').join('/'));
    const data = readFileSync(file);
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    // What the local header and the central directory share: version 2.0 needed, flags (bit 11:
    // UTF-8 names), method 8 (deflate), no time, the checksum and sizes, the name's length, no extra.
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(20, 0);
    shared.writeUInt16LE(0x0800, 2);
    shared.writeUInt16LE(8, 4);
    shared.writeUInt32LE(crc, 10);
    shared.writeUInt32LE(packed.length, 14);
    shared.writeUInt32LE(data.length, 18);
    shared.writeUInt16LE(name.length, 22);
    const local = Buffer.concat([uint32(0x04034b50), shared]);
    locals.push(local, name, packed);
    // Central entry: its signature, made by version 2.0, the shared part, then no comment, disk 0,
    // no attributes, and where the local header starts.
    central.push(Buffer.concat([uint32(0x02014b50), Buffer.from([20, 0]), shared, Buffer.alloc(10), uint32(offset)]), name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}

function filesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesIn(join(folder, entry.name)) : [join(folder, entry.name)]));
}
