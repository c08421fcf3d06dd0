/**
 * The coping exercises behind "I'm having an urge": what each one says and how its time runs.
 * components/exercises/ draws one component per kind from these definitions; nothing here knows
 * about the page, the clock or the browser, so every timing rule is a plain function to test.
 *
 * Writing rules (checked by tests/unit/coping.exercises.test.ts, as for ./prompts.ts): warm,
 * plain UK English, second person, never shaming.
 */
import type { Halt, UrgeEvent } from '../history/event';

// ---------------------------------------------------------------------------------------------
// The tools, in the order "I'm having an urge" offers them.

export const COPING_TOOLS = [
  { id: 'breathing', title: 'Paced breathing', summary: 'Slow your breathing down with a calm, steady count.' },
  { id: 'urge-surfing', title: 'Surf the urge', summary: 'Rate the urge, ride it out for a few minutes, then rate it again.' },
  { id: 'grounding', title: '5-4-3-2-1 grounding', summary: 'Come back to where you are, one sense at a time.' },
  { id: 'halt', title: 'HALT check', summary: 'Hungry, angry, lonely or tired? Meet that need first.' },
] as const;

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

export type BreathLabel = 'Breathe in' | 'Hold' | 'Breathe out';

export interface BreathPhase {
  readonly label: BreathLabel;
  readonly seconds: number;
}

export interface BreathingPattern {
  readonly id: 'box' | '4-7-8';
  readonly name: string;
  readonly summary: string;
  /** Rounds to a session: enough to settle, short enough to finish. */
  readonly rounds: number;
  readonly phases: readonly BreathPhase[];
}

export const BOX_BREATHING: BreathingPattern = {
  id: 'box',
  name: 'Box breathing',
  summary: 'In for 4, hold for 4, out for 4, hold for 4.',
  rounds: 4,
  phases: [
    { label: 'Breathe in', seconds: 4 },
    { label: 'Hold', seconds: 4 },
    { label: 'Breathe out', seconds: 4 },
    { label: 'Hold', seconds: 4 },
  ],
};

export const BREATHING_4_7_8: BreathingPattern = {
  id: '4-7-8',
  name: '4-7-8 breathing',
  summary: 'In for 4, hold for 7, out slowly for 8.',
  rounds: 4,
  phases: [
    { label: 'Breathe in', seconds: 4 },
    { label: 'Hold', seconds: 7 },
    { label: 'Breathe out', seconds: 8 },
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
    const label = pattern.phases[index]?.label;
    if (label === 'Breathe in') return 1;
    if (label === 'Breathe out') return 0.55;
  }
  return 1;
}

/**
 * What a screen reader says when a phase starts ("Breathe in for 4"), once a phase, never every
 * second. The first phase of each round names the round, so a listener knows where they are.
 */
export function breathingAnnouncement(pattern: BreathingPattern, moment: BreathingMoment | undefined): string {
  if (!moment) return BREATHING_FINISHED;
  const phase = `${moment.phase.label} for ${moment.phase.seconds}.`;
  return moment.phaseIndex === 0 ? `Round ${moment.round} of ${pattern.rounds}. ${phase}` : phase;
}

export const BREATHING_FINISHED = 'All done. Notice how your body feels now.';

// ---------------------------------------------------------------------------------------------
// Urge surfing

export const URGE_MINUTES = [5, 10, 15] as const;
export type UrgeMinutes = (typeof URGE_MINUTES)[number];

export const URGE_RATINGS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** What an urge-surfing session adds to history (see `UrgeEvent`). */
export type UrgeResult = Pick<UrgeEvent, 'before' | 'after' | 'minutes'>;

/**
 * From this rating up, the urge is at the top of the scale: the exercise gently offers help
 * first, as issue 4 asks ("the screen offers the crisis lines first").
 */
export const URGE_TOP_OF_SCALE = 9;

export function urgeRatingWords(rating: number): string {
  if (rating <= 0) return 'No urge at all';
  if (rating <= 3) return 'A mild urge';
  if (rating <= 6) return 'A strong urge';
  if (rating <= 8) return 'A very strong urge';
  return 'As strong as it gets';
}

/**
 * Short lines shown while the timer runs, each from a share of the chosen time onwards, so a
 * 5-minute and a 15-minute wave both reach the last line near the end.
 */
