import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  ALL_SITES,
  browserFamily,
  protectionProblems,
  readProtection,
  type BrowserFamily,
  type ProtectionProblem,
} from '../lib/blocking/protection-status';
import { ruleStatusItem } from '../lib/blocking/rule-status-item';

/**
 * What is off now, kept current as permissions and the rules' status change, with a way to ask for
 * site access again from a click (for components/ProtectionNotice.tsx).
 */
export function useProtection(): { problems: ProtectionProblem[]; family: BrowserFamily; onAllowSites: () => void } {
  const [problems, setProblems] = useState<ProtectionProblem[]>([]);
  useEffect(() => {
    const check = () => void readProtection().then((facts) => setProblems(protectionProblems(facts)));
    check();
    const events = [browser.permissions?.onAdded, browser.permissions?.onRemoved];
    // Test doubles without permission events still draw the page.
    const listen = (on: boolean) => events.forEach((event) => {
      try {
        if (on) event?.addListener(check);
        else event?.removeListener(check);
      } catch {
        /* no such event here */
      }
    });
    listen(true);
    const unwatch = ruleStatusItem.watch(check);
    return () => {
      listen(false);
      unwatch();
    };
  }, []);
  return { problems, family: browserFamily(), onAllowSites: () => void browser.permissions.request(ALL_SITES) };
}
