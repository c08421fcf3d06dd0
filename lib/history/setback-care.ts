/*
 * Care after a lapse (../shared/CARE.md): the setback is logged as now, with its learning
 * questions waiting (`followUp: 'open'`) until the person answers them, today or another day.
 */
import { catalogueLanguage } from '../i18n/i18n';
import type { HistoryDB } from './db';
import type { SetbackEvent } from './event';
import { addEvent, eventsByType, updateEvent } from './events';

export interface LearningAnswers {
  whatLedToIt: string;
  whatHelpedBefore: string;
  oneChange: string;
}

/** Logs a setback as now: never a day the person has to pick, never a question first. */
export function logSetbackNow(db: HistoryDB, now = Date.now()): Promise<SetbackEvent> {
  return addEvent(db, { type: 'setback', followUp: 'open' }, now);
}

/** Saves what the person learnt with the setback; empty answers stay unset. Undefined when it is gone. */
export function saveLearning(db: HistoryDB, id: string, answers: LearningAnswers): Promise<SetbackEvent | undefined> {
  const answer = (text: string) => text.trim() || undefined;
  return updateEvent(db, id, 'setback', {
    whatHappened: answer(answers.whatLedToIt),
    whatHelpedBefore: answer(answers.whatHelpedBefore),
    whatIllChange: answer(answers.oneChange),
    followUp: 'done',
  });
}

/** The latest setback whose questions were kept for later, with its day as the person reads it. */
export async function openFollowUp(db: HistoryDB, language: string = catalogueLanguage()): Promise<{ id: string; day: string } | undefined> {
  const open = (await eventsByType(db, 'setback')).filter((e) => e.followUp === 'open').at(-1);
  if (!open) return undefined;
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: open.tz }).format(open.at);
  return { id: open.id, day };
}
