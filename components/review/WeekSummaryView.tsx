import { t, tCount } from '../../lib/i18n/i18n';
import type { WeekSummary } from '../../lib/review/week';
import { hardMomentText, helpedText, setOffsText, weekRange } from '../../lib/review/words';

/** The last seven days: check-ins, urges, turning back and the hardest moments. */
export function WeekSummaryView({ summary }: { summary: WeekSummary }) {
  const { checkins, urges, turnedBack, hardest, insights } = summary;
  const figures: [string, string][] = [
    [t('review_checkinDays'), t('review_daysOfSeven', [checkins.days])],
    [t('review_urges'), String(urges.count)],
    [t('review_urgesEased'), String(urges.eased)],
    [t('review_turnedBack'), tCount('progress_times', turnedBack.times)],
  ];
  return (
    <section class="card week" aria-labelledby="week-title">
      <h2 id="week-title">{t('review_weekHeading')}</h2>
      <p class="muted week-range">{weekRange(summary.week)}</p>
      <dl class="figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('review_whatHelpedHeading')}</h3>
      {insights.helped.length > 0 ? (
        <ul class="helped">
          {insights.helped.map((entry) => (
            <li key={`${entry.action}:${entry.ownAction ?? ''}`}>{helpedText(entry)}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('review_whatHelpedNone')}</p>
      )}
      {insights.fade && <p>{t('review_fade', [insights.fade.minutes])}</p>}
      {insights.setOffs.length > 0 && <p class="set-offs">{setOffsText(insights.setOffs)}</p>}
      <h3>{t('review_hardestHeading')}</h3>
      {hardest.length > 0 ? (
        <ul class="hardest">
          {hardest.map((moment) => (
            <li key={moment.at}>{hardMomentText(moment)}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('review_hardestNone')}</p>
      )}
    </section>
  );
}
