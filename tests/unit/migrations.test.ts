/*
 * "Old data keeps working": every shape Steadfast stores has a version, and every older version a
 * person may still have on disk reads back as today's shape. WXT keeps an item's version in a meta
 * item `<key>$` (`{ v: 2 }`); a value with no meta is read as version 1 (@wxt-dev/storage,
 * `defineItem` → `migrate`). A version newer than the code knows (a downgrade) is left untouched.
 *
 * Adding or bumping a storage item means adding its row (and a fixture per older version) here:
 * the last tests fail until then. The IndexedDB history has its own ladder and fixtures per
 * version in tests/unit/history.db.test.ts; its version is pinned here too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

interface Fixture {
  /** The stored version this raw value was written by; `none` is a value written before metas existed. */
  version: number | 'none';
  raw: unknown;
  /** What the item's own reader returns for it today. */
  reads: unknown;
}

interface StoredItem {
  key: string;
  version: number;
  /** Imports the item afresh, so its migration runs against what the test stored. */
  load(): Promise<{ item: { getValue(): Promise<unknown>; migrate(): Promise<void> }; read(): Promise<unknown> }>;
  fixtures: Fixture[];
}

const T = Date.UTC(2026, 2, 1);
const remindersV1 = {
  checkin: { on: true, time: '19:30', since: T },
  planReview: { on: false, weeks: 4, since: null },
  nudge: { on: false, since: null },
  quiet: { on: true, from: '22:00', to: '07:00' },
  snoozed: null,
  shown: { checkin: T, 'plan-review': null, nudge: null },
  pending: null,
};
const site = { id: 'a', kind: 'site', display: 'example.com', host: 'example.com', addedAt: T };
const path = { id: 'b', kind: 'path', display: 'other.org/forum', host: 'other.org', path: '/forum', addedAt: T };
const emptyPlanV1 = {
  reasons: [],
  highRiskSituations: '',
  earlyWarningSigns: '',
  ifThenSteps: [],
  copingStrategies: [],
  supportPeople: [],
  professionalContacts: '',
  afterASetback: '',
  dailyRoutine: '',
  reviewDate: '',
};
const planV1 = {
  ...emptyPlanV1,
  reasons: ['My kids'],
  ifThenSteps: [{ id: 's1', when: 'Friday night alone', then: 'Call Sam' }],
  supportPeople: [{ id: 'p1', name: 'Sam', relationship: 'friend', phone: '07700 900123', email: '', willDo: 'Pick up' }],
  reviewDate: '2026-06-01',
};
const emptySafetyV2 = {
  safetyWarningSigns: [],
  safetyOnMyOwn: [],
  safetyDistractions: [],
  safetyHelpers: [],
  safetyServices: [],
  safetySurroundings: [],
  reasonsForLiving: [],
};
const planV2 = {
  ...planV1,
  ...emptySafetyV2,
  safetyWarningSigns: ['Not sleeping', 'Thinking “what’s the point”'],
  safetyHelpers: ['p1'],
  safetyServices: ['directory:uk-samaritans', 'mine:m1'],
  reasonsForLiving: ['My kids'],
};
const emptyBoxesV3 = { cbaUsingGives: [], cbaUsingCosts: [], cbaNotUsingGives: [], cbaNotUsingCosts: [] };
const planV3 = {
  ...planV2,
  cbaUsingGives: ['A break from my thoughts'],
  cbaUsingCosts: ['Money', 'My bladder'],
  cbaNotUsingGives: ['Clear mornings'],
  cbaNotUsingCosts: ['Long evenings'],
};
const service = { id: 'm1', name: 'Clinic', phone: '0300 123 4567', sms: '', url: 'https://clinic.example.org/', note: 'Mornings' };
const partnerV1 = {
  key: { algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
  waitDays: 7,
  turnedOnAt: T,
  attempts: { inARow: 1, notBefore: 0, total: 1, since: T },
};
const pendingV1 = [{ id: 'c1', kind: 'remove-trigger', triggerId: 'a', label: 'Remove example.com', requestedAt: T, effectiveAt: T + 86_400_000 }];
const list = { id: 'l1', name: 'Gambling', mode: 'block', addedAt: T, domains: ['bet.example', 'casino.example'] };

const ITEMS: StoredItem[] = [
  {
    key: 'triggers',
    version: 2,
    load: async () => {
      const { triggerListItem } = await import('../../lib/triggers/trigger-list');
      return { item: triggerListItem, read: () => triggerListItem.getValue() };
    },
    fixtures: [
      // Every v1 trigger had no way through: each becomes Block (an update never loosens).
      { version: 'none', raw: [site], reads: [{ ...site, mode: 'block' }] },
      {
        version: 1,
        raw: [site, path],
        reads: [
          { ...site, mode: 'block' },
          { ...path, mode: 'block' },
        ],
      },
      { version: 2, raw: [{ ...site, mode: 'pause' }], reads: [{ ...site, mode: 'pause' }] },
    ],
  },
  {
    key: 'plan',
    version: 3,
    load: async () => {
      const { planItem, loadPlan } = await import('../../lib/plan/plan-item');
      return { item: planItem, read: loadPlan };
    },
    fixtures: [
      // Version 2 adds the safety plan's steps, empty; version 3 the four boxes, empty; everything written before stays.
      { version: 1, raw: planV1, reads: { ...planV1, ...emptySafetyV2, ...emptyBoxesV3 } },
      // A partial value (an early build wrote only what was filled in) is completed.
      { version: 'none', raw: { reasons: ['My kids'] }, reads: { ...emptyPlanV1, ...emptySafetyV2, ...emptyBoxesV3, reasons: ['My kids'] } },
      // A version 2 plan written without its meta (read as version 1) keeps its safety plan.
      { version: 'none', raw: planV2, reads: { ...planV2, ...emptyBoxesV3 } },
      { version: 2, raw: planV2, reads: { ...planV2, ...emptyBoxesV3 } },
      // A version 3 plan written without its meta keeps its four boxes.
      { version: 'none', raw: planV3, reads: planV3 },
      { version: 2, raw: planV3, reads: planV3 },
      { version: 3, raw: planV3, reads: planV3 },
    ],
  },
  {
    key: 'settings',
    version: 2,
    load: async () => {
      const { settingsItem, loadSettings } = await import('../../lib/settings/settings-item');
      return { item: settingsItem, read: loadSettings };
    },
    fixtures: [
      // Version 2 added "pause copies on translation and archive services", on for everyone.
      { version: 1, raw: { waitSeconds: 45, coolingOffHours: 48 }, reads: { waitSeconds: 45, coolingOffHours: 48, pauseCopies: true } },
      { version: 'none', raw: { waitSeconds: 45 }, reads: { waitSeconds: 45, coolingOffHours: 24, pauseCopies: true } },
      { version: 2, raw: { waitSeconds: 45, coolingOffHours: 48, pauseCopies: false }, reads: { waitSeconds: 45, coolingOffHours: 48, pauseCopies: false } },
    ],
  },
  {
    key: 'ruleStatus',
    version: 1,
    load: async () => {
      const { ruleStatusItem } = await import('../../lib/blocking/rule-status-item');
      return { item: ruleStatusItem, read: () => ruleStatusItem.getValue() };
    },
    fixtures: [
      {
        version: 1,
        raw: { notInForce: [{ id: 't1', display: 'forum.test/late', part: 'trigger', reason: 'limit' }] },
        reads: { notInForce: [{ id: 't1', display: 'forum.test/late', part: 'trigger', reason: 'limit' }] },
      },
    ],
  },
  {
    key: 'blocklists',
    version: 1,
    load: async () => {
      const { blocklistsItem } = await import('../../lib/triggers/blocklist-item');
      return { item: blocklistsItem, read: () => blocklistsItem.getValue() };
    },
    fixtures: [{ version: 1, raw: [list], reads: [list] }],
  },
  {
    key: 'pending',
    version: 1,
    load: async () => {
      const { pendingItem } = await import('../../lib/triggers/pending-item');
      return { item: pendingItem, read: () => pendingItem.getValue() };
    },
    fixtures: [{ version: 1, raw: pendingV1, reads: pendingV1 }],
  },
  {
    key: 'partnerLock',
    version: 1,
    load: async () => {
      const { partnerLockItem, loadPartnerLock } = await import('../../lib/partner/partner-lock');
      return { item: partnerLockItem, read: loadPartnerLock };
    },
    fixtures: [{ version: 1, raw: partnerV1, reads: partnerV1 }],
  },
  {
    key: 'streak',
    version: 1,
    load: async () => {
      const { streakStartItem } = await import('../../lib/history/streak-start-item');
      return { item: streakStartItem, read: () => streakStartItem.getValue() };
    },
    fixtures: [
      { version: 1, raw: { startedOn: '2026-01-02', substance: 'ketamine' }, reads: { startedOn: '2026-01-02', substance: 'ketamine' } },
      { version: 1, raw: { startedOn: '2026-01-02' }, reads: { startedOn: '2026-01-02' } },
    ],
  },
  {
    key: 'helpRegion',
    version: 1,
    load: async () => {
      const { helpRegionItem, loadHelpRegion } = await import('../../lib/help/help-region-item');
      return { item: helpRegionItem, read: () => loadHelpRegion('en-GB') };
    },
    fixtures: [
      { version: 1, raw: 'IE', reads: 'IE' },
      // A region a later directory dropped falls back to the locale's, never to nothing.
      { version: 1, raw: 'ZZ', reads: 'GB' },
    ],
  },
  {
    key: 'myServices',
    version: 1,
    load: async () => {
      const { myServicesItem, loadMyServices } = await import('../../lib/help/my-services');
      return { item: myServicesItem, read: loadMyServices };
    },
    fixtures: [{ version: 1, raw: [service], reads: [service] }],
  },
  {
    key: 'recentPrompts',
    version: 1,
    load: async () => {
      const { recentPromptsItem } = await import('../../lib/coping/recent-prompts-item');
      return { item: recentPromptsItem, read: () => recentPromptsItem.getValue() };
    },
    fixtures: [{ version: 1, raw: ['breathe-4-6', 'halt'], reads: ['breathe-4-6', 'halt'] }],
  },
  {
    key: 'welcome',
    version: 1,
    load: async () => {
      const { welcomeItem, loadWelcome } = await import('../../lib/welcome/welcome-item');
      return { item: welcomeItem, read: () => loadWelcome() };
    },
    fixtures: [
      {
        version: 1,
        raw: { place: 'plan', reason: 'My daughter', supportPersonId: 'p1' },
        reads: { place: 'plan', reason: 'My daughter', supportPersonId: 'p1' },
      },
      // A place this version does not know starts the steps again and keeps the pointers to the answers.
      { version: 1, raw: { place: 'someday', ifThenStepId: 's1' }, reads: { place: 'streak', ifThenStepId: 's1' } },
    ],
  },
  {
    key: 'healthCardOpen',
    version: 1,
    load: async () => {
      const { healthCardItem } = await import('../../lib/help/health-card');
      return { item: healthCardItem, read: () => healthCardItem.getValue() };
    },
    fixtures: [{ version: 1, raw: true, reads: true }],
  },
  {
    key: 'autoBackup',
    version: 1,
    load: async () => {
      const { autoBackupItem } = await import('../../lib/backup/auto-backup-item');
      return { item: autoBackupItem, read: () => autoBackupItem.getValue() };
    },
    fixtures: [
      {
        version: 1,
        raw: { enabled: true, lastSavedAt: T, changedAt: null, saved: [{ id: 7, at: T }], problem: null },
        reads: { enabled: true, lastSavedAt: T, changedAt: null, saved: [{ id: 7, at: T }], problem: null },
      },
    ],
  },
  {
    key: 'reminders',
    version: 1,
    load: async () => {
      const { remindersItem, loadReminders } = await import('../../lib/reminders/reminders-item');
      return { item: remindersItem, read: () => loadReminders() };
    },
    fixtures: [
      {
        version: 1,
        raw: remindersV1,
        reads: remindersV1,
      },
    ],
  },
  {
    key: 'syncState',
    version: 1,
    load: async () => {
      const { syncStateItem } = await import('../../lib/sync/sync-state-item');
      return { item: syncStateItem, read: () => syncStateItem.getValue() };
    },
    fixtures: [{ version: 1, raw: { enabled: true, base: null, report: null }, reads: { enabled: true, base: null, report: null } }],
  },
  {
    key: 'latestTimeSeen',
    version: 1,
    load: async () => {
      const { latestSeenItem } = await import('../../lib/time/trusted-clock');
      return { item: latestSeenItem, read: () => latestSeenItem.getValue() };
    },
    fixtures: [{ version: 1, raw: T, reads: T }],
  },
];

async function store(key: string, raw: unknown, version: number | 'none') {
  await fakeBrowser.storage.local.set(version === 'none' ? { [key]: raw } : { [key]: raw, [`${key}$`]: { v: version } });
}

const rows = ITEMS.flatMap((item) => item.fixtures.map((fixture) => ({ ...fixture, item, name: `${item.key} from version ${fixture.version}` })));

describe("every older stored version reads back as today's shape", () => {
  test.each(rows)('$name', async ({ item, raw, version, reads }) => {
    await store(item.key, raw, version);
    vi.resetModules();
    const { item: defined, read } = await item.load();
    await defined.migrate();
    expect(await read()).toEqual(reads);
    // Once migrated, it is stored at today's version, so it is never migrated twice.
    const meta = (await fakeBrowser.storage.local.get(`${item.key}$`))[`${item.key}$`] as { v?: number } | undefined;
    if (version !== item.version) expect(meta?.v ?? 1).toBe(item.version);
  });

  test.each(ITEMS)('$key has a fixture for every version from 1 to $version', ({ fixtures, version }) => {
    const versions = new Set(fixtures.map((f) => (f.version === 'none' ? 1 : f.version)));
    expect([...versions].sort()).toEqual(Array.from({ length: version }, (_, i) => i + 1));
  });
});

describe('a shape from a newer Steadfast (after a downgrade) is not destroyed', () => {
  test.each(ITEMS)('$key at version $version + 1 stays as it was', async (item) => {
    const newer = { fromTheFuture: true, value: item.fixtures.at(-1)!.raw };
    await store(item.key, newer, item.version + 1);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.resetModules();
    const { item: defined, read } = await item.load();
    await defined.getValue();
    await read().catch(() => undefined);
    const after = await fakeBrowser.storage.local.get([item.key, `${item.key}$`]);
    expect(after).toEqual({ [item.key]: newer, [`${item.key}$`]: { v: item.version + 1 } });
    errors.mockRestore();
  });
});

describe('the table covers every stored shape', () => {
  const root = join(import.meta.dirname, '../..');
  const sources = readdirSync(join(root, 'lib'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
  const defined = sources.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/defineItem(?:<[^(]*>)?\(\s*'(\w+):([^']+)'([\s\S]{0,400})/g)].map((m) => ({
      file: relative(root, file),
      area: m[1],
      key: m[2]!,
      version: Number(/version:\s*(\d+)/.exec(m[3]!)?.[1] ?? NaN),
    }));
  });

  test("every storage.defineItem in lib/ is in the table, with an explicit version equal to the table's", () => {
    expect(defined.length).toBeGreaterThanOrEqual(ITEMS.length);
    expect(defined.map((d) => d.key).sort()).toEqual(ITEMS.map((i) => i.key).sort());
    for (const d of defined) {
      expect(d.area, d.file).toBe('local');
      expect(d.version, `${d.file}: ${d.key} needs an explicit version`).toBe(ITEMS.find((i) => i.key === d.key)?.version);
    }
  });

  test('the IndexedDB history is at the version its fixtures in history.db.test.ts cover', async () => {
    const { HISTORY_VERSION } = await import('../../lib/history/db');
    // Bumping it means adding that version's fixture to OLD_VERSIONS there, and updating this line.
    expect(HISTORY_VERSION).toBe(4);
    const dbTest = readFileSync(join(import.meta.dirname, 'history.db.test.ts'), 'utf8');
    expect(dbTest).toMatch(/test\.each\(OLD_VERSIONS\)\('from \$name keeps every record'/);
  });
});
