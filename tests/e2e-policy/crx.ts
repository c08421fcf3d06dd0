import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A packed extension: its .crx bytes, the id Chromium gives it, and its version. */
export interface Packed {
  crx: Buffer;
  id: string;
  version: string;
}

/**
 * Packs `extensionDir` into a .crx with Chromium's own packer (`--pack-extension`), signed with a
 * key made for this run in `workDir`. The id is what Chromium derives from the key: the first 16
 * bytes of the SHA-256 of the public key (DER), each hex digit written as a letter a–p.
 */
export async function packExtension(chromium: string, extensionDir: string, workDir: string): Promise<Packed> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = join(workDir, 'key.pem');
  writeFileSync(key, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const copy = join(workDir, 'steadfast');
  cpSync(extensionDir, copy, { recursive: true });
  const stderr: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      chromium,
      [
        '--headless',
        `--user-data-dir=${join(workDir, 'packer-profile')}`,
        `--pack-extension=${copy}`,
        `--pack-extension-key=${key}`,
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const crxPath = `${copy}.crx`;
  if (code !== 0 || !existsSync(crxPath)) throw new Error(`Chromium did not pack the extension (exit ${code}): ${stderr.join('').slice(-1000)}`);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
  const { version } = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { version: string };
  return { crx: readFileSync(crxPath), id, version };
}

/** The update manifest (gupdate XML) that tells Chromium where the .crx of `id` at `version` is. */
export function updateManifest(id: string, version: string, crxUrl: string): string {
  const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${attribute(id)}'>`,
    `    <updatecheck codebase='${attribute(crxUrl)}' version='${attribute(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}
