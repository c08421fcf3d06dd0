import { storage } from 'wxt/utils/storage';

/** The welcome's four steps, in order. Stored by name, so a later reordering keeps a person's place. */
export const WELCOME_STEPS = ['streak', 'triggers', 'plan', 'help'] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];
/** Where a person is: one of the steps, or `done` (the screen that says what is set up). */
export type WelcomePlace = WelcomeStep | 'done';

/**
 * How far a person got through the welcome, and which parts of their plan the welcome wrote, so
 * that coming back shows their own answers and a later edit changes those, never anything else.
 * The answers themselves live where the rest of Steadfast reads them (streak start, trigger list,
 * plan, help region): this item only points at them. Version 1.
 *
 * A later version adds `migrations: { 2: (v1: WelcomeV1) => WelcomeV2 }` and keeps `WelcomeV1` here.
 */
export interface WelcomeV1 {
  place: WelcomePlace;
  /** The reason the welcome added to `plan.reasons`, as stored (trimmed); found again by its text. */
  reason?: string;
  /** The if-then step the welcome added to `plan.ifThenSteps`. */
  ifThenStepId?: string;
  /** The support person the welcome added to `plan.supportPeople`. */
  supportPersonId?: string;
}
export type Welcome = WelcomeV1;

export function freshWelcome(): Welcome {
  return { place: 'streak' };
}

export const welcomeItem = storage.defineItem<Welcome>('local:welcome', {
  version: 1,
  fallback: freshWelcome(),
});

function isPlace(value: unknown): value is WelcomePlace {
  return value === 'done' || (WELCOME_STEPS as readonly unknown[]).includes(value);
}

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/**
 * Reads the welcome state, keeping only what it understands: a place it doesn't know (from a
 * damaged store, or a restored backup of a newer version) starts again at the first step, and
 * the pointers to the person's answers survive that.
 */
export async function loadWelcome(item = welcomeItem): Promise<Welcome> {
  const stored: Partial<Record<keyof Welcome, unknown>> | null = await item.getValue();
  const welcome: Welcome = { place: isPlace(stored?.place) ? stored.place : 'streak' };
  const reason = text(stored?.reason);
  const ifThenStepId = text(stored?.ifThenStepId);
  const supportPersonId = text(stored?.supportPersonId);
  if (reason) welcome.reason = reason;
  if (ifThenStepId) welcome.ifThenStepId = ifThenStepId;
  if (supportPersonId) welcome.supportPersonId = supportPersonId;
  return welcome;
}
