/*
 * How the current streak is worded, in one place for the popup and the pause page. Every figure
 * counts whole days without use by lib/history/streak.ts's one rule, in the same words as the
 * longest streak and the total ("23 days"), so no screen reads "Day 24" beside "Longest streak 23
 * days". With no whole day yet (the start day, the day of a setback and until a day is over) there
 * is no number to show: the words say it is a fresh start, never "0 days".
 */
import { t, tCount } from '../i18n/i18n';
import { part } from '../i18n/with-parts';
import type { Streak } from './streak';

/** Words with `part(0)` where `figure` goes (shown large), or no figure at all. */
export interface StreakWords {
  text: string;
  figure?: string;
}

/** The popup's headline: "23 days without ketamine", "23 days without use", or a fresh start. */
export function currentStreakWords(streak: Pick<Streak, 'daysWithout'>, substance?: string): StreakWords {
  if (streak.daysWithout <= 0) return { text: t('streak_freshStart') };
  const figure = tCount('streak_days', streak.daysWithout);
  return { text: substance ? t('streak_daysWithout', [part(0), substance]) : t('streak_daysWithoutUse', [part(0)]), figure };
}

/** The pause page's line: "23 days without use." or a fresh start; a picture, never a reason. */
export function pauseStreakWords(streak: Pick<Streak, 'daysWithout'>): StreakWords {
  if (streak.daysWithout <= 0) return { text: t('streak_freshStart') };
  return { text: t('pause_streak', [part(0)]), figure: tCount('streak_days', streak.daysWithout) };
}
