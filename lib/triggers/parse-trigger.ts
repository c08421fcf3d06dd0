import { t } from '../i18n/i18n';
import { coveringTrigger } from './match-trigger';
import { clip, quote, siteNameProblem, typedHost } from './site-name';
import type { Trigger, TriggerMode } from './trigger';

export type ParseTriggerResult = { ok: true; trigger: Trigger } | { ok: false; message: string };

/** Far beyond any real address; keeps hostile pastes from costing anything. */
const MAX_INPUT_LENGTH = 2048;

/**
 * A scheme is letters before a colon, unless what follows is a port (`example.com:8080`,
 * `localhost:3000`) or a password (`name:secret@example.com`): those are hosts typed without one.
 */
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/\\?#]|$)|$)(?![^/\\?#]*@)/i;

const fail = (message: string): ParseTriggerResult => ({ ok: false, message });

/**
 * Turns what a person typed into a trigger, or into a message they can act on.
 * On failure nothing about `existing` should change; the caller shows `message` as text.
 */
export function parseTrigger(
  input: string,
  existing: readonly Trigger[],
  now = Date.now(),
  makeId: () => string = () => crypto.randomUUID(),
  mode: TriggerMode = 'pause',
): ParseTriggerResult {
  const text = input.trim();
  if (text === '') return fail(t('triggers_siteEmpty'));
  if (text.length > MAX_INPUT_LENGTH) {
    return fail(t('triggers_siteInputTooLong'));
  }
  if (/\s/.test(text)) {
    return fail(t('triggers_siteHasSpace', [quote(text), clip(text.replace(/\s+/g, ''))]));
  }
  const bareScheme = /^(https?):[/\\]*$/i.exec(text);
  if (bareScheme) {
    return fail(t('triggers_siteNothingAfterScheme', [quote(text), `${bareScheme[1]!.toLowerCase()}://example.com`]));
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return fail(t('triggers_siteNotWeb', [quote(text)]));
  }

  let url: URL;
  try {
    url = new URL(scheme === undefined ? `http://${text}` : text);
  } catch {
    return fail(siteNameProblem(undefined, text) ?? t('triggers_siteNotAnAddress', [quote(text)]));
  }
  // `URL` gives the host lower case and in punycode; `example.com.` is the same site as `example.com`.
  const fullHost = url.hostname.replace(/\.$/, '');
  const problem = siteNameProblem(fullHost, text);
  if (problem !== undefined) return fail(problem);
  const host = withoutWww(fullHost);

  // A pasted link (with a scheme) means "this site"; a typed `example.com/forum` means that part only.
  const path = scheme === undefined ? url.pathname.replace(/\/+$/, '') : '';
  const display = displayHost(host, text) + readablePath(path);

  const cover = coveringTrigger(existing, host, path || '/');
  if (cover !== undefined) {
    const same = cover.host === host && (cover.path ?? '').toLowerCase() === path.toLowerCase();
    return fail(same ? t('triggers_alreadyInList', [quote(cover.display)]) : t('triggers_alreadyCovered', [quote(display), quote(cover.display)]));
  }

  const trigger: Trigger = path
    ? { id: makeId(), kind: 'path', mode, display, host, path, addedAt: now }
    : { id: makeId(), kind: 'site', mode, display, host, addedAt: now };
  return { ok: true, trigger };
}

/** One leading `www.` goes (`www2.` stays), unless it is the whole name (`www.com`). */
export function withoutWww(host: string): string {
  return host.startsWith('www.') && host.slice(4).includes('.') ? host.slice(4) : host;
}

/**
 * The host as the person typed it (`bücher.de`), when that is really the same name as the
 * punycode host; otherwise the punycode host. Browsers offer no punycode-to-Unicode decoder.
 */
function displayHost(host: string, text: string): string {
  if (!host.split('.').some((label) => label.startsWith('xn--'))) return host;
  const typed = withoutWww(
    typedHost(text)
      .normalize('NFC')
      .toLowerCase()
      .replace(/[。．｡]/g, '.')
      .replace(/\.$/, ''),
  );
  // Escapes and invisible characters would make the shown name differ from what it matches.
  if (/[%\p{C}]/u.test(typed)) return host;
  try {
    return withoutWww(new URL(`http://${typed}`).hostname) === host ? typed : host;
  } catch {
    return host;
  }
}

/** `/caf%C3%A9` reads as `/café`; escapes stay where decoding would show something invisible. */
function readablePath(path: string): string {
  try {
    const decoded = decodeURI(path);
    return /[\p{C}\s]/u.test(decoded) ? path : decoded;
  } catch {
    return path;
  }
}
