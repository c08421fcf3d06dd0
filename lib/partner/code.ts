/*
 * The release code a trusted person holds (issue 21, part 3). Made with `crypto.getRandomValues`
 * from 32 letters and digits a person cannot mix up when reading it aloud or copying it by hand
 * (no 0/O, 1/I), 12 of them in three groups of four: 60 bits, far beyond guessing even without
 * the rate limit. Only a salted PBKDF2 hash of it is ever stored (WebCrypto, SHA-256, 600,000
 * iterations, the parameters kept beside the hash); the code itself is never stored, logged or
 * synced: it is shown once and handed on.
 */

/** 8 digits and 24 letters: 32, so each random byte gives one character with no bias (256 = 8 × 32). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;
const GROUP = 4;

/** What the OWASP password storage guidance asks of PBKDF2-HMAC-SHA-256 (2023): at least 600,000. */
export const MIN_ITERATIONS = 600_000;
export const HASH_ALGORITHM = 'PBKDF2-SHA-256';

/** A stored key: never the code, only what checks it. */
export interface CodeHash {
  algorithm: typeof HASH_ALGORITHM;
  iterations: number;
  /** base64, 16 random bytes. */
  salt: string;
  /** base64, 32 bytes of PBKDF2 output. */
  hash: string;
}

type Random = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
const random: Random = (bytes) => crypto.getRandomValues(bytes);

/** A new code, as the person reads it: "ABCD-EFGH-JKLM". */
export function makeCode(fill: Random = random): string {
  const bytes = fill(new Uint8Array(CODE_LENGTH));
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]!);
  return formatCode(chars.join(''));
}

/** Groups of four joined by hyphens. */
export function formatCode(normal: string): string {
  return normal.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? '';
}

/**
 * What a person typed, as the code it stands for: upper case, with spaces, hyphens and dots
 * dropped. Undefined when it cannot be a code (wrong length, a character the alphabet leaves
 * out): the person is told so, and it is not counted as a wrong code.
 */
export function normaliseCode(typed: string): string | undefined {
  const normal = typed.toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (normal.length !== CODE_LENGTH) return undefined;
  for (const ch of normal) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return normal;
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(normal: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(normal), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

/** The stored key for a code (given as shown or as typed). */
export async function hashCode(code: string, fill: Random = random, iterations = MIN_ITERATIONS): Promise<CodeHash> {
  const normal = normaliseCode(code);
  if (!normal) throw new Error('steadfast: not a release code');
  const salt = fill(new Uint8Array(16));
  return {
    algorithm: HASH_ALGORITHM,
    iterations: Math.max(MIN_ITERATIONS, iterations),
    salt: toBase64(salt),
    hash: toBase64(await derive(normal, salt, Math.max(MIN_ITERATIONS, iterations))),
  };
}

/** Whether a normalised code matches the stored key, compared in constant time. */
export async function codeMatches(normal: string, key: CodeHash): Promise<boolean> {
  if (key.algorithm !== HASH_ALGORITHM || !(key.iterations >= MIN_ITERATIONS)) return false;
  const expected = fromBase64(key.hash);
  const got = await derive(normal, fromBase64(key.salt), key.iterations);
  if (got.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < got.length; i++) diff |= got[i]! ^ expected[i]!;
  return diff === 0;
}
