import { describe, expect, test } from 'vitest';
import {
  BOX_BREATHING,
  BREATHING_4_7_8,
  BREATHING_PATTERNS,
  COPING_TOOLS,
  GROUNDING_STEPS,
  HALT_ROUTES,
  URGE_GUIDANCE,
  URGE_MINUTES,
  URGE_MINUTES_SUGGESTED,
  breathLabel,
  breathingAnnouncement,
  breathingPhaseAt,
  breathingScale,
  formatTimeLeft,
  haltRoute,
  minutesWaited,
  roundSeconds,
  sessionSeconds,
  toolFromHash,
  urgeChangeMessage,
  urgeGuidanceAt,
  urgeRatingWords,
  type BreathingPattern,
} from '../../lib/coping/exercises';
import { hardMomentMessage, reachLinks } from '../../lib/coping/reach-out';
import { t } from '../../lib/i18n/i18n';
import catalogue from '../../public/_locales/en/messages.json';

const HARD_MOMENT_MESSAGE = "I'm having a hard moment. Can you call me?";

/** [label, count] for each whole second of a session. */
function everySecond(pattern: BreathingPattern): string[] {
  return Array.from({ length: sessionSeconds(pattern) }, (_, s) => {
    const moment = breathingPhaseAt(pattern, s * 1000)!;
    return `${moment.round}:${breathLabel(moment.phase.breath)}:${moment.count}`;
  });
}

describe('breathing patterns', () => {
  test('box breathing is 4-4-4-4 and 4-7-8 is 4-7-8', () => {
    expect(BOX_BREATHING.phases.map((p) => [breathLabel(p.breath), p.seconds])).toEqual([
      ['Breathe in', 4],
      ['Hold', 4],
      ['Breathe out', 4],
      ['Hold', 4],
    ]);
    expect(BREATHING_4_7_8.phases.map((p) => [breathLabel(p.breath), p.seconds])).toEqual([
      ['Breathe in', 4],
      ['Hold', 7],
      ['Breathe out', 8],
    ]);
    expect(roundSeconds(BOX_BREATHING)).toBe(16);
    expect(roundSeconds(BREATHING_4_7_8)).toBe(19);
    expect(sessionSeconds(BREATHING_4_7_8)).toBe(19 * BREATHING_4_7_8.rounds);
  });

  test.each([
    // [ms, round, label, count]
    [0, 1, 'Breathe in', 1],
    [999, 1, 'Breathe in', 1],
    [3999, 1, 'Breathe in', 4],
    [4000, 1, 'Hold', 1],
    [10_999, 1, 'Hold', 7],
    [11_000, 1, 'Breathe out', 1],
    [18_999, 1, 'Breathe out', 8],
    [19_000, 2, 'Breathe in', 1],
    [-500, 1, 'Breathe in', 1],
  ] as const)('4-7-8 at %i ms: round %i, %s, count %i', (ms, round, label, count) => {
    const moment = breathingPhaseAt(BREATHING_4_7_8, ms)!;
    expect({ round: moment.round, label: breathLabel(moment.phase.breath), count: moment.count }).toEqual({ round, label, count });
  });

  test('counts 1 to 4 in each box phase, round after round, then ends', () => {
    const seconds = everySecond(BOX_BREATHING);
    expect(seconds.slice(0, 9)).toEqual([
      '1:Breathe in:1',
      '1:Breathe in:2',
      '1:Breathe in:3',
      '1:Breathe in:4',
      '1:Hold:1',
      '1:Hold:2',
      '1:Hold:3',
      '1:Hold:4',
      '1:Breathe out:1',
    ]);
    expect(seconds.at(-1)).toBe(`${BOX_BREATHING.rounds}:Hold:4`);
    expect(breathingPhaseAt(BOX_BREATHING, sessionSeconds(BOX_BREATHING) * 1000)).toBeUndefined();
  });

  test('the circle is full after breathing in and small after breathing out; a hold keeps it', () => {
    expect(BOX_BREATHING.phases.map((_, i) => breathingScale(BOX_BREATHING, i))).toEqual([1, 1, 0.55, 0.55]);
    expect(BREATHING_4_7_8.phases.map((_, i) => breathingScale(BREATHING_4_7_8, i))).toEqual([1, 1, 0.55]);
    const holdFirst: BreathingPattern = {
      ...BOX_BREATHING,
      phases: [
        { breath: 'hold', seconds: 2 },
        { breath: 'in', seconds: 2 },
        { breath: 'out', seconds: 2 },
      ],
    };
    expect(breathingScale(holdFirst, 0)).toBe(0.55);
  });

  test('announces each phase once, naming the round at its start', () => {
    const changes: string[] = [];
    for (let s = 0; s < roundSeconds(BREATHING_4_7_8) + 1; s++) {
      const text = breathingAnnouncement(BREATHING_4_7_8, breathingPhaseAt(BREATHING_4_7_8, s * 1000));
      if (changes.at(-1) !== text) changes.push(text);
    }
    expect(changes).toEqual(['Round 1 of 4. Breathe in for 4.', 'Hold for 7.', 'Breathe out for 8.', 'Round 2 of 4. Breathe in for 4.']);
    expect(breathingAnnouncement(BOX_BREATHING, undefined)).toBe('All done. Notice how your body feels now.');
  });

  test('pattern ids are unique', () => {
    expect(new Set(BREATHING_PATTERNS.map((p) => p.id)).size).toBe(BREATHING_PATTERNS.length);
  });
});

