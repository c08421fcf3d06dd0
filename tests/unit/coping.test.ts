import { describe, expect, test } from 'vitest';
import { choosePrompt, personalPrompts, rememberShown } from '../../lib/coping/choose-prompt';
import { COPING_PROMPTS, LIBRARY_KINDS, promptSteps, type LibraryKind, type LibraryPrompt, type Prompt } from '../../lib/coping/prompts';
import { t } from '../../lib/i18n/i18n';

/** A small seeded generator (mulberry32), so "random" runs are the same on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function prompt(id: string, kind: LibraryKind = 'breathing'): LibraryPrompt {
  return { id, kind, titleKey: 'prompt_boxBreathing_title', stepKeys: ['prompt_boxBreathing_step1'] };
}

// The words as a person set to English reads them (tests/unit/setup.ts reads the catalogue).
const allText = (p: Prompt) => [t(p.titleKey), ...promptSteps(p)];

describe('the prompt library', () => {
  test('has at least 24 prompts', () => {
    expect(COPING_PROMPTS.length).toBeGreaterThanOrEqual(24);
  });

  test.each(LIBRARY_KINDS)('covers %s at least twice', (kind) => {
    expect(COPING_PROMPTS.filter((p) => p.kind === kind).length).toBeGreaterThanOrEqual(2);
  });

  test('ids are unique and kebab-case', () => {
    const ids = COPING_PROMPTS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('every prompt has a title and 1 to 5 short, complete steps', () => {
    for (const p of COPING_PROMPTS) {
      expect(t(p.titleKey).trim(), p.id).not.toBe('');
      expect(p.stepKeys.length, p.id).toBeGreaterThanOrEqual(1);
      expect(p.stepKeys.length, p.id).toBeLessThanOrEqual(5);
      for (const step of promptSteps(p)) {
        expect(step, p.id).toBe(step.trim());
        expect(step.length, `${p.id}: ${step}`).toBeLessThanOrEqual(140);
        expect(step, p.id).toMatch(/[.?!\u2019\u2026]$/);
      }
    }
  });

  // Shaming or stigmatising language pushes people away from help.
  const forbidden = [/\bfail/i, /\bclean\b/i, /\bdirty\b/i, /\baddict/i, /\bjunkie/i, /relapse failure/i];
  test.each(forbidden)('no text matches %s', (pattern) => {
    for (const p of COPING_PROMPTS) {
      for (const text of allText(p)) expect(text, p.id).not.toMatch(pattern);
    }
  });

  test('every prompt has words of its own: no key twice, none missing from the catalogue', () => {
    const keys = COPING_PROMPTS.flatMap((p) => [p.titleKey, ...p.stepKeys]);
    expect(new Set(keys).size).toBe(keys.length);
    // t() gives back the key itself when the catalogue has no such message.
    for (const key of keys) expect(t(key)).not.toBe(key);
  });

  test('reads as before in English', () => {
    const box = COPING_PROMPTS.find((p) => p.id === 'box-breathing')!;
    expect(allText(box)).toEqual([
      'Box breathing',
      'Breathe in slowly through your nose for a count of four.',
      'Hold your breath gently for four.',
      'Breathe out through your mouth for four, then hold for four.',
      'Go round the box four times, at your own pace. If you feel dizzy, stop and breathe normally.',
    ]);
  });

  test('uses UK spelling where it differs', () => {
    for (const p of COPING_PROMPTS) {
      for (const text of allText(p)) expect(text, p.id).not.toMatch(/\b(color|realize|recognize|favorite|mom)\b/i);
    }
  });
});

describe('choosePrompt', () => {
  test('never returns a recently shown prompt while others are left', () => {
    const random = seeded(1);
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor(random() * 10);
      const recent = Array.from({ length: n }, () => COPING_PROMPTS[Math.floor(random() * COPING_PROMPTS.length)]!.id);
      const chosen = choosePrompt(COPING_PROMPTS, recent, random);
      expect(recent).not.toContain(chosen.id);
    }
  });

  test('avoids the last prompts.length - 1 when the recent list is longer than the library', () => {
    const prompts = [prompt('a'), prompt('b'), prompt('c')];
    const random = seeded(2);
    for (let i = 0; i < 200; i++) {
      expect(choosePrompt(prompts, ['b', 'a', 'c'], random).id).toBe('c');
      expect(choosePrompt(prompts, ['c', 'b', 'a', 'x'], random).id).toBe('a');
    }
  });

  test('avoids the kind shown last time when it can', () => {
    const random = seeded(3);
    for (const last of COPING_PROMPTS) {
      for (let i = 0; i < 20; i++) {
        expect(choosePrompt(COPING_PROMPTS, [last.id], random).kind).not.toBe(last.kind);
      }
    }
  });

  test('repeats the kind rather than a recent prompt when only that kind is left', () => {
    const prompts = [prompt('a', 'halt'), prompt('b', 'halt'), prompt('c', 'grounding')];
    expect(choosePrompt(prompts, ['a', 'c'], () => 0.5).id).toBe('b');
  });

  test('changes across a run of visits: no repeat within 8, no kind twice in a row', () => {
    const random = seeded(4);
    let recent: string[] = [];
    let previous: Prompt | undefined;
    for (let visit = 0; visit < 1000; visit++) {
      const chosen = choosePrompt(COPING_PROMPTS, recent, random);
      expect(recent).not.toContain(chosen.id);
      if (previous) expect(chosen.kind).not.toBe(previous.kind);
      recent = rememberShown(recent, chosen.id);
      previous = chosen;
    }
  });

  test('reaches every prompt over time', () => {
    const random = seeded(5);
    const seen = new Set<string>();
    let recent: string[] = [];
    for (let visit = 0; visit < 1000; visit++) {
      const chosen = choosePrompt(COPING_PROMPTS, recent, random);
      seen.add(chosen.id);
      recent = rememberShown(recent, chosen.id);
    }
    expect(seen.size).toBe(COPING_PROMPTS.length);
  });

  test('works with a single prompt, even if it was just shown', () => {
    const only = prompt('only');
    expect(choosePrompt([only], [])).toBe(only);
    expect(choosePrompt([only], ['only'])).toBe(only);
  });

  test('ignores ids that are no longer in the list', () => {
    const prompts = [prompt('a', 'halt'), prompt('b', 'grounding')];
    // 'mine-3' was deleted; it must not use up the one slot of avoidance meant for 'a'.
    expect(choosePrompt(prompts, ['mine-3', 'a'], () => 0).id).toBe('b');
  });

  test.each([0, 0.999999, 1, -0.1, 1.5])('stays in range when random() returns %s', (value) => {
    const chosen = choosePrompt(COPING_PROMPTS, [], () => value);
    expect(COPING_PROMPTS).toContain(chosen);
  });

  test('throws on an empty list', () => {
    expect(() => choosePrompt([], [])).toThrow(RangeError);
  });
});

describe('rememberShown', () => {
  test('puts the new id first', () => {
    expect(rememberShown(['b', 'c'], 'a')).toEqual(['a', 'b', 'c']);
  });

  test('moves an id already in the list to the front instead of repeating it', () => {
    expect(rememberShown(['b', 'a', 'c'], 'a')).toEqual(['a', 'b', 'c']);
  });

  test('drops duplicates already in the stored list', () => {
    expect(rememberShown(['b', 'b', 'c', 'b'], 'a')).toEqual(['a', 'b', 'c']);
  });

  test('keeps at most 8 by default', () => {
    const recent = ['1', '2', '3', '4', '5', '6', '7', '8'];
    expect(rememberShown(recent, '0')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
  });

  test.each([
    [3, ['x', 'a', 'b']],
    [1, ['x']],
    [0, []],
  ])('keeps at most %i when asked', (keep, expected) => {
    expect(rememberShown(['a', 'b', 'c', 'd'], 'x', keep)).toEqual(expected);
  });

  test('does not change the list it was given', () => {
    const recent = Object.freeze(['a', 'b']);
    rememberShown(recent, 'c');
    expect(recent).toEqual(['a', 'b']);
  });
});

describe('personalPrompts', () => {
  test('turns each strategy into a prompt in the person’s own words', () => {
    const prompts = personalPrompts(['Call Sam', '  Go for a run  ']);
    expect(prompts.map((p) => [p.id, p.kind, ...allText(p)])).toEqual([
      ['mine-0', 'my-strategy', 'One of your own coping strategies', 'Call Sam'],
      ['mine-1', 'my-strategy', 'One of your own coping strategies', 'Go for a run'],
    ]);
  });

  test('skips blank strategies and keeps ids tied to their place in the plan', () => {
    const prompts = personalPrompts(['', 'Make tea', '   ', '\n', 'Text my sister']);
    expect(prompts.map((p) => [p.id, p.ownWords])).toEqual([
      ['mine-1', 'Make tea'],
      ['mine-4', 'Text my sister'],
    ]);
  });

  test('returns nothing for an empty plan', () => {
    expect(personalPrompts([])).toEqual([]);
  });

  test('mix with the library: ids stay unique and kebab-case, and own strategies get their turn', () => {
    const mixed = [...COPING_PROMPTS, ...personalPrompts(['Make tea', 'Text my sister'])];
    const ids = mixed.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);

    const random = seeded(6);
    let recent: string[] = [];
    const seen = new Set<string>();
    for (let visit = 0; visit < 500; visit++) {
      const chosen = choosePrompt(mixed, recent, random);
      seen.add(chosen.id);
      recent = rememberShown(recent, chosen.id);
    }
    expect(seen).toContain('mine-0');
    expect(seen).toContain('mine-1');
  });
});
