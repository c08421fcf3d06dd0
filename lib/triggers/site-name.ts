import { t } from '../i18n/i18n';

/** DNS limits (RFC 1035 §2.3.4): rules can never match a name longer than these. */
const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
/** Echoed input is cut so a huge paste cannot flood the message. */
const MAX_ECHO_LENGTH = 60;

/**
 * Input made safe to echo: control and invisible format characters (bidi overrides among them)
 * shown as `�`, cut to a readable length on whole characters. The UI shows it as text, never as HTML.
 */
export function clip(text: string): string {
  const chars = Array.from(text.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD'));
  return chars.length > MAX_ECHO_LENGTH ? `${chars.slice(0, MAX_ECHO_LENGTH - 1).join('')}…` : chars.join('');
}

/** Echoed input in the quotation marks of the person's language: “example.com”. */
export const quote = (text: string): string => t('triggers_quoted', [clip(text)]);

/** The host part of what was typed, before `URL` maps it: for messages and for display. */
export function typedHost(text: string): string {
  const afterScheme = text.replace(/^https?:/i, '').replace(/^[/\\]+/, '');
  const authority = afterScheme.split(/[/\\?#]/)[0] ?? '';
  return authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
}

const isNumber = (label: string): boolean => /^(?:\d+|0x[\da-f]*)$/i.test(label);

/**
 * Why `host` (ASCII, from `URL`, trailing dot removed) cannot be a trigger, or undefined if it can.
 * `host` is undefined when `URL` refused the input; then only a numeric name gets its own message.
 */
export function siteNameProblem(host: string | undefined, text: string): string | undefined {
  const typed = typedHost(text).toLowerCase().replace(/\.$/, '');
  const byNumber = () => t('triggers_siteByNumber', [quote(text)]);
  if (host === undefined) return isNumber(typed.split('.').pop() ?? '') ? byNumber() : undefined;
  const labels = host.split('.');
  if (host.startsWith('[') || isNumber(labels.at(-1) ?? '')) return byNumber();

  if (labels.length === 1) {
    return host === 'localhost' ? t('triggers_siteIsThisComputer', [quote(text)]) : t('triggers_siteNeedsEnding', [quote(text), clip(`${typed}.com`)]);
  }
  if (labels.includes('')) {
    return t('triggers_siteEmptyPart', [quote(text), clip(typed.split('.').filter(Boolean).join('.'))]);
  }
  if (labels[0] === '*') {
    return t('triggers_siteNoWildcard', [clip(typed.replace(/^\*\./, ''))]);
  }
  for (const label of labels) {
    const odd = /[^a-z\d_-]/.exec(label);
    if (odd) return t('triggers_siteOddCharacter', [quote(text), quote(odd[0])]);
  }
  if (labels.some((label) => label.startsWith('-') || label.endsWith('-'))) {
    return t('triggers_siteHyphenAtEnd', [quote(text)]);
  }
  if (labels.some((label) => label.length > MAX_LABEL_LENGTH)) {
    return t('triggers_sitePartTooLong', [quote(text), MAX_LABEL_LENGTH]);
  }
  if (host.length > MAX_HOST_LENGTH) {
    return t('triggers_siteNameTooLong', [MAX_HOST_LENGTH]);
  }
  return undefined;
}