describe('urge surfing', () => {
  test('guidance starts at the first line, changes over the wave and ends on the last', () => {
    const total = 5 * 60_000;
    expect(urgeGuidanceAt(0, total)).toBe('Notice where you feel the urge in your body. Just notice it.');
    expect(urgeGuidanceAt(total - 1000, total)).toBe(t(URGE_GUIDANCE.at(-1)!.textKey));
    const lines = new Set(Array.from({ length: 300 }, (_, s) => urgeGuidanceAt(s * 1000, total)));
    expect(lines.size).toBe(URGE_GUIDANCE.length);
  });

  test('guidance lines come in order and stay at least 30 seconds apart in a 5-minute wave', () => {
    const froms = URGE_GUIDANCE.map((g) => g.from);
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
    expect(froms[0]).toBe(0);
    for (let i = 1; i < froms.length; i++) expect((froms[i]! - froms[i - 1]!) * 5).toBeGreaterThanOrEqual(0.5);
  });

  test.each([
    [5 * 60_000, '5:00'],
    [61_000, '1:01'],
    [500, '0:01'],
    [0, '0:00'],
    [-2000, '0:00'],
  ])('%i ms left reads %s', (ms, text) => {
    expect(formatTimeLeft(ms)).toBe(text);
  });

  test.each([
    [0, 0],
    [20_000, 0],
    [150_000, 3],
    [10 * 60_000, 10],
  ])('%i ms waited is %i minutes', (ms, minutes) => {
    expect(minutesWaited(ms)).toBe(minutes);
  });

  test('every rating has words, and every outcome a kind message', () => {
    for (let r = 0; r <= 10; r++) expect(urgeRatingWords(r)).not.toBe('');
    expect(urgeChangeMessage(8, 5)).toContain('from 8 to 5');
    expect(urgeChangeMessage(5, 5)).not.toBe(urgeChangeMessage(5, 7));
    expect(urgeChangeMessage(5, undefined)).toMatch(/counts/);
  });
});

describe('grounding and HALT', () => {
  test('grounding counts down 5, 4, 3, 2, 1', () => {
    expect(GROUNDING_STEPS.map((s) => s.count)).toEqual([5, 4, 3, 2, 1]);
    for (const step of GROUNDING_STEPS) expect(t(step.titleKey).startsWith(String(step.count))).toBe(true);
  });

  test.each([
    ['hungry', 'eat'],
    ['angry', 'breathe'],
    ['lonely', 'reach-out'],
    ['tired', 'rest'],
  ] as const)('%s routes to %s', (need, action) => {
    expect(haltRoute(need).action).toBe(action);
  });

  test('HALT routes are in H, A, L, T order, one a need', () => {
    expect(HALT_ROUTES.map((r) => r.need)).toEqual(['hungry', 'angry', 'lonely', 'tired']);
  });
});

describe('tools and the page address', () => {
  test.each(COPING_TOOLS.map((t) => t.id))('#%s opens that tool', (id) => {
    expect(toolFromHash(`#${id}`)).toBe(id);
  });

  test.each(['', '#', 'breathing', '#Breathing', '#breathing ', '#breathing?x', '#halt#halt', '#__proto__', '#constructor', '#javascript:alert(1)'])(
    '%j opens nothing',
    (hash) => {
      expect(toolFromHash(hash)).toBeUndefined();
    },
  );
});

describe('reachLinks', () => {
  test('the ready-written message reads as before in English', () => {
    expect(hardMomentMessage()).toBe(HARD_MOMENT_MESSAGE);
  });

  test('phone links carry digits only; texts and emails carry the message', () => {
    const links = reachLinks({ phone: '+44 (0)7700 900 123', email: ' sam@example.org ' });
    expect(links.call).toBe('tel:+4407700900123');
    expect(links.text).toBe(`sms:+4407700900123?body=${encodeURIComponent(HARD_MOMENT_MESSAGE)}`);
    expect(links.email).toBe(`mailto:sam@example.org?body=${encodeURIComponent(HARD_MOMENT_MESSAGE)}`);
  });

  test.each([
    ['', ''],
    ['call me', 'not an email'],
    ['  ', 'a@b@c'],
    ['-', 'a b@example.org'],
    ['', '@example.org'],
  ])('leaves out what cannot work: phone %j, email %j', (phone, email) => {
    expect(reachLinks({ phone, email })).toEqual({});
  });

  test('encodes what could break out of a mailto address', () => {
    expect(reachLinks({ phone: '', email: 'sam?cc=x@example.org' }, 'Hi').email).toBe('mailto:sam%3Fcc%3Dx@example.org?body=Hi');
  });
});

