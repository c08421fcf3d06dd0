import type { MessageKey } from '../i18n/i18n';
import type { CommandDeps } from '../commands/deps';
import { addTrigger as addTo, canTakeBack, type AddResult } from '../triggers/edits';
import { coveringTrigger } from '../triggers/match-trigger';
import { parseTrigger } from '../triggers/parse-trigger';
import type { Trigger } from '../triggers/trigger';

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
  if (trigger) return { checked: true, trigger, canUntick: canTakeBack(trigger, now) };
  return { checked: coveringTrigger(triggers, host, path || '/') !== undefined, canUntick: false };
}

/**
 * Adds what the person typed or ticked to the trigger list through the same command as "My
 * recovery" (lib/triggers/edits.ts: its parsing, its messages, its lock). On a mistake nothing is stored.
 */
export const addTrigger = (text: string, deps: Partial<CommandDeps> = {}): Promise<AddResult> => addTo(text, 'site', deps);

/** Unticking takes back only a fresh addition; an older one stays (its removal waits in "My recovery"). */
export { takeBackTrigger } from '../triggers/edits';
