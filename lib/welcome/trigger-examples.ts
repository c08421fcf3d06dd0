import type { MessageKey } from '../i18n/i18n';
import { isFreshAddition } from '../triggers/cooling-off';
import { coveringTrigger } from '../triggers/match-trigger';
import { parseTrigger, type ParseTriggerResult } from '../triggers/parse-trigger';
import type { Trigger } from '../triggers/trigger';
import { triggerListItem } from '../triggers/trigger-list';

/**
 * Places where people recovering from ketamine and other drugs often meet a pull back: talk about
 * the drug, and the messaging apps that dealers use. Offered to tick, never ticked for the person:
 * only they know what pulls at them, and blocking a messenger they use to reach their support
 * people would cut them off from help. Each is what a person would type in "My recovery".
 */
export const TRIGGER_EXAMPLES: readonly { site: string; about: MessageKey }[] = [
  { site: 'reddit.com/r/ketamine', about: 'welcome_exampleKetamineSubreddit' },
  { site: 'reddit.com/r/drugs', about: 'welcome_exampleDrugsSubreddit' },
  { site: 'bluelight.org', about: 'welcome_exampleBluelight' },
  { site: 'drugs-forum.com', about: 'welcome_exampleDrugsForum' },
  { site: 'web.telegram.org', about: 'welcome_exampleTelegram' },
  { site: 'snapchat.com', about: 'welcome_exampleSnapchat' },
];

export interface ExampleState {
  /** Ticked: the example, or a wider trigger that covers it, is in the list. */
  checked: boolean;
  /** The example's own trigger, when the list holds exactly it. */
  trigger?: Trigger;
  /** Unticking takes it away at once only while it is a fresh addition (as "My recovery" does). */
  canUntick: boolean;
}

/** How an example stands against the person's list now. */
export function exampleState(site: string, triggers: readonly Trigger[], now: number): ExampleState {
  const parsed = parseTrigger(site, [], now, () => 'example');
  if (!parsed.ok) return { checked: false, canUntick: false };
  const { host, path = '' } = parsed.trigger;
  const trigger = triggers.find((t) => t.kind !== 'keyword' && t.host === host && (t.path ?? '').toLowerCase() === path.toLowerCase());
  if (trigger) return { checked: true, trigger, canUntick: isFreshAddition(trigger, now) };
  return { checked: coveringTrigger(triggers, host, path || '/') !== undefined, canUntick: false };
}

/**
 * Adds what the person typed or ticked to the trigger list, exactly as "My recovery" does (its
 * parsing, its messages, the same stored list the background turns into the blocking rule). The
 * list is read afresh: another window may have changed it. On a mistake nothing is stored.
 */
export async function addTrigger(text: string, item = triggerListItem, now = Date.now()): Promise<{ added: Trigger } | { error: string }> {
  const current = await item.getValue();
  const parsed: ParseTriggerResult = parseTrigger(text, current, now);
  if (!parsed.ok) return { error: parsed.message };
  await item.setValue([...current, parsed.trigger]);
  return { added: parsed.trigger };
}

/** Takes back a trigger added in the last few minutes; an older one stays (its removal waits in "My recovery"). */
export async function takeBackTrigger(id: string, item = triggerListItem, now = Date.now()): Promise<boolean> {
  const current = await item.getValue();
  const trigger = current.find((t) => t.id === id);
  if (!trigger || !isFreshAddition(trigger, now)) return false;
  await item.setValue(current.filter((t) => t.id !== id));
  return true;
}
