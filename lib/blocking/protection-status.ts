import { browser } from 'wxt/browser';
import { t, tCount } from '../i18n/i18n';
import type { NotInForce } from './build-rules';
import { ruleStatusItem } from './rule-status-item';

/**
 * "Protection off is loud" (issue 15, item 6): what is switched off, decided here once for the
 * toolbar badge (entrypoints/background.ts), the popup's first line and My recovery.
 */

/** What the browser says about Steadfast's reach, and what its rules could not hold. */
export interface ProtectionFacts {
  /** `permissions.contains({origins: ['<all_urls>']})`: without it the browser ignores the rules. */
  siteAccess: boolean;
  /** `extension.isAllowedIncognitoAccess()`: off by default in Chrome and Firefox. */
  privateWindows: boolean;
  /** From the background's last repair of the rules (lib/blocking/rule-status-item.ts). */
  notInForce: readonly NotInForce[];
}

export type ProtectionProblem =
  { kind: 'site-access' } | { kind: 'not-in-force'; names: string[] } | { kind: 'private-windows' } | { kind: 'copies'; names: string[] };

export type BrowserFamily = 'chrome' | 'firefox';

/** What is off, the most serious first: no site at all, then triggers, then windows, then copies. */
export function protectionProblems(facts: ProtectionFacts): ProtectionProblem[] {
  const problems: ProtectionProblem[] = [];
  if (!facts.siteAccess) problems.push({ kind: 'site-access' });
  const names = (part: NotInForce['part']) => [...new Set(facts.notInForce.filter((entry) => entry.part === part).map((entry) => entry.display))];
  const triggers = names('trigger');
  if (triggers.length > 0) problems.push({ kind: 'not-in-force', names: triggers });
  if (!facts.privateWindows) problems.push({ kind: 'private-windows' });
  const copies = names('copies');
  if (copies.length > 0) problems.push({ kind: 'copies', names: copies });
  return problems;
}

/** Names shown in full; the rest are counted. */
const SHOWN_NAMES = 5;

function namesText(names: readonly string[]): string {
  const shown = names
    .slice(0, SHOWN_NAMES)
    .map((name) => `“${name}”`)
    .join(', ');
  return names.length > SHOWN_NAMES ? tCount('protection_andMore', names.length - SHOWN_NAMES, [shown]) : shown;
}

/** The words for one problem: what is off, and how to turn it back on in this browser. */
export function describeProblem(problem: ProtectionProblem, family: BrowserFamily): { what: string; how: string } {
  const firefox = family === 'firefox';
  switch (problem.kind) {
    case 'site-access':
      return { what: t('protection_siteAccessOff'), how: t(firefox ? 'protection_siteAccessStepsFirefox' : 'protection_siteAccessStepsChrome') };
    case 'not-in-force':
      return { what: t('protection_notInForce', [namesText(problem.names)]), how: t('protection_notInForceSteps') };
    case 'private-windows':
      return { what: t('protection_privateOff'), how: t(firefox ? 'protection_privateStepsFirefox' : 'protection_privateStepsChrome') };
    case 'copies':
      return { what: t('protection_copiesOff', [namesText(problem.names)]), how: t('protection_notInForceSteps') };
  }
}

export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** The toolbar badge: empty when all is on; `!` and the first problem in its tooltip otherwise. */
export function badgeFor(problems: readonly ProtectionProblem[], family: BrowserFamily): Badge {
  const first = problems[0];
  if (!first) return { text: '', color: '#1d5c4d', title: t('extName') };
  const serious = first.kind === 'site-access' || first.kind === 'not-in-force';
  return { text: '!', color: serious ? '#b3261e' : '#8a4b00', title: `${t('extName')}: ${describeProblem(first, family).what}` };
}

/** The browser this build runs in, for the steps (WXT sets `import.meta.env.BROWSER`). */
export function browserFamily(name: string = import.meta.env.BROWSER): BrowserFamily {
  return name === 'firefox' ? 'firefox' : 'chrome';
}

export const ALL_SITES = { origins: ['<all_urls>'] };

export interface ProtectionApis {
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  status: { getValue(): Promise<{ notInForce: NotInForce[] }> };
}

async function answer<T>(ask: () => Promise<T>, otherwise: T): Promise<T> {
  try {
    return await ask();
  } catch {
    return otherwise;
  }
}

/** Asks the browser and the stored status; any answer that fails counts as off (loud, not quiet). */
export async function readProtection(
  apis: ProtectionApis = { permissions: browser.permissions, extension: browser.extension, status: ruleStatusItem },
): Promise<ProtectionFacts> {
  const [siteAccess, privateWindows, status] = await Promise.all([
    answer(() => apis.permissions.contains(ALL_SITES), false),
    answer(() => apis.extension.isAllowedIncognitoAccess(), false),
    answer(() => apis.status.getValue(), { notInForce: [] }),
  ]);
  return { siteAccess, privateWindows, notInForce: status.notInForce };
}

export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

/** Shows `badge` on the toolbar button. */
export async function showBadge(badge: Badge, action: BadgeApi = browser.action): Promise<void> {
  await action.setBadgeText({ text: badge.text });
  await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setTitle({ title: badge.title });
}
