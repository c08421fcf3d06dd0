/**
 * The coping prompts the pause page and the popup's "I'm having an urge" can show.
 *
 * Each one is something a person can do right now, where they are, in a couple of minutes.
 * Sources: the recovery guidance this project serves (breathing, mindfulness, movement, reaching
 * out, self-care, leaving the trigger) and CBT / SMART practice (urge surfing, delay and
 * distract, HALT, 5-4-3-2-1 grounding, costs and benefits). See DESIGN.md, "Coping content".
 *
 * The words live in public/_locales/en/messages.json (keys `prompt_<id in camelCase>_title` and
 * `_step1`…), so a translation is a file; this list holds only ids, kinds and keys.
 *
 * Writing rules, checked by tests/unit/coping.test.ts: warm, plain UK English, second person;
 * no shaming words; 1 to 5 steps of at most 140 characters; ids stable and kebab-case, because
 * the ids of recently shown prompts are stored to keep the pause page changing.
 */
import { t, type MessageKey } from '../i18n/i18n';

/** The kinds of prompt in the built-in library. */
export const LIBRARY_KINDS = [
  'breathing',
  'mindfulness',
  'movement',
  'reach-out',
  'self-care',
  'leave',
  'urge-surfing',
  'delay-distract',
  'halt',
  'grounding',
  'costs-benefits',
] as const;

export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** `my-strategy` is one of the person's own coping strategies from their plan. */
export type CopingKind = LibraryKind | 'my-strategy';

interface PromptBase {
  /** Stable and kebab-case: stored in the list of recently shown prompts. */
  id: string;
  titleKey: MessageKey;
}

/** A prompt from the built-in library (never a personal one): 1 to 5 short steps. */
export interface LibraryPrompt extends PromptBase {
  kind: LibraryKind;
  stepKeys: readonly MessageKey[];
}

/** One of the person's own coping strategies, shown in the words they wrote in their plan. */
export interface PersonalPrompt extends PromptBase {
  kind: 'my-strategy';
  ownWords: string;
}

export type Prompt = LibraryPrompt | PersonalPrompt;

/** The steps of a prompt in the person's language; their own strategy stays as they wrote it. */
export function promptSteps(prompt: Prompt, translate: (key: MessageKey) => string = t): string[] {
  return prompt.kind === 'my-strategy' ? [prompt.ownWords] : prompt.stepKeys.map((key) => translate(key));
}

