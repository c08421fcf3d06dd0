/**
 * The coping exercises behind "I'm having an urge": what each one says and how its time runs.
 * components/exercises/ draws one component per kind from these definitions; nothing here knows
 * about the page, the clock or the browser, so every timing rule is a plain function to test.
 *
 * The words live in public/_locales/en/messages.json (keys `exercise_*`): these tables hold the
 * keys, and the functions that put a sentence together read it with `t()` when called.
 *
 * Writing rules (checked by tests/unit/coping.exercises.test.ts, as for ./prompts.ts): warm,
 * plain UK English, second person, never shaming.
 */
import type { Halt, UrgeEvent } from '../history/event';
import { t, type MessageKey } from '../i18n/i18n';

// ---------------------------------------------------------------------------------------------
// The tools, in the order "I'm having an urge" offers them.

export const COPING_TOOLS = [
  { id: 'breathing', titleKey: 'exercise_breathing_title', summaryKey: 'exercise_breathing_summary' },
  { id: 'urge-surfing', titleKey: 'exercise_urgeSurfing_title', summaryKey: 'exercise_urgeSurfing_summary' },
  { id: 'grounding', titleKey: 'exercise_grounding_title', summaryKey: 'exercise_grounding_summary' },
  { id: 'halt', titleKey: 'exercise_halt_title', summaryKey: 'exercise_halt_summary' },
] as const satisfies readonly { id: string; titleKey: MessageKey; summaryKey: MessageKey }[];

export type CopingToolId = (typeof COPING_TOOLS)[number]['id'];

/**
 * The tool a page's `location.hash` asks for (`#breathing` opens paced breathing). The hash is
 * anyone's to write, so only the exact ids count; anything else opens the list of tools.
 */
export function toolFromHash(hash: string): CopingToolId | undefined {
  return COPING_TOOLS.find((tool) => `#${tool.id}` === hash)?.id;
}

// ---------------------------------------------------------------------------------------------
// Paced breathing

/** Breathing in, holding the breath, or breathing out. */
export type Breath = 'in' | 'hold' | 'out';

export interface BreathPhase {
  readonly breath: Breath;
  readonly seconds: number;
}

/** What the eyes follow during a phase: "Breathe in". */
const BREATH_LABELS: Readonly<Record<Breath, MessageKey>> = {
  in: 'exercise_breathing_in',
  hold: 'exercise_breathing_hold',
  out: 'exercise_breathing_out',
};

/** What a screen reader hears as a phase starts: "Breathe in for 4." */
const BREATH_ANNOUNCEMENTS: Readonly<Record<Breath, MessageKey>> = {
  in: 'exercise_breathing_inFor',
  hold: 'exercise_breathing_holdFor',
  out: 'exercise_breathing_outFor',
};

/** The words for a phase, in the person's language. */
export function breathLabel(breath: Breath): string {
  return t(BREATH_LABELS[breath]);
}

export interface BreathingPattern {
  readonly id: 'box' | '4-7-8';
  readonly nameKey: MessageKey;
  readonly summaryKey: MessageKey;
  /** Rounds to a session: enough to settle, short enough to finish. */
  readonly rounds: number;
  readonly phases: readonly BreathPhase[];
}

export const BOX_BREATHING: BreathingPattern = {
  id: 'box',
  nameKey: 'exercise_breathing_boxName',
  summaryKey: 'exercise_breathing_boxSummary',
  rounds: 4,
  phases: [
    { breath: 'in', seconds: 4 },
    { breath: 'hold', seconds: 4 },
    { breath: 'out', seconds: 4 },
    { breath: 'hold', seconds: 4 },
  ],
};

export const BREATHING_4_7_8: BreathingPattern = {
  id: '4-7-8',
  nameKey: 'exercise_breathing_478Name',
  summaryKey: 'exercise_breathing_478Summary',
  rounds: 4,
  phases: [
    { breath: 'in', seconds: 4 },
    { breath: 'hold', seconds: 7 },
    { breath: 'out', seconds: 8 },
  ],
};

export const BREATHING_PATTERNS: readonly BreathingPattern[] = [BOX_BREATHING, BREATHING_4_7_8];

/** Seconds in one round of a pattern. */
export function roundSeconds(pattern: BreathingPattern): number {
  return pattern.phases.reduce((sum, phase) => sum + phase.seconds, 0);
}

/** Seconds in a whole session of a pattern. */
export function sessionSeconds(pattern: BreathingPattern): number {
  return roundSeconds(pattern) * pattern.rounds;
}

