import { t, tCount } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';
import { milestoneLabel } from '../lib/history/milestones';
import type { Streak } from '../lib/history/streak';

/** The streak at a glance: which day this is, the next milestone, the longest and the total. */
export function StreakSummary({ streak, substance }: { streak: Streak; substance?: string }) {
  const day = <span class="streak-number">{tCount('streak_day', streak.currentDay)}</span>;
  const which = substance ? t('streak_dayWithout', [part(0), substance]) : t('streak_daySinceLastUse', [part(0)]);
  const milestone = <strong>{milestoneLabel(streak.next.days)}</strong>;
  const { daysToGo } = streak.next;
  const next = daysToGo === 1 ? t('streak_nextMilestoneTomorrow', [part(0)]) : tCount('streak_nextMilestone', daysToGo, [part(0)]);
  return (
    <section class="streak" aria-labelledby="streak-day">
      <p class="streak-day" id="streak-day">
        {withParts(which, [day]).map((piece) => (typeof piece === 'string' ? <span class="streak-what">{piece}</span> : piece))}
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
