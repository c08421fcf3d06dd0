import type { PersonalPrompt, Prompt } from './prompts';

/**
 * Picks the prompt to show this time.
 *
 * The same prompt on every visit turns into wallpaper that a person clicks past (a message alone
 * did not work in the one sec field study, PNAS 2023; see DESIGN.md, "Coping content"), so this
 * avoids the most recently shown prompts and, when it can, the kind of exercise shown last time.
 *
 * @param recentIds ids shown before, most recent first (from `rememberShown`). Ids no longer in
 *   `prompts` (a deleted personal strategy, say) are ignored.
 * @param random returns a number in [0, 1); a parameter so tests can make it deterministic.
 */
export function choosePrompt(prompts: readonly Prompt[], recentIds: readonly string[], random: () => number = Math.random): Prompt {
  if (prompts.length === 0) throw new RangeError('choosePrompt needs at least one prompt');

  const byId = new Map(prompts.map((prompt) => [prompt.id, prompt]));
  const knownRecent = recentIds.filter((id) => byId.has(id));
  // Always leave at least one prompt to choose from.
  const avoided = new Set(knownRecent.slice(0, Math.min(knownRecent.length, prompts.length - 1)));
  const fresh = prompts.filter((prompt) => !avoided.has(prompt.id));

  const lastKind = recentIds[0] === undefined ? undefined : byId.get(recentIds[0])?.kind;
  const freshOtherKind = fresh.filter((prompt) => prompt.kind !== lastKind);

  // `fresh` is only empty if `prompts` repeats ids; fall back to anything rather than throw.
  const pool = freshOtherKind.length > 0 ? freshOtherKind : fresh.length > 0 ? fresh : prompts;
  // Clamp: a `random` that returns exactly 1 (or a little over, or under 0) must still pick one.
  const index = Math.min(pool.length - 1, Math.max(0, Math.floor(random() * pool.length)));
  return pool[index]!;
}

/** The new most-recent-first list of shown ids after showing `id`: no duplicates, at most `keep`. */
export function rememberShown(recentIds: readonly string[], id: string, keep = 8): string[] {
  const unique = [...new Set([id, ...recentIds])];
  return unique.slice(0, Math.max(0, keep));
}

/**
 * Turns the coping strategies in the person's plan into prompts, so their own words take turns
 * with the library. Blank strategies are skipped; ids follow the strategy's place in the list.
 */
export function personalPrompts(strategies: readonly string[]): PersonalPrompt[] {
  const prompts: PersonalPrompt[] = [];
  strategies.forEach((strategy, index) => {
    const ownWords = strategy.trim();
    if (ownWords === '') return;
    prompts.push({ id: `mine-${index}`, kind: 'my-strategy', titleKey: 'prompt_myStrategy_title', ownWords });
  });
  return prompts;
}
