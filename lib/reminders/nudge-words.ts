import { catalogueLanguage, t } from '../i18n/i18n';
import type { Plan } from '../plan/plan';
import { planStepFor, type NudgeChoice } from './nudge';
import type { NudgeSlot } from './schedule';

/** A Monday, so weekday 0 … 6 are its days (UTC, so no zone moves them). */
const MONDAY = Date.UTC(2024, 0, 1);
const weekdayAt = (weekday: number) => MONDAY + weekday * 86_400_000;

/** "Friday", "21:00" (in the person's language) for a slot. */
export function slotWords({ weekday, hour }: NudgeSlot, language: string = catalogueLanguage()): { day: string; time: string } {
  return {
    day: new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(weekdayAt(weekday)),
    time: new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(weekdayAt(weekday) + hour * 3_600_000),
  };
}

/** The nudge, gently: the time that has been hard, and their own plan's step for it (never the streak). */
export function nudgeWords(choice: Extract<NudgeChoice, { ok: true }>, plan: Pick<Plan, 'ifThenSteps'>, language: string = catalogueLanguage()) {
  const { day, time } = slotWords(choice.slot, language);
  const names = [...new Set([day, slotWords(choice.slot, 'en').day])];
  const step = planStepFor(plan, names);
  return {
    title: t('reminders_nudgeTitle'),
    message: step ? t('reminders_nudgeWithStep', [day, time, step.when, step.then]) : t('reminders_nudgeNoStep', [day, time]),
  };
}
