import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Rule } from '../../lib/blocking/build-rules';
import { FakeDynamicRules } from './dnr';
import { FakeSessionRules } from './session-rules';

/** An event a test can fire: the listeners are called in order and their answers returned. */
export class FakeEvent<L extends (...args: never[]) => unknown> {
  listeners: L[] = [];
  addListener(listener: L) {
    this.listeners.push(listener);
  }
  removeListener(listener: L) {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  hasListener(listener: L) {
    return this.listeners.includes(listener);
  }
  fire(...args: Parameters<L>): unknown[] {
    return this.listeners.map((listener) => listener(...args));
  }
}

/** `declarativeNetRequest` with both rule sets: dynamic (tests/fakes/dnr.ts) and session. */
export class FakeDeclarativeNetRequest extends FakeDynamicRules {
  session = new FakeSessionRules();
  getSessionRules(): Promise<Rule[]> {
    return this.session.getSessionRules();
  }
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void> {
    return this.session.updateSessionRules(options);
  }
}

/** `permissions`: site access granted or not, with its events. */
export class FakePermissions {
  siteAccess = true;
  onAdded = new FakeEvent<() => void>();
  onRemoved = new FakeEvent<() => void>();
  async contains(): Promise<boolean> {
    return this.siteAccess;
  }
  async request(): Promise<boolean> {
    this.siteAccess = true;
    this.onAdded.fire();
    return true;
  }
}

export interface BackgroundFakes {
  dnr: FakeDeclarativeNetRequest;
  permissions: FakePermissions;
  badge: { text: string; title: string };
  uninstallUrl: { value?: string };
}

/**
 * What WXT's fakeBrowser lacks for the background, put on it in memory: rules, permissions,
 * private-window access, the badge, the uninstall page and the keep-awake call. Call after
 * `fakeBrowser.reset()` (tests/unit/setup.ts does that before each test).
 */
export function installBackgroundFakes(): BackgroundFakes {
  const dnr = new FakeDeclarativeNetRequest();
  const permissions = new FakePermissions();
  const badge = { text: '', title: '' };
  const uninstallUrl: { value?: string } = {};
  const fake = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  fake.declarativeNetRequest = dnr as unknown as Record<string, unknown>;
  fake.permissions = permissions as unknown as Record<string, unknown>;
  fake.extension = { ...fake.extension, isAllowedIncognitoAccess: async () => true };
  fake.action = {
    ...fake.action,
    setBadgeText: async ({ text }: { text: string }) => void (badge.text = text),
    setBadgeBackgroundColor: async () => {},
    setTitle: async ({ title }: { title: string }) => void (badge.title = title),
  };
  Object.assign(fakeBrowser.runtime, {
    setUninstallURL: async (url: string) => void (uninstallUrl.value = url),
    getPlatformInfo: async () => ({ os: 'linux', arch: 'x86-64' }),
  });
  queryByMatchPatterns();
  return { dnr, permissions, badge, uninstallUrl };
}

const PATTERNS_KNOWN = Symbol('match patterns');

/** fakeBrowser's `tabs.query` compares `url` exactly; a browser reads match patterns (`https://*\/*`). */
function queryByMatchPatterns() {
  const tabs = fakeBrowser.tabs as typeof fakeBrowser.tabs & { [PATTERNS_KNOWN]?: true };
  if (tabs[PATTERNS_KNOWN]) return;
  const query = tabs.query.bind(tabs);
  const matches = (url: string | undefined, pattern: string) =>
    url !== undefined && new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url);
  tabs.query = (async ({ url, ...rest }: Parameters<typeof query>[0]) => {
    const all = await query(rest);
    const patterns = url === undefined ? undefined : [url].flat();
    return patterns ? all.filter((tab) => patterns.some((pattern) => matches(tab.url, pattern))) : all;
  }) as typeof tabs.query;
  tabs[PATTERNS_KNOWN] = true;
}