/** Where a breathing session is at one moment. */
export interface BreathingMoment {
  /** 1 to `pattern.rounds`. */
  round: number;
  phaseIndex: number;
  phase: BreathPhase;
  /** The count the person follows: 1 in the first second of a phase, up to `phase.seconds`. */
  count: number;
}

/**
 * The phase `elapsedMs` into a session, or undefined once every round is done. Time before the
 * start counts as the start.
 */
export function breathingPhaseAt(pattern: BreathingPattern, elapsedMs: number): BreathingMoment | undefined {
  const elapsed = Math.max(0, elapsedMs) / 1000;
  const round = roundSeconds(pattern);
  if (round <= 0 || elapsed >= round * pattern.rounds) return undefined;
  let within = elapsed % round;
  for (const [phaseIndex, phase] of pattern.phases.entries()) {
    if (within < phase.seconds) {
      return { round: Math.floor(elapsed / round) + 1, phaseIndex, phase, count: Math.floor(within) + 1 };
    }
    within -= phase.seconds;
  }
  // Unreachable while the phases add up to `round`; floating point could still land here.
  return undefined;
}

/** How large the breathing circle is during a phase: full after breathing in, small after out. */
export function breathingScale(pattern: BreathingPattern, phaseIndex: number): number {
  // A hold keeps the size of the breath before it, looking back round the cycle if it comes first.
  for (let step = 0; step < pattern.phases.length; step++) {
    const index = (phaseIndex - step + pattern.phases.length) % pattern.phases.length;
    const breath = pattern.phases[index]?.breath;
    if (breath === 'in') return 1;
    if (breath === 'out') return 0.55;
  }
  return 1;
}

/**
 * What a screen reader says when a phase starts ("Breathe in for 4"), once a phase, never every
 * second. The first phase of each round names the round, so a listener knows where they are.
 */
export function breathingAnnouncement(pattern: BreathingPattern, moment: BreathingMoment | undefined): string {
  if (!moment) return t('exercise_breathing_finished');
  const phase = t(BREATH_ANNOUNCEMENTS[moment.phase.breath], [moment.phase.seconds]);
  return moment.phaseIndex === 0 ? t('exercise_breathing_roundStart', [moment.round, pattern.rounds, phase]) : phase;
}

// ---------------------------------------------------------------------------------------------
// Urge surfing

/**
 * Urges rise, peak and fall, most within about 20 to 30 minutes (urge surfing, ../shared/CARE.md):
 * 20 minutes is the wave offered first; fewer are a start, and the words say so.
 */
export const URGE_MINUTES = [5, 10, 20] as const;
/** The length offered first. */
export const URGE_MINUTES_SUGGESTED: UrgeMinutes = 20;
export type UrgeMinutes = (typeof URGE_MINUTES)[number];

export const URGE_RATINGS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** What an urge-surfing session adds to history (see `UrgeEvent`). */
export type UrgeResult = Pick<UrgeEvent, 'before' | 'after' | 'minutes'>;

/** A few words for a rating: "A mild urge". */
export function urgeRatingWords(rating: number): string {
  if (rating <= 0) return t('exercise_urgeSurfing_ratingNone');
  if (rating <= 3) return t('exercise_urgeSurfing_ratingMild');
  if (rating <= 6) return t('exercise_urgeSurfing_ratingStrong');
  if (rating <= 8) return t('exercise_urgeSurfing_ratingVeryStrong');
  return t('exercise_urgeSurfing_ratingTop');
}

/**
 * Short lines shown while the timer runs, each from a share of the chosen time onwards, so a
 * 5-minute and a 15-minute wave both reach the last line near the end.
 */
export const URGE_GUIDANCE: readonly { readonly from: number; readonly textKey: MessageKey }[] = [
  { from: 0, textKey: 'exercise_urgeSurfing_guidance1' },
  { from: 0.15, textKey: 'exercise_urgeSurfing_guidance2' },
  { from: 0.3, textKey: 'exercise_urgeSurfing_guidance3' },
  { from: 0.45, textKey: 'exercise_urgeSurfing_guidance4' },
  { from: 0.6, textKey: 'exercise_urgeSurfing_guidance5' },
  { from: 0.75, textKey: 'exercise_urgeSurfing_guidance6' },
  { from: 0.9, textKey: 'exercise_urgeSurfing_guidance7' },
];

