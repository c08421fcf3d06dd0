import { storage } from 'wxt/utils/storage';
import { t } from '../i18n/i18n';
import { dialable } from '../plan/plan';
import { webAddress } from './links';

/**
 * A service the person added themselves: a clinic, a sponsor, a counsellor's callback line.
 * Phone numbers are kept as they wrote them and dialled through `dialable`.
 */
export interface MyService {
  id: string;
  name: string;
  phone: string;
  /** A number that takes texts, when it differs from `phone` or is the only way in; '' for none. */
  sms: string;
  /** An http(s) address, normalised when saved; '' for none. */
  url: string;
  /** Anything worth remembering: hours, who to ask for, a reference number. */
  note: string;
}

/** What the person typed into the form. */
export type MyServiceInput = Omit<MyService, 'id'>;

export type MyServiceField = 'name' | 'phone' | 'sms' | 'url';

export type MyServiceCheck = { ok: true; service: MyServiceInput } | { ok: false; field: MyServiceField; message: string };

/** The person's own services, version 1. */
export const myServicesItem = storage.defineItem<MyService[]>('local:myServices', {
  version: 1,
  fallback: [],
});

/** What the person typed as a website, as a web address to link to; a reason when it can't be one. */
function websiteFrom(text: string): { url: string } | { message: string } {
  if (!text) return { url: '' };
  const typed = webAddress(text);
  if (typed) return { url: typed };
  // Anything naming another scheme (javascript:, data:, file:, mailto:…) is refused, never guessed at.
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) {
    return { message: t('help_urlOnlyWeb') };
  }
  const guessed = /\s/.test(text) ? undefined : webAddress(`https://${text}`);
  if (guessed && new URL(guessed).hostname.includes('.')) return { url: guessed };
  return { message: t('help_urlNotAddress') };
}

/** Checks and tidies what the person typed; nothing is saved unless this says ok. */
export function checkMyService(input: MyServiceInput): MyServiceCheck {
  const name = input.name.trim();
  const phone = input.phone.trim();
  const sms = input.sms.trim();
  if (!name) return { ok: false, field: 'name', message: t('help_nameMissing') };
  if (!dialable(phone)) return { ok: false, field: 'phone', message: t('help_phoneMissing') };
  if (sms && !dialable(sms)) return { ok: false, field: 'sms', message: t('help_smsMissing') };
  const website = websiteFrom(input.url.trim());
  if ('message' in website) return { ok: false, field: 'url', message: website.message };
  return { ok: true, service: { name, phone, sms, url: website.url, note: input.note.trim() } };
}

/** The list with `input` added (no `id`) or put in place of the entry `id`; unchanged on bad input. */
export function withService(
  list: readonly MyService[],
  input: MyServiceInput,
  id?: string,
  newId: () => string = () => crypto.randomUUID(),
): { ok: true; list: MyService[] } | { ok: false; field: MyServiceField; message: string } {
  const check = checkMyService(input);
  if (!check.ok) return check;
  if (id === undefined) return { ok: true, list: [...list, { id: newId(), ...check.service }] };
  return { ok: true, list: list.map((s) => (s.id === id ? { id, ...check.service } : s)) };
}

/**
 * The saved list, keeping only entries that still pass the checks: storage is shared with a
 * future import and sync, so a malformed or hostile entry is dropped, never linked.
 */
export async function loadMyServices(): Promise<MyService[]> {
  const stored: unknown = await myServicesItem.getValue();
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const e = entry as Record<string, unknown>;
    const text = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : '');
    const check = checkMyService({ name: text('name'), phone: text('phone'), sms: text('sms'), url: text('url'), note: text('note') });
    return check.ok && text('id') ? [{ id: text('id'), ...check.service }] : [];
  });
}
