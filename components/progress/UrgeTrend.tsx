import { useMemo, useState } from 'preact/hooks';
import { t, tCount } from '../../lib/i18n/i18n';
import type { TrendPeriod, TrendPoint, SurfSummary } from '../../lib/progress/urge-trend';
import { decimal, periodName } from '../../lib/progress/words';
import { Disclosure } from './Disclosure';

interface Props {
  /** The points for a period, computed on demand (the week view is shown first). */
  pointsFor: (period: TrendPeriod) => TrendPoint[];
  surf?: SurfSummary;
}

const W = 600;
const H = 200;
const PAD = { left: 28, right: 8, top: 10, bottom: 24 };
type Series = 'craving' | 'urgeBefore' | 'urgeAfter';
const SERIES: Series[] = ['craving', 'urgeBefore', 'urgeAfter'];

/** Runs of consecutive points that have a value, as SVG polyline points. */
function segments(points: TrendPoint[], series: Series): string[] {
  const step = (W - PAD.left - PAD.right) / Math.max(1, points.length - 1);
  const y = (v: number) => PAD.top + (1 - v / 10) * (H - PAD.top - PAD.bottom);
  const runs: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    const value = p[series];
    if (value === undefined) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${(PAD.left + i * step).toFixed(1)},${y(value).toFixed(1)}`);
  });
  if (run.length) runs.push(run.join(' '));
  return runs;
}

/** Cravings at check-in and urge-surfing ratings as lines over weeks, months or years, with the numbers as a table. */
export function UrgeTrend({ pointsFor, surf }: Props) {
  const [period, setPeriod] = useState<TrendPeriod>('week');
  const points = useMemo(() => pointsFor(period), [pointsFor, period]);
  const withCraving = points.filter((p) => p.craving !== undefined);
  const any = points.some((p) => p.checkins > 0 || p.urges > 0);
  const firstCraving = withCraving[0]?.craving;
  const lastCraving = withCraving.at(-1)?.craving;
  const summary = !any
    ? t('progress_trendNone')
    : firstCraving !== undefined && lastCraving !== undefined && withCraving.length > 1
      ? t('progress_trendSentence', [decimal(firstCraving), decimal(lastCraving)])
      : t('progress_trendShort');
  const names: Record<Series, string> = {
    craving: t('progress_lineCraving'),
    urgeBefore: t('progress_lineBefore'),
    urgeAfter: t('progress_lineAfter'),
  };
  const periods: [TrendPeriod, string][] = [
    ['week', t('progress_periodWeek')],
    ['month', t('progress_periodMonth')],
    ['year', t('progress_periodYear')],
  ];
  const value = (v: number | undefined) => (v === undefined ? t('progress_noValue') : decimal(v));

  return (
    <div class="urge-trend">
      <div class="periods" role="group" aria-label={t('progress_periodLabel')}>
        {periods.map(([key, label]) => (
          <button key={key} type="button" class="quiet" aria-pressed={period === key} onClick={() => setPeriod(key)}>
            {label}
          </button>
        ))}
      </div>
      <p id="trend-summary">{summary}</p>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="trend-summary">
        {[0, 5, 10].map((v) => {
          const y = PAD.top + (1 - v / 10) * (H - PAD.top - PAD.bottom);
          return (
            <g key={v} class="grid-line">
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} />
              <text x={PAD.left - 6} y={y + 4} text-anchor="end">
                {v}
              </text>
            </g>
          );
        })}
        {points.length > 0 && (
          <>
            <text class="axis" x={PAD.left} y={H - 6}>
              {periodName(points[0]!.start, period)}
            </text>
            <text class="axis" x={W - PAD.right} y={H - 6} text-anchor="end">
              {periodName(points.at(-1)!.start, period)}
            </text>
          </>
        )}
        {SERIES.map((series) =>
          segments(points, series).map((line, i) =>
            line.includes(' ') ? (
              <polyline key={`${series}${i}`} class={`line ${series}`} points={line} />
            ) : (
              <circle key={`${series}${i}`} class={`dot ${series}`} cx={line.split(',')[0]} cy={line.split(',')[1]} r="3" />
            ),
          ),
        )}
      </svg>
      <ul class="legend">
        {SERIES.map((series) => (
          <li key={series}>
            <svg class="key" viewBox="0 0 24 8" aria-hidden="true">
              <line class={`line ${series}`} x1="0" x2="24" y1="4" y2="4" />
            </svg>{' '}
            {names[series]}
          </li>
        ))}
      </ul>
      <Disclosure summary={t('progress_showNumbers')}>
        {() => (
          <div class="table-scroll">
            <table class="numbers">
              <caption class="visually-hidden">{t('progress_trendHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('progress_colPeriod')}</th>
                  <th scope="col">{names.craving}</th>
                  <th scope="col">{t('progress_colCheckins')}</th>
                  <th scope="col">{names.urgeBefore}</th>
                  <th scope="col">{names.urgeAfter}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.start}>
                    <th scope="row">{periodName(p.start, period)}</th>
                    <td>{value(p.craving)}</td>
                    <td>{p.checkins}</td>
                    <td>{value(p.urgeBefore)}</td>
                    <td>{value(p.urgeAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Disclosure>
      <h3>{t('progress_surfHeading')}</h3>
      {surf ? (
        <div class="surf">
          <p>{tCount('progress_surfSentence', surf.pairs, [decimal(surf.averageBefore), decimal(surf.averageAfter), surf.fell])}</p>
          <svg
            class="surf-bars"
            viewBox="0 0 300 60"
            role="img"
            aria-label={t('progress_surfChart', [decimal(surf.averageBefore), decimal(surf.averageAfter)])}
          >
            <rect class="bar before" x="0" y="6" height="18" width={(surf.averageBefore / 10) * 300} />
            <rect class="bar after" x="0" y="36" height="18" width={(surf.averageAfter / 10) * 300} />
          </svg>
        </div>
      ) : (
        <p class="muted">{t('progress_surfNone')}</p>
      )}
    </div>
  );
}