/** The guidance line for `elapsedMs` into a wave of `totalMs`. */
export function urgeGuidanceAt(elapsedMs: number, totalMs: number): string {
  const share = totalMs > 0 ? elapsedMs / totalMs : 0;
  let line = URGE_GUIDANCE[0]!.textKey;
  for (const step of URGE_GUIDANCE) if (share >= step.from) line = step.textKey;
  return t(line);
}

/** `m:ss` for a countdown; never negative. */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Whole minutes waited, for history (a stop after 20 seconds is 0 minutes, and still counts). */
export function minutesWaited(elapsedMs: number): number {
  return Math.round(Math.max(0, elapsedMs) / 60_000);
}

/** A kind word about how the urge changed, whichever way it went. */
export function urgeChangeMessage(before: number, after: number | undefined): string {
  if (after === undefined) return t('exercise_urgeSurfing_resultUnrated');
  if (after < before) return t('exercise_urgeSurfing_resultLower', [before, after]);
  if (after === before) return t('exercise_urgeSurfing_resultSame');
  return t('exercise_urgeSurfing_resultHigher');
}

// ---------------------------------------------------------------------------------------------
// 5-4-3-2-1 grounding

export interface GroundingStep {
  readonly count: number;
  /** "5 things you can see": the count is written into each message, as each sense has its own. */
  readonly titleKey: MessageKey;
  readonly promptKey: MessageKey;
}

export const GROUNDING_STEPS: readonly GroundingStep[] = [
  { count: 5, titleKey: 'exercise_grounding_see', promptKey: 'exercise_grounding_seePrompt' },
  { count: 4, titleKey: 'exercise_grounding_touch', promptKey: 'exercise_grounding_touchPrompt' },
  { count: 3, titleKey: 'exercise_grounding_hear', promptKey: 'exercise_grounding_hearPrompt' },
  { count: 2, titleKey: 'exercise_grounding_smell', promptKey: 'exercise_grounding_smellPrompt' },
  { count: 1, titleKey: 'exercise_grounding_taste', promptKey: 'exercise_grounding_tastePrompt' },
];

// ---------------------------------------------------------------------------------------------
// HALT check

/** Hungry, angry, lonely, tired: the same names as a check-in's HALT answers in history. */
export type HaltNeed = keyof Halt;

/** What each need routes to: eat, breathe, reach out to a support person, or rest. */
export type HaltAction = 'eat' | 'breathe' | 'reach-out' | 'rest';

export interface HaltRoute {
  readonly need: HaltNeed;
  /** The button: "Hungry". */
  readonly labelKey: MessageKey;
  /** A line that helps someone tell whether this is the one. */
  readonly hintKey: MessageKey;
  readonly action: HaltAction;
  readonly titleKey: MessageKey;
  readonly stepKeys: readonly MessageKey[];
}

export const HALT_ROUTES: readonly HaltRoute[] = [
  {
    need: 'hungry',
    labelKey: 'exercise_halt_hungry',
    hintKey: 'exercise_halt_hungryHint',
    action: 'eat',
    titleKey: 'exercise_halt_hungryTitle',
    stepKeys: ['exercise_halt_hungryStep1', 'exercise_halt_hungryStep2', 'exercise_halt_hungryStep3'],
  },
  {
    need: 'angry',
    labelKey: 'exercise_halt_angry',
    hintKey: 'exercise_halt_angryHint',
    action: 'breathe',
    titleKey: 'exercise_halt_angryTitle',
    stepKeys: ['exercise_halt_angryStep1', 'exercise_halt_angryStep2'],
  },
  {
    need: 'lonely',
    labelKey: 'exercise_halt_lonely',
    hintKey: 'exercise_halt_lonelyHint',
    action: 'reach-out',
    titleKey: 'exercise_halt_lonelyTitle',
    stepKeys: ['exercise_halt_lonelyStep1', 'exercise_halt_lonelyStep2'],
  },
  {
    need: 'tired',
    labelKey: 'exercise_halt_tired',
    hintKey: 'exercise_halt_tiredHint',
    action: 'rest',
    titleKey: 'exercise_halt_tiredTitle',
    stepKeys: ['exercise_halt_tiredStep1', 'exercise_halt_tiredStep2', 'exercise_halt_tiredStep3'],
  },
];

export function haltRoute(need: HaltNeed): HaltRoute {
  // HALT_ROUTES covers every need, which the exercises test checks.
  return HALT_ROUTES.find((route) => route.need === need)!;
}
