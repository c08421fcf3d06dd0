import { milestoneLabel } from '../lib/history/milestones';
import type { Streak } from '../lib/history/streak';

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** The streak at a glance: which day this is, the next milestone, the longest and the total. */
export function StreakSummary({ streak, substance }: { streak: Streak; substance?: string }) {
  const what = substance ? `without ${substance}` : 'since my last use';
  return (
    <section class="streak" aria-labelledby="streak-day">
      <p class="streak-day" id="streak-day">
        <span class="streak-number">Day {streak.currentDay}</span>
        <span class="streak-what"> {what}</span>
      </p>
      <p class="streak-next">
        Next milestone: <strong>{milestoneLabel(streak.next.days)}</strong>
        {streak.next.daysToGo === 1 ? ', tomorrow' : `, in ${days(streak.next.daysToGo)}`}
      </p>
      <dl class="streak-facts">
        <div>
          <dt>Longest streak</dt>
          <dd>{days(streak.longest)}</dd>
        </div>
        <div>
          <dt>Total days without use</dt>
          <dd>{days(streak.totalDaysWithout)}</dd>
        </div>
      </dl>
    </section>
  );
}
