/*
 * What a restore will store, decided from what is stored now and what the backup holds (pure).
 * A backup must not become a way round the cooling-off (lib/triggers/cooling-off.ts): a trigger the
 * backup lacks, or has as Pause where it is Block now, and a shorter wait or delay, wait out the
 * same delay as any loosening change. Tightening happens at once.
 *
 * A date from outside is never trusted: a trigger or list this device already holds keeps its own
 * `addedAt`, and one new to it is dated `now`, so an edited backup can never make an old trigger
 * "fresh" (free to take back at once). A list held here keeps every domain it has: a file can add
 * domains to it, never take them away.
 */
import type { MyService } from '../help/my-services';
import type { RegionCode } from '../help/directory';
import type { StreakStart } from '../history/streak-start-item';
import { restoredPartner, type PartnerLock } from '../partner/partner-lock';
import type { Plan } from '../plan/plan';
import type { Settings } from '../settings/settings-item';
import type { Blocklist } from '../triggers/blocklist';
import { changeLabel, lengthenWaits, looseningDelayMs, waitOut, type LooseningChange, type PendingChange } from '../triggers/cooling-off';
import type { Trigger } from '../triggers/trigger';
import type { BackupData } from './schema';

export type RestoreMode = 'replace' | 'merge';

/** Everything in `storage.local` that a restore reads or writes. */
export interface StoredConfig {
  triggers: Trigger[];
  blocklists: Blocklist[];
  plan: Plan;
  settings: Settings;
  streak: StreakStart | null;
  helpRegion: RegionCode | null;
  myServices: MyService[];
  /** Never in a backup unless the person ticks the box (lib/backup/export.ts). */
  partner: PartnerLock | null;
  pending: PendingChange[];
}

/** Two triggers that pause the same thing are one, whatever their ids. */
export const triggerKey = (t: Pick<Trigger, 'kind' | 'host' | 'path' | 'keyword'>): string => JSON.stringify([t.kind, t.host, t.path ?? '', t.keyword ?? '']);

function unionById<T extends { id: string }>(mine: readonly T[], theirs: readonly T[]): T[] {
  const ids = new Set(mine.map((x) => x.id));
  return [...mine, ...theirs.filter((x) => !ids.has(x.id))];
}

const union = (mine: readonly string[], theirs: readonly string[]): string[] => [...new Set([...mine, ...theirs])];

function mergePlan(mine: Plan, theirs: Plan): Plan {
  const either = (a: string, b: string) => (a.trim() ? a : b);
  return {
    reasons: union(mine.reasons, theirs.reasons),
    highRiskSituations: either(mine.highRiskSituations, theirs.highRiskSituations),
    earlyWarningSigns: either(mine.earlyWarningSigns, theirs.earlyWarningSigns),
    ifThenSteps: unionById(mine.ifThenSteps, theirs.ifThenSteps),
    copingStrategies: union(mine.copingStrategies, theirs.copingStrategies),
    supportPeople: unionById(mine.supportPeople, theirs.supportPeople),
    professionalContacts: either(mine.professionalContacts, theirs.professionalContacts),
    afterASetback: either(mine.afterASetback, theirs.afterASetback),
    dailyRoutine: either(mine.dailyRoutine, theirs.dailyRoutine),
    reviewDate: mine.reviewDate || theirs.reviewDate,
    // Safety plan steps: a step written here stays as it is; an empty one takes the backup's.
    // Lists are kept whole rather than mixed, so a step never grows past its limits.
    safetyWarningSigns: eitherList(mine.safetyWarningSigns, theirs.safetyWarningSigns),
    safetyOnMyOwn: eitherList(mine.safetyOnMyOwn, theirs.safetyOnMyOwn),
    safetyDistractions: eitherList(mine.safetyDistractions, theirs.safetyDistractions),
    safetyHelpers: eitherList(mine.safetyHelpers, theirs.safetyHelpers),
    safetyServices: eitherList(mine.safetyServices, theirs.safetyServices),
    safetySurroundings: eitherList(mine.safetySurroundings, theirs.safetySurroundings),
    reasonsForLiving: eitherList(mine.reasonsForLiving, theirs.reasonsForLiving),
    // The four boxes likewise: a box written here stays; an empty one takes the backup's.
    cbaUsingGives: eitherList(mine.cbaUsingGives, theirs.cbaUsingGives),
    cbaUsingCosts: eitherList(mine.cbaUsingCosts, theirs.cbaUsingCosts),
    cbaNotUsingGives: eitherList(mine.cbaNotUsingGives, theirs.cbaNotUsingGives),
    cbaNotUsingCosts: eitherList(mine.cbaNotUsingCosts, theirs.cbaNotUsingCosts),
  };
}

const eitherList = (mine: readonly string[], theirs: readonly string[]): string[] => [...(mine.length > 0 ? mine : theirs)];

/** The backup's triggers after what is here now, none twice; a trigger here wins but takes Block from the backup. */
function mergeTriggers(mine: readonly Trigger[], theirs: readonly Trigger[], now: number, makeId: () => string): Trigger[] {
  const byKey = new Map(theirs.map((t) => [triggerKey(t), t]));
  const kept = mine.map((t) => (byKey.get(triggerKey(t))?.mode === 'block' ? { ...t, mode: 'block' as const } : t));
  const keys = new Set(mine.map(triggerKey));
  const ids = new Set(mine.map((t) => t.id));
  const added = theirs.filter((t) => !keys.has(triggerKey(t))).map((t) => ({ ...t, id: ids.has(t.id) ? makeId() : t.id, addedAt: now }));
  return [...kept, ...added];
}