export const COPING_PROMPTS: readonly LibraryPrompt[] = [
  // Breathing
  {
    id: 'box-breathing',
    kind: 'breathing',
    titleKey: 'prompt_boxBreathing_title',
    stepKeys: ['prompt_boxBreathing_step1', 'prompt_boxBreathing_step2', 'prompt_boxBreathing_step3', 'prompt_boxBreathing_step4'],
  },
  {
    id: 'breathing-4-7-8',
    kind: 'breathing',
    titleKey: 'prompt_breathing478_title',
    stepKeys: ['prompt_breathing478_step1', 'prompt_breathing478_step2', 'prompt_breathing478_step3', 'prompt_breathing478_step4', 'prompt_breathing478_step5'],
  },
  {
    id: 'longer-out-breath',
    kind: 'breathing',
    titleKey: 'prompt_longerOutBreath_title',
    stepKeys: ['prompt_longerOutBreath_step1', 'prompt_longerOutBreath_step2', 'prompt_longerOutBreath_step3'],
  },

  // Mindfulness
  {
    id: 'notice-the-thought',
    kind: 'mindfulness',
    titleKey: 'prompt_noticeTheThought_title',
    stepKeys: ['prompt_noticeTheThought_step1', 'prompt_noticeTheThought_step2', 'prompt_noticeTheThought_step3'],
  },
  {
    id: 'one-minute-body-scan',
    kind: 'mindfulness',
    titleKey: 'prompt_oneMinuteBodyScan_title',
    stepKeys: ['prompt_oneMinuteBodyScan_step1', 'prompt_oneMinuteBodyScan_step2', 'prompt_oneMinuteBodyScan_step3', 'prompt_oneMinuteBodyScan_step4'],
  },
  {
    id: 'one-thing-slowly',
    kind: 'mindfulness',
    titleKey: 'prompt_oneThingSlowly_title',
    stepKeys: ['prompt_oneThingSlowly_step1', 'prompt_oneThingSlowly_step2', 'prompt_oneThingSlowly_step3'],
  },

  // Movement
  {
    id: 'stand-and-stretch',
    kind: 'movement',
    titleKey: 'prompt_standAndStretch_title',
    stepKeys: ['prompt_standAndStretch_step1', 'prompt_standAndStretch_step2', 'prompt_standAndStretch_step3'],
  },
  {
    id: 'short-walk',
    kind: 'movement',
    titleKey: 'prompt_shortWalk_title',
    stepKeys: ['prompt_shortWalk_step1', 'prompt_shortWalk_step2', 'prompt_shortWalk_step3'],
  },
  {
    id: 'two-minutes-of-movement',
    kind: 'movement',
    titleKey: 'prompt_twoMinutesOfMovement_title',
    stepKeys: ['prompt_twoMinutesOfMovement_step1', 'prompt_twoMinutesOfMovement_step2', 'prompt_twoMinutesOfMovement_step3'],
  },

  // Reaching out
  {
    id: 'send-a-message',
    kind: 'reach-out',
    titleKey: 'prompt_sendAMessage_title',
    stepKeys: ['prompt_sendAMessage_step1', 'prompt_sendAMessage_step2', 'prompt_sendAMessage_step3'],
  },
  {
    id: 'call-someone',
    kind: 'reach-out',
    titleKey: 'prompt_callSomeone_title',
    stepKeys: ['prompt_callSomeone_step1', 'prompt_callSomeone_step2', 'prompt_callSomeone_step3'],
  },
  {
    id: 'find-a-meeting',
    kind: 'reach-out',
    titleKey: 'prompt_findAMeeting_title',
    stepKeys: ['prompt_findAMeeting_step1', 'prompt_findAMeeting_step2', 'prompt_findAMeeting_step3'],
  },

  // Self-care
  {
    id: 'water-and-food',
    kind: 'self-care',
    titleKey: 'prompt_waterAndFood_title',
    stepKeys: ['prompt_waterAndFood_step1', 'prompt_waterAndFood_step2', 'prompt_waterAndFood_step3'],
  },
  {
    id: 'talk-to-yourself-kindly',
    kind: 'self-care',
    titleKey: 'prompt_talkToYourselfKindly_title',
    stepKeys: ['prompt_talkToYourselfKindly_step1', 'prompt_talkToYourselfKindly_step2', 'prompt_talkToYourselfKindly_step3'],
  },
  {
    id: 'something-soothing',
    kind: 'self-care',
    titleKey: 'prompt_somethingSoothing_title',
    stepKeys: ['prompt_somethingSoothing_step1', 'prompt_somethingSoothing_step2', 'prompt_somethingSoothing_step3'],
  },

  // Leaving the trigger
  {
    id: 'step-away',
    kind: 'leave',
    titleKey: 'prompt_stepAway_title',
    stepKeys: ['prompt_stepAway_step1', 'prompt_stepAway_step2', 'prompt_stepAway_step3'],
  },
  {
    id: 'change-where-you-are',
    kind: 'leave',
    titleKey: 'prompt_changeWhereYouAre_title',
    stepKeys: ['prompt_changeWhereYouAre_step1', 'prompt_changeWhereYouAre_step2', 'prompt_changeWhereYouAre_step3'],
  },
  {
    id: 'put-distance-in',
    kind: 'leave',
    titleKey: 'prompt_putDistanceIn_title',
    stepKeys: ['prompt_putDistanceIn_step1', 'prompt_putDistanceIn_step2', 'prompt_putDistanceIn_step3'],
  },

  // Urge surfing
  {
    id: 'surf-the-urge',
    kind: 'urge-surfing',
    titleKey: 'prompt_surfTheUrge_title',
    stepKeys: ['prompt_surfTheUrge_step1', 'prompt_surfTheUrge_step2', 'prompt_surfTheUrge_step3', 'prompt_surfTheUrge_step4'],
  },
  {
    id: 'watch-the-wave',
    kind: 'urge-surfing',
    titleKey: 'prompt_watchTheWave_title',
    stepKeys: ['prompt_watchTheWave_step1', 'prompt_watchTheWave_step2', 'prompt_watchTheWave_step3', 'prompt_watchTheWave_step4'],
  },
  {
    id: 'rate-wait-rate',
    kind: 'urge-surfing',
    titleKey: 'prompt_rateWaitRate_title',
    stepKeys: ['prompt_rateWaitRate_step1', 'prompt_rateWaitRate_step2', 'prompt_rateWaitRate_step3'],
  },

  // Delay and distract
  {
    id: 'wait-fifteen-minutes',
    kind: 'delay-distract',
    titleKey: 'prompt_waitFifteenMinutes_title',
    stepKeys: ['prompt_waitFifteenMinutes_step1', 'prompt_waitFifteenMinutes_step2', 'prompt_waitFifteenMinutes_step3'],
  },
  {
    id: 'busy-hands',
    kind: 'delay-distract',
    titleKey: 'prompt_busyHands_title',
    stepKeys: ['prompt_busyHands_step1', 'prompt_busyHands_step2', 'prompt_busyHands_step3'],
  },
  {
    id: 'puzzle-for-your-mind',
    kind: 'delay-distract',
    titleKey: 'prompt_puzzleForYourMind_title',
    stepKeys: ['prompt_puzzleForYourMind_step1', 'prompt_puzzleForYourMind_step2', 'prompt_puzzleForYourMind_step3'],
  },

  // HALT
  {
    id: 'halt-check',
    kind: 'halt',
    titleKey: 'prompt_haltCheck_title',
    stepKeys: ['prompt_haltCheck_step1', 'prompt_haltCheck_step2', 'prompt_haltCheck_step3'],
  },
  {
    id: 'what-do-i-need',
    kind: 'halt',
    titleKey: 'prompt_whatDoINeed_title',
    stepKeys: ['prompt_whatDoINeed_step1', 'prompt_whatDoINeed_step2', 'prompt_whatDoINeed_step3'],
  },

  // Grounding
  {
    id: 'grounding-5-4-3-2-1',
    kind: 'grounding',
    titleKey: 'prompt_grounding54321_title',
    stepKeys: ['prompt_grounding54321_step1', 'prompt_grounding54321_step2', 'prompt_grounding54321_step3', 'prompt_grounding54321_step4'],
  },
  {
    id: 'feet-on-the-floor',
    kind: 'grounding',
    titleKey: 'prompt_feetOnTheFloor_title',
    stepKeys: ['prompt_feetOnTheFloor_step1', 'prompt_feetOnTheFloor_step2', 'prompt_feetOnTheFloor_step3'],
  },
  {
    id: 'something-cold',
    kind: 'grounding',
    titleKey: 'prompt_somethingCold_title',
    stepKeys: ['prompt_somethingCold_step1', 'prompt_somethingCold_step2'],
  },

  // Costs and benefits
  {
    id: 'play-it-forward',
    kind: 'costs-benefits',
    titleKey: 'prompt_playItForward_title',
    stepKeys: ['prompt_playItForward_step1', 'prompt_playItForward_step2', 'prompt_playItForward_step3'],
  },
  {
    id: 'weigh-it-up',
    kind: 'costs-benefits',
    titleKey: 'prompt_weighItUp_title',
    stepKeys: ['prompt_weighItUp_step1', 'prompt_weighItUp_step2', 'prompt_weighItUp_step3'],
  },
  {
    id: 'remember-your-reasons',
    kind: 'costs-benefits',
    titleKey: 'prompt_rememberYourReasons_title',
    stepKeys: ['prompt_rememberYourReasons_step1', 'prompt_rememberYourReasons_step2', 'prompt_rememberYourReasons_step3'],
  },
];
