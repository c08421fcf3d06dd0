import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES, browserFamily, protectionProblems, readProtection, type BrowserFamily, type ProtectionProblem } from '../lib/blocking/protection-status';
import { ruleStatusItem } from '../lib/blocking/rule-status-item';
import { useStoredItem } from './useStoredItem';

/**
 * What is off now, kept current as permissions and the rules' status change, with a way to ask for
 * site access again from a click (for components/ProtectionNotice.tsx).
 */
export function useProtection(): { problems: ProtectionProblem[]; family: BrowserFamily; onAllowSites: () => void } {
  const [problems, setProblems] = useState<ProtectionProblem[]>([]);
  // Checked again whenever the rules' status is stored anew (a trigger the rules could not hold).
  const ruleStatus = useStoredItem(ruleStatusItem).value;
  useEffect(() => {
    // Storage that cannot be read is the page's ProblemNotice's to say; here it only leaves the list as it was.
    const check = () =>
      void readProtection()
        .then((facts) => setProblems(protectionProblems(facts)))
        .catch((error: unknown) => console.error('steadfast: protection', error));
    check();
    const events = [browser.permissions?.onAdded, browser.permissions?.onRemoved];
    // Test doubles without permission events still draw the page.
    const listen = (on: boolean) =>
      events.forEach((event) => {
        try {
          if (on) event?.addListener(check);
          else event?.removeListener(check);
        } catch {
          /* no such event here */
        }
      });
    listen(true);
    return () => listen(false);
  }, [ruleStatus]);
  return { problems, family: browserFamily(), onAllowSites: () => void browser.permissions.request(ALL_SITES) };
}
