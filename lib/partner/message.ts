/*
 * The words the person can send to the one who holds their release code, ready written, as
 * `sms:` and `mailto:` links (lib/coping/reach-out.ts): one to hand the code on, one to say a
 * loosening change was asked for. Nothing is sent by Steadfast: the links open the person's own
 * messages or email app, where they read it and decide.
 */
import { reachLinks, type ReachLinks } from '../coping/reach-out';
import { t } from '../i18n/i18n';
import type { Holder } from './partner-lock';

/** "Hi Sam," or "Hi," when no name was given. */
const greeting = (holder: Holder) => (holder.name.trim() ? t('partner_messageHiName', [holder.name.trim()]) : t('partner_messageHi'));

/** Handing the code on: what it is for, and what to do when asked for it. */
export function shareCodeLinks(holder: Holder, code: string, waitDays: number): Pick<ReachLinks, 'text' | 'email'> {
  const { text, email } = reachLinks(holder, `${greeting(holder)} ${t('partner_messageShare', [code, waitDays])}`);
  return { text, email };
}

/** A loosening change was asked for: "I've asked Steadfast to … Could we talk about it?" */
export function askLinks(holder: Holder, change: string, timeLeft: string): Pick<ReachLinks, 'text' | 'email'> {
  const { text, email } = reachLinks(holder, `${greeting(holder)} ${t('partner_messageAsk', [change, timeLeft])}`);
  return { text, email };
}
