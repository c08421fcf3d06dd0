import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const catalogue = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string } | undefined
>;

/** What the popup says when the browser's settings installed Steadfast (`installType` "admin"), in English. */
export const LOCKED_IN: string = wording('lockIn_statusLocked');

function wording(key: string): string {
  const entry = catalogue[key];
  if (!entry) throw new Error(`No message "${key}" in public/_locales/en/messages.json`);
  return entry.message;
}
