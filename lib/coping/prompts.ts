/**
 * The coping prompts the pause page and the popup's "I'm having an urge" can show.
 *
 * Each one is something a person can do right now, where they are, in a couple of minutes.
 * Sources: the recovery guidance this project serves (breathing, mindfulness, movement, reaching
 * out, self-care, leaving the trigger) and CBT / SMART practice (urge surfing, delay and
 * distract, HALT, 5-4-3-2-1 grounding, costs and benefits). See DESIGN.md, "Coping content".
 *
 * Writing rules, checked by tests/unit/coping.test.ts: warm, plain UK English, second person;
 * no shaming words; 1 to 5 steps of at most 140 characters; ids stable and kebab-case, because
 * the ids of recently shown prompts are stored to keep the pause page changing.
 */

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

export interface Prompt {
  /** Stable and kebab-case: stored in the list of recently shown prompts. */
  id: string;
  kind: CopingKind;
  title: string;
  /** 1 to 5 short sentences the person can do right now. */
  steps: string[];
}

/** A prompt from the built-in library (never a personal one). */
export interface LibraryPrompt extends Prompt {
  kind: LibraryKind;
}

export const COPING_PROMPTS: readonly LibraryPrompt[] = [
  // Breathing
  {
    id: 'box-breathing',
    kind: 'breathing',
    title: 'Box breathing',
    steps: [
      'Breathe in slowly through your nose for a count of four.',
      'Hold your breath gently for four.',
      'Breathe out through your mouth for four, then rest for four.',
      'Go round the box four times, at your own pace.',
    ],
  },
  {
    id: 'breathing-4-7-8',
    kind: 'breathing',
    title: '4-7-8 breathing',
    steps: [
      'Sit comfortably and let your shoulders drop.',
      'Breathe in quietly through your nose for a count of four.',
      'Hold it for a count of seven.',
      'Breathe out slowly through your mouth for a count of eight.',
      'Do this four times. If the counts feel long, shorten them and keep the out-breath longest.',
    ],
  },
  {
    id: 'longer-out-breath',
    kind: 'breathing',
    title: 'Slow the out-breath',
    steps: [
      'Rest one hand on your belly.',
      'Breathe in so your hand rises, then let the breath out a little slower than it came in.',
      'Keep going for ten breaths. A long, slow out-breath helps your body settle.',
    ],
  },

  // Mindfulness
  {
    id: 'notice-the-thought',
    kind: 'mindfulness',
    title: 'Notice the thought',
    steps: [
      'Sit back and notice what your mind is telling you right now.',
      "Put it into words: \u2018I'm having the thought that\u2026\u2019",
      'A thought is not an instruction. You can let it be there without acting on it.',
    ],
  },
  {
    id: 'one-minute-body-scan',
    kind: 'mindfulness',
    title: 'A one-minute body scan',
    steps: [
      'Close your eyes, or rest them on one spot.',
      'Move your attention slowly from your feet up to the top of your head.',
      'Where you find tension, breathe into it and let it soften a little.',
      'Notice how you feel now, without needing to change it.',
    ],
  },
  {
    id: 'one-thing-slowly',
    kind: 'mindfulness',
    title: 'One thing, slowly',
    steps: [
      'Pick up something near you: a cup, a pen, your keys.',
      'Look at it as if for the first time: its colour, weight, texture and temperature.',
      'When your mind wanders, gently bring it back to the object.',
    ],
  },

  // Movement
  {
    id: 'stand-and-stretch',
    kind: 'movement',
    title: 'Stand up and stretch',
    steps: [
      'Stand up and reach both arms above your head.',
      'Lean slowly to one side, then the other.',
      'Roll your shoulders back five times and shake out your hands.',
    ],
  },
  {
    id: 'short-walk',
    kind: 'movement',
    title: 'Take a short walk',
    steps: [
      'Get up and walk, even if it is just to another room or round the block.',
      'Notice your feet meeting the ground with each step.',
      'Moving changes how your body feels, and the urge often shifts with it.',
    ],
  },
  {
    id: 'two-minutes-of-movement',
    kind: 'movement',
    title: 'Two minutes of movement',
    steps: [
      'Do something that lifts your heart rate a little: march on the spot, do star jumps or climb the stairs.',
      'Keep it up for two minutes.',
      'Then stop, breathe, and notice how you feel.',
    ],
  },

  // Reaching out
  {
    id: 'send-a-message',
    kind: 'reach-out',
    title: 'Send someone a message',
    steps: [
      'Think of one person who is on your side.',
      "Send them a short message, even just \u2018Having a hard moment, can you talk?\u2019",
      "You don't have to explain everything. Reaching out is a strong step.",
    ],
  },
  {
    id: 'call-someone',
    kind: 'reach-out',
    title: 'Call someone who gets it',
    steps: [
      'Ring a support person, a sponsor or someone from your group.',
      "Tell them what's going on for you right now.",
      "If no one picks up, try the next person, or a helpline from the Help link.",
    ],
  },
  {
    id: 'find-a-meeting',
    kind: 'reach-out',
    title: 'Find a group',
    steps: [
      'Look up a mutual aid or SMART Recovery meeting, in person or online.',
      'Many run every day, and you are welcome to just listen.',
      'Being around people who understand can take the edge off an urge.',
    ],
  },

  // Self-care
  {
    id: 'water-and-food',
    kind: 'self-care',
    title: 'Look after your body',
    steps: [
      'Get a glass of water and drink it slowly.',
      "If you haven't eaten for a while, have something small.",
      'Small kindnesses to your body make hard moments easier to ride out.',
    ],
  },
  {
    id: 'talk-to-yourself-kindly',
    kind: 'self-care',
    title: 'Talk to yourself like a friend',
    steps: [
      'Imagine a friend told you they were feeling this urge.',
      'What would you say to them? Say it to yourself now.',
      'If things have been hard lately, that is something to learn from, not a reason to give up.',
    ],
  },
  {
    id: 'something-soothing',
    kind: 'self-care',
    title: 'Something soothing',
    steps: [
      'Splash your face with cool water, or wrap up in something warm.',
      'Put on a song that calms you.',
      'Let yourself have a few minutes of comfort. You deserve it.',
    ],
  },

  // Leaving the trigger
  {
    id: 'step-away',
    kind: 'leave',
    title: 'Step away from the screen',
    steps: [
      "You don't need to stay here. Choose \u2018Take me away\u2019 or close this tab.",
      'Put your phone or laptop down for a few minutes.',
      "Walking away is a skill, and you're using it right now.",
    ],
  },
  {
    id: 'change-where-you-are',
    kind: 'leave',
    title: 'Change where you are',
    steps: [
      'Move to a different room, or step outside for some air.',
      "If you're on your own, go where other people are.",
      'A new place can loosen the pull of the moment.',
    ],
  },
  {
    id: 'put-distance-in',
    kind: 'leave',
    title: 'Put some distance in',
    steps: [
      'If something linked to using is near you, put it out of sight or out of reach.',
      'Log out of the site or app, so it takes more steps to come back.',
      'Each step between you and the trigger buys you time.',
    ],
  },

  // Urge surfing
  {
    id: 'surf-the-urge',
    kind: 'urge-surfing',
    title: 'Surf the urge',
    steps: [
      'Notice the urge. Where do you feel it in your body?',
      'Give it a number from 0 to 10.',
      'Urges rise, peak and pass like a wave, usually within 20 to 30 minutes.',
      'Breathe, and ride it without acting on it. Rate it again in a little while.',
    ],
  },
  {
    id: 'watch-the-wave',
    kind: 'urge-surfing',
    title: 'Watch the wave',
    steps: [
      'Picture the urge as a wave, and yourself riding it.',
      "Notice it building. You don't have to fight it or follow it.",
      'Stay with your breath as it crests and starts to fall away.',
      'Each wave you ride out is practice for the next one.',
    ],
  },
  {
    id: 'rate-wait-rate',
    kind: 'urge-surfing',
    title: 'Rate it, wait, rate it again',
    steps: [
      'Rate the urge from 0 to 10 right now, and remember the number.',
      'Set a timer for ten minutes and let the urge be there while you wait.',
      'When the timer goes, rate it again and notice what has changed.',
    ],
  },

  // Delay and distract
  {
    id: 'wait-fifteen-minutes',
    kind: 'delay-distract',
    title: 'Wait 15 minutes',
    steps: [
      "You don't have to decide anything right now.",
      'Set a timer for 15 minutes. All you are agreeing to is to wait.',
      'Do something else until it goes, then check in with yourself again.',
    ],
  },
  {
    id: 'busy-hands',
    kind: 'delay-distract',
    title: 'Give your hands something to do',
    steps: [
      'Pick something that needs your hands: wash up, tidy a drawer, doodle or play a quick game.',
      'Keep at it for a few minutes.',
      'Let the urge fade into the background while you are busy.',
    ],
  },
  {
    id: 'puzzle-for-your-mind',
    kind: 'delay-distract',
    title: 'Give your mind a puzzle',
    steps: [
      'Count backwards from 100 in sevens.',
      'Or name an animal for every letter of the alphabet.',
      'A busy mind leaves the urge less room.',
    ],
  },

  // HALT
  {
    id: 'halt-check',
    kind: 'halt',
    title: 'HALT check',
    steps: [
      'Pause and ask yourself: am I Hungry, Angry, Lonely or Tired?',
      'Pick the one that fits best right now. It may be more than one.',
      'Meet that need first: eat something, let off steam, reach out or rest.',
    ],
  },
  {
    id: 'what-do-i-need',
    kind: 'halt',
    title: 'What do I need right now?',
    steps: [
      'An urge is often standing in for another need.',
      'Ask yourself: am I after comfort, company, rest or relief?',
      'Find one small, safe way to give yourself some of that now.',
    ],
  },

  // Grounding
  {
    id: 'grounding-5-4-3-2-1',
    kind: 'grounding',
    title: '5-4-3-2-1 grounding',
    steps: [
      'Name 5 things you can see around you.',
      'Notice 4 things you can touch, and feel each one.',
      'Listen for 3 things you can hear.',
      'Find 2 things you can smell and 1 thing you can taste.',
    ],
  },
  {
    id: 'feet-on-the-floor',
    kind: 'grounding',
    title: 'Feet on the floor',
    steps: [
      'Press your feet into the floor and feel it holding you up.',
      'Notice the chair beneath you and the air on your skin.',
      'Say to yourself where you are, what day it is and what you can see.',
    ],
  },
  {
    id: 'something-cold',
    kind: 'grounding',
    title: 'Something cold',
    steps: [
      'Hold something cold, like an ice cube or a cold drink, or run cold water over your wrists.',
      'Notice the feeling and stay with it for a minute.',
    ],
  },

  // Costs and benefits
  {
    id: 'play-it-forward',
    kind: 'costs-benefits',
    title: 'Play it forward',
    steps: [
      'Imagine going ahead. Picture the next hour, tonight, and tomorrow morning.',
      'Now picture not going ahead. How might tomorrow feel instead?',
      'Which tomorrow would you rather wake up to?',
    ],
  },
  {
    id: 'weigh-it-up',
    kind: 'costs-benefits',
    title: 'Weigh it up',
    steps: [
      'What would using give you right now? Be honest with yourself.',
      'What might it cost you: your health, money, sleep, the people you love, your plans?',
      'What does sticking with your plan give you today?',
    ],
  },
  {
    id: 'remember-your-reasons',
    kind: 'costs-benefits',
    title: 'Remember your reasons',
    steps: [
      'Think of one reason you chose to make this change.',
      'Picture the person or thing it protects.',
      'Hold onto that for a moment before you decide what to do next.',
    ],
  },
];
