import { t, tCount } from '../../lib/i18n/i18n';
import type { TurnedBack as Counts } from '../../lib/progress/turned-back';

/** How often the person turned back from a trigger site: this week, this month, ever, and per site. */
export function TurnedBack({ counts }: { counts: Counts }) {
  const periods: [string, number][] = [
    [t('progress_turnedWeek'), counts.week],
    [t('progress_turnedMonth'), counts.month],
    [t('progress_turnedAll'), counts.all],
  ];
  return (
    <div class="turned-back">
      <dl class="figures">
        {periods.map(([label, count]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{tCount('progress_times', count)}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">{t('progress_turnedWhat', [counts.left, counts.closed])}</p>
      {counts.bySite.length > 0 ? (
        <div class="table-scroll">
          <table class="numbers by-site">
            <caption>{t('progress_turnedBySite')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('progress_colSite')}</th>
                <th scope="col">{t('progress_colTimes')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.bySite.slice(0, 20).map(({ site, count }) => (
                <tr key={site}>
                  <th scope="row">{site}</th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {counts.bySite.length > 20 && <p class="muted">{tCount('progress_moreSites', counts.bySite.length - 20)}</p>}
        </div>
      ) : (
        <p class="muted">{t('progress_turnedNone')}</p>
      )}
    </div>
  );
}
