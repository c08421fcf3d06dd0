import { t, tCount } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';
import { milestoneLabel } from '../lib/history/milestones';
import type { Streak } from '../lib/history/streak';
import { currentStreakWords } from '../lib/history/streak-words';

/**
 * The streak at a glance: the days without use, the next milestone, the longest and the total, all
 * counted by one rule and in the same words (lib/history/streak-words.ts).
 */
export function StreakSummary({ streak, substance }: { streak: Streak; substance?: string }) {
  const words = currentStreakWords(streak, substance);
  const figure = words.figure === undefined ? [] : [<span class="streak-number">{words.figure}</span>];
  const milestone = <strong>{milestoneLabel(streak.next.days)}</strong>;
  const { daysToGo } = streak.next;
  const next = daysToGo === 1 ? t('streak_nextMilestoneTomorrow', [part(0)]) : tCount('streak_nextMilestone', daysToGo, [part(0)]);
  return (
    <section class="streak" aria-labelledby="streak-day">
      <p class="streak-day" id="streak-day">
        {withParts(words.text, figure).map((piece) => (typeof piece === 'string' ? <span class="streak-what">{piece}</span> : piece))}
      </p>
      <p class="streak-next">{withParts(next, [milestone])}</p>
      <dl class="streak-facts">
        <div>
          <dt>{t('streak_longest')}</dt>
          <dd>{tCount('streak_days', streak.longest)}</dd>
        </div>
        <div>
          <dt>{t('streak_totalWithout')}</dt>
          <dd>{tCount('streak_days', streak.totalDaysWithout)}</dd>
        </div>
      </dl>
    </section>
  );
}
