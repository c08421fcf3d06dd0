import { t, tCount } from '../../lib/i18n/i18n';
import type { MilestoneTimeline as Timeline } from '../../lib/progress/milestone-timeline';
import { longDate, milestoneName } from '../../lib/progress/words';

/** Every milestone reached, oldest first, with its date, and the next one still ahead. */
export function MilestoneTimeline({ timeline }: { timeline: Timeline }) {
  const { reached, next } = timeline;
  return (
    <div class="milestones">
      {reached.length === 0 ? (
        <p class="muted">{t('progress_milestonesNone')}</p>
      ) : (
        <ol class="timeline">
          {reached.map((m) => (
            <li key={`${m.reachedOn}:${m.days}`} class={m.current ? 'current' : 'earlier'}>
              <strong>{milestoneName(m.days)}</strong>{' '}
              <span>
                {m.current ? t('progress_milestoneReached', [longDate(m.reachedOn)]) : t('progress_milestoneReachedEarlier', [longDate(m.reachedOn)])}
              </span>
            </li>
          ))}
        </ol>
      )}
      {next && (
        <p class="next-milestone">
          {tCount('progress_milestoneNext', next.daysToGo, [milestoneName(next.days), longDate(next.reachedOn)])}
        </p>
      )}
    </div>
  );
}
