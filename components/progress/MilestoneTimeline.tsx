import { t, tCount } from '../../lib/i18n/i18n';
import type { MilestoneTimeline as Timeline, TimelineEntry } from '../../lib/progress/milestone-timeline';
import { longDate, milestoneName } from '../../lib/progress/words';
import { Disclosure } from './Disclosure';

/** How many of the latest milestones show at once; the ones before wait behind a disclosure. */
const LATEST_MILESTONES = 10;

function Entry({ m }: { m: TimelineEntry }) {
  return (
    <li class={m.current ? 'current' : 'earlier'}>
      <strong>{milestoneName(m.days)}</strong>{' '}
      <span>{m.current ? t('progress_milestoneReached', [longDate(m.reachedOn)]) : t('progress_milestoneReachedEarlier', [longDate(m.reachedOn)])}</span>
    </li>
  );
}

/**
 * Every milestone reached, oldest first, with its date, and the next one still ahead. The latest
 * ten show; years of streaks can hold hundreds, so the ones before them are one click away (and
 * drawn only then).
 */
export function MilestoneTimeline({ timeline }: { timeline: Timeline }) {
  const { reached, next } = timeline;
  const earlier = reached.slice(0, -LATEST_MILESTONES);
  const latest = reached.slice(-LATEST_MILESTONES);
  const key = (m: TimelineEntry) => `${m.reachedOn}:${m.days}`;
  return (
    <div class="milestones">
      {reached.length === 0 && <p class="muted">{t('progress_milestonesNone')}</p>}
      {earlier.length > 0 && (
        <Disclosure summary={tCount('progress_milestonesEarlier', earlier.length)}>
          {() => (
            <ol class="timeline">
              {earlier.map((m) => (
                <Entry key={key(m)} m={m} />
              ))}
            </ol>
          )}
        </Disclosure>
      )}
      {latest.length > 0 && (
        <ol class="timeline">
          {latest.map((m) => (
            <Entry key={key(m)} m={m} />
          ))}
        </ol>
      )}
      {next && <p class="next-milestone">{tCount('progress_milestoneNext', next.daysToGo, [milestoneName(next.days), longDate(next.reachedOn)])}</p>}
    </div>
  );
}