describe('exercise wording', () => {
  // Every message of the coping page, its exercises and the prompt library, as English reads it,
  // and the sentences the exercises put together from them.
  const messages = catalogue as Record<string, { message: string }>;
  const texts = [
    ...Object.keys(messages)
      .filter((key) => /^(coping|exercise|prompt)_/.test(key))
      .map((key) => messages[key]!.message),
    ...[0, 2, 5, 7, 10].map(urgeRatingWords),
    urgeChangeMessage(8, 5),
    urgeChangeMessage(5, 5),
    urgeChangeMessage(5, 8),
    urgeChangeMessage(5, undefined),
    breathingAnnouncement(BOX_BREATHING, breathingPhaseAt(BOX_BREATHING, 0)),
  ];

  test('covers the tools, patterns, steps and routes the tables name', () => {
    const keys = [
      ...COPING_TOOLS.flatMap((tool) => [tool.titleKey, tool.summaryKey]),
      ...BREATHING_PATTERNS.flatMap((p) => [p.nameKey, p.summaryKey]),
      ...URGE_GUIDANCE.map((g) => g.textKey),
      ...GROUNDING_STEPS.flatMap((s) => [s.titleKey, s.promptKey]),
      ...HALT_ROUTES.flatMap((r) => [r.labelKey, r.hintKey, r.titleKey, ...r.stepKeys]),
    ];
    for (const key of keys) expect(texts).toContain(t(key));
  });

  // The same list as the prompt library's test: shaming words push people away from help.
  const forbidden = [/\bfail/i, /\bclean\b/i, /\bdirty\b/i, /\baddict/i, /\bjunkie/i, /\bshould\b/i, /\bweak/i];
  test.each(forbidden)('no text matches %s', (pattern) => {
    for (const text of texts) expect(text).not.toMatch(pattern);
  });

  test('texts are trimmed, short and UK English', () => {
    for (const text of texts) {
      expect(text).toBe(text.trim());
      expect(text.length, text).toBeLessThanOrEqual(140);
      expect(text).not.toMatch(/\b(color|realize|recognize|favorite|mom|calm down)\b/i);
    }
  });
});

describe('words and timers agree (../shared/CARE.md)', () => {
  test('urges pass within about 20 to 30 minutes: the timer offers 20 first, and the words say any minutes are a start', () => {
    expect(Math.max(...URGE_MINUTES)).toBe(20);
    expect(URGE_MINUTES_SUGGESTED).toBe(20);
    expect(t('exercise_urgeSurfing_howLong')).toContain('20 to 30 minutes');
    expect(t('exercise_urgeSurfing_howLong')).toContain('Any minutes you give it are a start');
    expect(t('exercise_urgeSurfing_summary')).toContain('up to 20 minutes');
  });

  test('breathing says one thing about nose and mouth everywhere (in through the nose, out through the mouth), and to stop if dizzy', () => {
    const sentences = Object.values(catalogue as Record<string, { message: string }>)
      .flatMap((entry) => entry.message.split(/(?<=\.) /))
      .filter((sentence) => /through your (nose|mouth)/.test(sentence));
    expect(sentences.length).toBeGreaterThan(4);
    for (const sentence of sentences) {
      if (/nose/.test(sentence)) expect(sentence, sentence).toMatch(/\bin\b[^.]*through your nose/i);
      if (/mouth/.test(sentence)) expect(sentence, sentence).toMatch(/\bout\b[^.]*through your mouth/i);
    }
    expect(t('exercise_breathing_advice')).toContain('If you feel dizzy, stop and breathe normally.');
    expect(t('prompt_boxBreathing_step4')).toContain('If you feel dizzy, stop and breathe normally.');
    // Box breathing is in, hold, out, hold: the second hold is a hold, not a rest.
    expect(t('exercise_breathing_boxSummary')).toBe('In for 4, hold for 4, out for 4, hold for 4.');
    expect(t('prompt_boxBreathing_step3')).toBe('Breathe out through your mouth for four, then hold for four.');
  });

  test('one word for the feeling: "urge", never "craving", in everything a person reads', () => {
    const craving = Object.entries(catalogue as Record<string, { message: string }>).filter(([, entry]) =>
      /craving/i.test(entry.message.replace(/\$[A-Z_]+\$/g, '')),
    );
    expect(craving.map(([key]) => key)).toEqual([]);
  });

  test('typographic quotation marks, never straight double quotes', () => {
    const straight = Object.entries(catalogue as Record<string, { message: string }>).filter(([, entry]) => entry.message.includes('"'));
    expect(straight.map(([key]) => key)).toEqual([]);
  });

  test('no promise a page cannot keep, no streak as the reason to stay', () => {
    const messages = Object.values(catalogue as Record<string, { message: string }>).map((entry) => entry.message);
    expect(messages.filter((m) => /safe here/i.test(m))).toEqual([]);
    expect(messages.filter((m) => /keeps (it|your streak) going/i.test(m))).toEqual([]);
  });
});
