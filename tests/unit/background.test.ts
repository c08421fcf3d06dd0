import { startTasks } from '../../lib/background/start-tasks';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COOLING_OFF_ALARM, startBackground, type Background, type BackgroundOptions } from '../../lib/background/background';
import { pausePageUrl } from '../../lib/blocking/sync-rules';
import { ruleStatusItem } from '../../lib/blocking/rule-status-item';
import { latestSeenItem } from '../../lib/time/trusted-clock';
import { pendingItem } from '../../lib/triggers/pending-item';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import type { PendingChange } from '../../lib/triggers/cooling-off';
import type { Trigger } from '../../lib/triggers/trigger';
import { installBackgroundFakes, type BackgroundFakes } from '../fakes/browser-apis';

/*
 * The background's logic (lib/background/background.ts) against WXT's fakeBrowser and in-memory
 * fakes of what it lacks (tests/fakes/browser-apis.ts): rules, permissions, badge, alarms.
 */

const NOW = Date.UTC(2026, 10, 26, 12);
const site = (host: string, mode: Trigger['mode'] = 'pause', addedAt = NOW - 30 * 86_400_000): Trigger => ({
  id: host,
  kind: 'site',
  mode,
  display: host,
  host,
  addedAt,
});
/** The test sites the rules hold (the rules also hold translation and archive services' copies). */
const hostsInRules = (fakes: BackgroundFakes) =>
  [...new Set(fakes.dnr.rules.flatMap((rule) => rule.condition.requestDomains ?? []).filter((host) => host.endsWith('.test')))].sort();

/** Clocks the test moves by hand, and timers it can see. */
function clocks() {
  const time = { wall: NOW, mono: 1_000 };
  const intervals = new Set<number>();
  let next = 1;
  const timers = {
    setInterval: (() => {
      const id = next++;
      intervals.add(id);
      return id;
    }) as unknown as typeof setInterval,
    clearInterval: ((id: number) => void intervals.delete(id)) as typeof clearInterval,
  };
  const options: BackgroundOptions = { wall: () => time.wall, mono: () => time.mono, timers };
  return { time, intervals, options };
}

let fakes: BackgroundFakes;
beforeEach(() => {
  fakes = installBackgroundFakes();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

async function start(options: BackgroundOptions = {}): Promise<Background> {
  // The start's later tasks (rules check, badge, cooling-off, sync) run at once here, as after the first pause page.
  const background = startBackground({ start: startTasks({ waitMs: 0 }), ...options });
  await background.resync();
  return background;
}

describe('the background at start-up', () => {
  test('builds the rules from the stored list and heals what was changed behind its back', async () => {
    await triggerListItem.setValue([site('trigger.test'), site('blocked.test', 'block')]);
    // Left over from before: a rule of ours for a site no longer listed, and one that is not ours at all.
    fakes.dnr.rules = [
      {
        id: 1,
        priority: 1,
        action: { type: 'redirect', redirect: { url: 'https://elsewhere.test/' } },
        condition: { requestDomains: ['gone.test'], resourceTypes: ['main_frame'] },
      },
    ];
    await start();
    expect(hostsInRules(fakes)).toEqual(['blocked.test', 'trigger.test']);
    expect(fakes.dnr.rules.every((rule) => rule.action.type !== 'redirect' || rule.action.redirect?.regexSubstitution?.startsWith(pausePageUrl()))).toBe(true);
    expect((await ruleStatusItem.getValue()).notInForce).toEqual([]);
  });

  test('the second net sweeps the open tabs: a tab already on a trigger moves to the pause page', async () => {
    await triggerListItem.setValue([site('trigger.test')]);
    const onTrigger = await fakeBrowser.tabs.create({ url: 'https://trigger.test/late-night' });
    const elsewhere = await fakeBrowser.tabs.create({ url: 'https://calm.test/' });
    await start();
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.get(onTrigger.id!)).url).toBe(`${pausePageUrl()}#https://trigger.test/late-night`));
    expect((await fakeBrowser.tabs.get(elsewhere.id!)).url).toBe('https://calm.test/');
  });

  test('watches the clock while a change waits out its cooling-off, and sets the alarm for it', async () => {
    const { options, intervals } = clocks();
    await triggerListItem.setValue([site('trigger.test')]);
    // Due an hour after the real time too: a background an earlier test started (its storage
    // watchers outlive the test) reads the real clock, and must not find the change due.
    await pendingItem.setValue([pending('p1', Math.max(NOW, Date.now()) + 3_600_000)]);
    const background = await start(options);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(COOLING_OFF_ALARM))?.name).toBe(COOLING_OFF_ALARM));
    await vi.waitFor(() => expect(background.clock.watching).toBe(true));
    expect(intervals.size).toBe(1);
  });

  test('shows the badge when site access is missing', async () => {
    fakes.permissions.siteAccess = false;
    await start();
    await vi.waitFor(() => expect(fakes.badge.text).not.toBe(''));
  });
});

