import { dialable } from '../plan/plan';

/** One-click ways to reach a service; a way is left out when the entry can't make a safe link. */
export interface ServiceLinks {
  /** `tel:` with digits and an optional leading `+`. */
  call?: string;
  /** `sms:` with digits and an optional leading `+`, and the first words when the line asks for them. */
  text?: string;
  /** An `http:` or `https:` address, never anything a click could run. */
  site?: string;
}

/**
 * Words a text line asks for first, read from the entry's description ("Text SHOUT to 85258"),
 * so the person doesn't have to remember them in a hard moment.
 */
export const SMS_FIRST_WORDS: Readonly<Record<string, string>> = {
  'uk-shout': 'SHOUT',
  'ie-50808': 'TALK',
};

/** The address itself when it is a web address (http or https); undefined for anything else. */
export function webAddress(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Links for a directory entry or one of the person's own services. Phone numbers keep their
 * written form for display; the links carry `dialable` digits only, so "1-800-662-HELP (4357)"
 * dials 18006624357.
 */
export function serviceLinks(service: { id?: string; phone: string | null; sms: string | null; url: string | null }): ServiceLinks {
  const links: ServiceLinks = {};
  const phone = service.phone ? dialable(service.phone) : '';
  const sms = service.sms ? dialable(service.sms) : '';
  const site = webAddress(service.url);
  const firstWords = service.id ? SMS_FIRST_WORDS[service.id] : undefined;
  if (phone) links.call = `tel:${phone}`;
  if (sms) links.text = `sms:${sms}${firstWords ? `?body=${encodeURIComponent(firstWords)}` : ''}`;
  if (site) links.site = site;
  return links;
}

export type TextPart = { text: string } | { text: string; href: string };

/**
 * Splits text such as a source ("https://a.example/x ; https://b.example/y") or a description
 * ("Find local treatment: https://…") into plain words and web addresses, so each address can
 * be a link and everything else stays text. Only http(s) addresses become links.
 */
export function textWithLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  for (const piece of text.split(/(https?:\/\/\S+)/)) {
    if (!piece) continue;
    // A sentence's full stop or a closing bracket belongs to the sentence, not the address.
    const trailing = /[.,;:)]+$/.exec(piece)?.[0] ?? '';
    const address = webAddress(trailing ? piece.slice(0, -trailing.length) : piece);
    if (address && /^https?:\/\//.test(piece)) {
      parts.push({ text: piece.slice(0, piece.length - trailing.length), href: address });
      if (trailing) parts.push({ text: trailing });
    } else {
      parts.push({ text: piece });
    }
  }
  return parts;
}