/** A trigger that is here now keeps its id (changes already waiting for it still find it) and its date. */
function replaceTriggers(mine: readonly Trigger[], theirs: readonly Trigger[], now: number, makeId: () => string): Trigger[] {
  const byKey = new Map(mine.map((t) => [triggerKey(t), t]));
  const theirIds = new Set<string>();
  const taken = new Set(mine.map((t) => t.id));
  return theirs.map((t) => {
    const here = byKey.get(triggerKey(t));
    if (here) return { ...t, id: here.id, addedAt: here.addedAt };
    const id = taken.has(t.id) || theirIds.has(t.id) ? makeId() : t.id;
    theirIds.add(id);
    return { ...t, id, addedAt: now };
  });
}

export interface RestorePlan {
  config: StoredConfig;
  /** Loosening changes the restore asked for, now waiting out the cooling-off. */
  waiting: PendingChange[];
}

export function planRestore(
  current: StoredConfig,
  backup: BackupData,
  mode: RestoreMode,
  now = Date.now(),
  makeId: () => string = () => crypto.randomUUID(),
): RestorePlan {
  const merging = mode === 'merge';
  const wanted = merging ? mergeTriggers(current.triggers, backup.triggers, now, makeId) : replaceTriggers(current.triggers, backup.triggers, now, makeId);
  const wantedByKey = new Map(wanted.map((t) => [triggerKey(t), t]));
  // The lock first: a backup that turns it on makes this restore's own loosening wait its long wait too.
  const partner = restoredPartner(current.partner, backup.partnerLock, now);
  let pending = partner && !current.partner ? lengthenWaits(current.pending, looseningDelayMs({ settings: current.settings, partner })) : current.pending;
  const waiting: PendingChange[] = [];
  /**
   * `name` is the trigger's or list's, in the words the person reads beside the waiting change. A
   * change already waiting keeps its time: restoring the same file again never restarts it.
   */
  const wait = (change: LooseningChange, name?: string) => {
    const asked = waitOut({ settings: current.settings, partner, pending }, change, changeLabel(change, name), now, makeId);
    pending = asked.pending;
    waiting.push(asked.change);
  };

  // Triggers here now stay as they are until their cooling-off is over.
  const triggers = [...wanted];
  for (const here of current.triggers) {
    const there = wantedByKey.get(triggerKey(here));
    if (!there) {
      triggers.push(here);
      wait({ kind: 'remove-trigger', triggerId: here.id }, here.display);
    } else if (here.mode === 'block' && there.mode === 'pause') {
      triggers[triggers.indexOf(there)] = { ...there, mode: 'block' };
      wait({ kind: 'pause-mode', triggerId: here.id }, here.display);
    }
  }

  // Imported lists likewise, by id: one here now that the backup drops (Replace), or turns from
  // Block to Pause, stays as it is until the cooling-off is over; Block from the backup is at once.
  const theirLists = new Map(backup.blocklists.map((l) => [l.id, l]));
  const blocklists: Blocklist[] = [];
  for (const here of current.blocklists) {
    const there = theirLists.get(here.id);
    theirLists.delete(here.id);
    if (!there) {
      blocklists.push(here);
      if (!merging) wait({ kind: 'remove-list', listId: here.id }, here.name);
      continue;
    }
    const mode = here.mode === 'block' || there.mode === 'block' ? 'block' : 'pause';
    if (!merging && here.mode === 'block' && there.mode === 'pause') wait({ kind: 'pause-list', listId: here.id }, here.name);
    blocklists.push({ ...here, name: merging ? here.name : there.name, mode, domains: union(here.domains, there.domains) });
  }
  for (const there of theirLists.values()) blocklists.push({ ...there, addedAt: now });

  const desired = merging
    ? {
        waitSeconds: Math.max(current.settings.waitSeconds, backup.settings.waitSeconds),
        coolingOffHours: Math.max(current.settings.coolingOffHours, backup.settings.coolingOffHours),
      }
    : backup.settings;
  const settings = { ...current.settings };
  if (desired.waitSeconds >= settings.waitSeconds) settings.waitSeconds = desired.waitSeconds;
  else wait({ kind: 'shorter-wait', waitSeconds: desired.waitSeconds });
  if (desired.coolingOffHours >= settings.coolingOffHours) settings.coolingOffHours = desired.coolingOffHours;
  else wait({ kind: 'shorter-cooling-off', coolingOffHours: desired.coolingOffHours });

  const config: StoredConfig = merging
    ? {
        triggers,
        blocklists,
        plan: mergePlan(current.plan, backup.plan),
        settings,
        streak: current.streak ?? backup.streak,
        helpRegion: current.helpRegion ?? backup.helpRegion,
        myServices: unionById(current.myServices, backup.myServices),
        partner,
        pending,
      }
    : {
        triggers,
        blocklists,
        plan: backup.plan,
        settings,
        streak: backup.streak,
        helpRegion: backup.helpRegion,
        myServices: backup.myServices,
        partner,
        pending,
      };
  return { config, waiting };
}