function pending(id: string, effectiveAt: number): PendingChange {
  return { id, kind: 'remove-trigger', triggerId: 'trigger.test', label: 'Remove trigger.test', requestedAt: NOW - 86_400_000, effectiveAt };
}

describe('the background after start-up', () => {
  test('a change of the trigger list re-syncs the rules and pauses tabs open on a new trigger', async () => {
    await triggerListItem.setValue([site('trigger.test')]);
    const open = await fakeBrowser.tabs.create({ url: 'https://new.test/page' });
    await start();
    const before = fakes.dnr.updates;
    await triggerListItem.setValue([site('trigger.test'), site('new.test', 'pause', NOW)]);
    await vi.waitFor(() => expect(hostsInRules(fakes)).toEqual(['new.test', 'trigger.test']));
    expect(fakes.dnr.updates).toBeGreaterThan(before);
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.get(open.id!)).url).toBe(`${pausePageUrl()}#https://new.test/page`));
  });

  test('a waiting change is applied when the alarm fires after its cooling-off, not before', async () => {
    const { options, time } = clocks();
    await latestSeenItem.setValue(NOW);
    await triggerListItem.setValue([site('trigger.test'), site('other.test')]);
    await pendingItem.setValue([pending('p1', NOW + 3_600_000)]);
    await start(options);
    // Early: the alarm fires (a browser may wake it early) and nothing changes.
    await fakeBrowser.alarms.onAlarm.trigger({ name: COOLING_OFF_ALARM, scheduledTime: NOW });
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(COOLING_OFF_ALARM))?.scheduledTime).toBeGreaterThan(0));
    expect((await triggerListItem.getValue()).map((t) => t.id)).toEqual(['trigger.test', 'other.test']);
    // The hour passes, by both clocks; the alarm fires.
    time.wall += 3_600_000 + 1;
    time.mono += 3_600_000 + 1;
    await fakeBrowser.alarms.onAlarm.trigger({ name: COOLING_OFF_ALARM, scheduledTime: time.wall });
    await vi.waitFor(async () => expect((await triggerListItem.getValue()).map((t) => t.id)).toEqual(['other.test']));
    await vi.waitFor(() => expect(hostsInRules(fakes)).toEqual(['other.test']));
    expect(await pendingItem.getValue()).toEqual([]);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(COOLING_OFF_ALARM)).toBeUndefined());
  });

  test('"continue" is granted only once the background itself saw the wait pass in that tab', async () => {
    const { options, time } = clocks();
    await triggerListItem.setValue([site('trigger.test')]);
    await start(options);
    const pauseSender = { id: fakeBrowser.runtime.id, url: `${pausePageUrl()}#https://trigger.test/`, tab: { id: 7 }, frameId: 0 };
    const ask = async (sender: object = pauseSender): Promise<{ ok: boolean; message?: string }> => {
      const replies: unknown[] = await fakeBrowser.runtime.onMessage.trigger(
        { type: 'steadfast:continue', url: 'https://trigger.test/', minutes: 5 },
        sender as never,
        () => {},
      );
      return (await replies.find((reply) => reply !== undefined)) as { ok: boolean; message?: string };
    };
    // Asked before the page was even shown: refused.
    expect((await ask()).ok).toBe(false);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'steadfast:pause-shown' }, pauseSender as never, () => {});
    await vi.waitFor(async () => expect(Object.keys((await fakeBrowser.storage.session.get(null)) ?? {}).length).toBeGreaterThan(0));
    // Shown, but the wait has not passed: refused, and no rule lets the site through.
    expect((await ask()).ok).toBe(false);
    expect(fakes.dnr.session.rules).toEqual([]);
    // Not from the pause page: refused, whatever it says.
    const stranger = await ask({ id: fakeBrowser.runtime.id, url: 'https://trigger.test/', tab: { id: 7 }, frameId: 0 });
    expect(stranger).toEqual({ ok: false, message: 'Only the pause page can do that.' });
    // The wait passes by the background's own clocks: granted, for that tab only.
    time.wall += 120_000;
    time.mono += 120_000;
    expect((await ask()).ok).toBe(true);
    expect(fakes.dnr.session.rules).toHaveLength(1);
    expect(fakes.dnr.session.rules[0]!.condition.tabIds).toEqual([7]);
  });
});