export const URGE_GUIDANCE: readonly { readonly from: number; readonly text: string }[] = [
  { from: 0, text: 'Notice where you feel the urge in your body. Just notice it.' },
  { from: 0.15, text: "Breathe slowly. You don't have to fight the urge or follow it." },
  { from: 0.3, text: 'Picture the urge as a wave. You are riding it, not under it.' },
  { from: 0.45, text: 'If your mind wanders, that is fine. Come back to your breath.' },
  { from: 0.6, text: 'Urges rise, peak and fall. Notice if this one has started to change.' },
  { from: 0.75, text: 'You are still here, still riding it. That is the skill, working.' },
  { from: 0.9, text: 'Nearly there. Stay with your breath a little longer.' },
];

/** The guidance line for `elapsedMs` into a wave of `totalMs`. */
export function urgeGuidanceAt(elapsedMs: number, totalMs: number): string {
  const share = totalMs > 0 ? elapsedMs / totalMs : 0;
  let line = URGE_GUIDANCE[0]!.text;
  for (const step of URGE_GUIDANCE) if (share >= step.from) line = step.text;
  return line;
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
  if (after === undefined) return 'You stopped to notice the urge instead of acting on it. That counts.';
  if (after < before) return `It went from ${before} to ${after}. You rode that wave.`;
  if (after === before) return "It's still there, and you stayed with it. Urges pass, even slow ones.";
  return "It's stronger right now. That happens, and it will still pass. Try another tool, or reach out to someone.";
}

// ---------------------------------------------------------------------------------------------
// 5-4-3-2-1 grounding

export interface GroundingStep {
  readonly count: number;
  readonly title: string;
  readonly prompt: string;
}

export const GROUNDING_STEPS: readonly GroundingStep[] = [
  { count: 5, title: '5 things you can see', prompt: 'Look around and name them, out loud or in your head. Take your time.' },
  { count: 4, title: '4 things you can touch', prompt: 'Your clothes, the chair, the floor under your feet. Notice how each one feels.' },
  { count: 3, title: '3 things you can hear', prompt: 'Traffic, a clock, your own breathing. Listen for a moment.' },
  { count: 2, title: '2 things you can smell', prompt: "Your sleeve, a drink, the air. If you can't smell anything, name two smells you like." },
  { count: 1, title: '1 thing you can taste', prompt: 'Notice the taste in your mouth, or take a sip of water.' },
];

export const GROUNDING_DONE = "You're here, in this moment. Notice how you feel now.";

// ---------------------------------------------------------------------------------------------
// HALT check

/** Hungry, angry, lonely, tired: the same names as a check-in's HALT answers in history. */
export type HaltNeed = keyof Halt;

/** What each need routes to: eat, breathe, reach out to a support person, or rest. */
export type HaltAction = 'eat' | 'breathe' | 'reach-out' | 'rest';

export interface HaltRoute {
  readonly need: HaltNeed;
  /** The button: "Hungry". */
  readonly label: string;
  /** A line that helps someone tell whether this is the one. */
  readonly hint: string;
  readonly action: HaltAction;
  readonly title: string;
  readonly steps: readonly string[];
}

export const HALT_ROUTES: readonly HaltRoute[] = [
  {
    need: 'hungry',
    label: 'Hungry',
    hint: "It's been a while since you ate, or you feel shaky or empty.",
    action: 'eat',
    title: 'Eat something',
    steps: [
      'Have something to eat, even something small: toast, fruit, a handful of nuts.',
      'Drink a glass of water too.',
      'Hunger can feel like an urge. Give your body what it is really asking for.',
    ],
  },
  {
    need: 'angry',
    label: 'Angry',
    hint: "You feel wound up, irritable or that something isn't fair.",
    action: 'breathe',
    title: 'Let some of the heat out',
    steps: [
      'Anger is a normal feeling. You can let it be there without acting on it, or on the urge.',
      'Slow breathing calms your body first, so your mind can follow.',
    ],
  },
  {
    need: 'lonely',
    label: 'Lonely',
    hint: 'You feel cut off, left out or on your own with this.',
    action: 'reach-out',
    title: 'Reach out to someone',
    steps: [
      "Send a message or make a call. You don't have to explain everything.",
      'A short "Having a hard moment, can you talk?" is enough.',
    ],
  },
  {
    need: 'tired',
    label: 'Tired',
    hint: 'You feel worn out, drained, or it is late and you need sleep.',
    action: 'rest',
    title: 'Rest',
    steps: [
      'Close the browser and put your device down.',
      'Lie down or sit somewhere comfortable, even for ten minutes.',
      "If it's late, go to bed. Things often feel more manageable after sleep.",
    ],
  },
];

export function haltRoute(need: HaltNeed): HaltRoute {
  // HALT_ROUTES covers every need, which the exercises test checks.
  return HALT_ROUTES.find((route) => route.need === need)!;
}
