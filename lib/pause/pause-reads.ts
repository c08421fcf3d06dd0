import { choosePrompt, personalPrompts, rememberShown } from '../coping/choose-prompt';
import { COPING_PROMPTS, type Prompt } from '../coping/prompts';
import { recentPromptsItem } from '../coping/recent-prompts-item';
import { loadRecoveryState, type RecoveryState } from '../history/recovery-state';
import type { Plan } from '../plan/plan';
import { loadPlan } from '../plan/plan-item';
import { problemCollector, type Problem } from '../problems/problems';
import { loadSettings, type StoredSettings } from '../settings/settings-item';
import { listTriggersFor, type Blocklist } from '../triggers/blocklist';
import { blocklistsItem } from '../triggers/blocklist-item';
import { matchTrigger } from '../triggers/match-trigger';
import type { Trigger } from '../triggers/trigger';
import { triggerListItem } from '../triggers/trigger-list';

/**
 * What the pause page shows first, all of it from `storage.local`: the person's plan (its steps,
 * support people, four boxes), the coping prompt, the trigger that caught the page and the wait.
 * None of it waits for the history (IndexedDB), which can take far longer to open than storage
 * takes to answer: the streak and a milestone come with `history` when it is there (issue 19).
 */
export interface PauseFirst {
  /** Undefined when the stored plan could not be read (`problems` then holds `storage`). */
  plan?: Plan;
  prompt: Prompt;
  /** The trigger that caught this page, when it is still in the list. */
  trigger?: Trigger;
  waitSeconds?: number;
  problems: Problem[];
}

/** The pause page's two reads, started together, each answering on its own. */
export interface PauseReads {
  first: Promise<PauseFirst>;
  /** The streak and milestones (and the plan again, from the same read); never rejects. */
  history: Promise<RecoveryState>;
}

export interface PauseSources {
  readPlan: () => Promise<Plan>;
  readTriggers: () => Promise<Trigger[]>;
  readRecent: () => Promise<string[]>;
  writeRecent: (ids: string[]) => Promise<void>;
  readSettings: () => Promise<StoredSettings>;
  readLists: () => Promise<Blocklist[]>;
  readHistory: (readPlan: () => Promise<Plan>) => Promise<RecoveryState>;
  random: () => number;
}

const SOURCES: PauseSources = {
  readPlan: loadPlan,
  readTriggers: () => triggerListItem.getValue(),
  readRecent: () => recentPromptsItem.getValue(),
  writeRecent: (ids) => recentPromptsItem.setValue(ids),
  readSettings: loadSettings,
  readLists: () => blocklistsItem.getValue(),
  readHistory: (readPlan) => loadRecoveryState(undefined, { readPlan }),
  random: Math.random,
};

/**
 * Starts every read the pause page needs, at once (the page calls it before its first paint, so the
 * reads run while the browser paints the static first screen). `pausedHref` is the address that
 * was paused (already checked by `pausedUrlFromHash`), or undefined when the page was opened bare.
 *
 * Never rejects: a read that fails leaves its part out and names the problem; the built-in coping
 * prompts need no storage, so a prompt always shows. The chosen prompt is remembered (best effort)
 * so the next pause shows another.
 */
export function startPauseReads(pausedHref: string | undefined, sources: Partial<PauseSources> = {}): PauseReads {
  const s = { ...SOURCES, ...sources };
  const plan = s.readPlan();
  // The same read serves both: the plan is read once.
  const history = s.readHistory(() => plan);
  const first = (async (): Promise<PauseFirst> => {
    const { read, problems } = problemCollector('pause read');
    const [stored, triggers, recent, settings] = await Promise.all([
      read(plan, 'storage', undefined),
      read(s.readTriggers(), 'storage', []),
      read(s.readRecent(), 'storage', []),
      read(s.readSettings(), 'storage', undefined),
    ]);
    // Imported lists are read only when no trigger matched: they can be megabytes.
    const trigger = pausedHref ? (matchTrigger(pausedHref, triggers) ?? listTriggersFor(pausedHref, await read(s.readLists(), 'storage', []))[0]) : undefined;
    const prompt = choosePrompt([...COPING_PROMPTS, ...personalPrompts(stored?.copingStrategies ?? [])], recent, s.random);
    void s.writeRecent(rememberShown(recent, prompt.id)).catch(() => {});
    return { plan: stored, prompt, trigger, waitSeconds: settings?.waitSeconds, problems: problems() };
  })();
  return { first, history };
}
