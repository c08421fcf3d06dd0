import { WELCOME_STEPS, type WelcomePlace, type WelcomeStep } from './welcome-item';

/** 1 to 4 for a step; used in "Step 2 of 4". */
export function stepNumber(step: WelcomeStep): number {
  return WELCOME_STEPS.indexOf(step) + 1;
}

/** Where Next (or Skip) leads: the following step, or the last screen after the fourth. */
export function nextPlace(place: WelcomePlace): WelcomePlace {
  if (place === 'done') return 'done';
  return WELCOME_STEPS[WELCOME_STEPS.indexOf(place) + 1] ?? 'done';
}

/** Where Back leads: the step before; from the last screen, the fourth step; nothing before the first. */
export function previousPlace(place: WelcomePlace): WelcomeStep | undefined {
  if (place === 'done') return WELCOME_STEPS[WELCOME_STEPS.length - 1];
  const index = WELCOME_STEPS.indexOf(place);
  return index > 0 ? WELCOME_STEPS[index - 1] : undefined;
}
