import { t } from '../i18n/i18n';
import { dialable, type SupportPerson } from '../plan/plan';

/** What a person in distress might send a support person, ready written, in their language. */
export function hardMomentMessage(): string {
  return t('coping_hardMomentMessage');
}

/** One-click ways to reach a support person; a way is left out when their details can't make it. */
export interface ReachLinks {
  call?: string;
  text?: string;
  email?: string;
}

/** Something like `name@example.org`: one `@`, text either side, no spaces. */
function emailAddress(email: string): string | undefined {
  const trimmed = email.trim();
  const [local, domain, ...rest] = trimmed.split('@');
  if (rest.length > 0 || !local || !domain || /\s/.test(trimmed)) return undefined;
  return `${encodeURIComponent(local)}@${encodeURIComponent(domain)}`;
}

/**
 * `tel:`, `sms:` and `mailto:` links for a support person. Phone links carry digits only (and a
 * leading +), whatever the person typed; texts and emails carry `message` so nobody has to find
 * words in a hard moment.
 */
export function reachLinks(person: Pick<SupportPerson, 'phone' | 'email'>, message: string = hardMomentMessage()): ReachLinks {
  const links: ReachLinks = {};
  const phone = dialable(person.phone);
  const body = encodeURIComponent(message);
  if (phone) {
    links.call = `tel:${phone}`;
    links.text = `sms:${phone}?body=${body}`;
  }
  const email = emailAddress(person.email);
  if (email) links.email = `mailto:${email}?body=${body}`;
  return links;
}
