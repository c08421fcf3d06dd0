import { t } from '../../lib/i18n/i18n';
import { DAY_PARTS, HIGH_CRAVING, type RiskGrid, type RiskWindow } from '../../lib/progress/risk';
import { weekdayName } from '../../lib/progress/words';
import { Disclosure } from './Disclosure';

interface Props {
  grid: RiskGrid;
  /** The busiest window, named ("Friday and Saturday evenings"), or undefined while there is too little. */
  window?: RiskWindow & { name: string };
  /** Adds the window to the plan; resolves to what to tell the person. */
  onAddToPlan: (name: string) => Promise<string>;
  status: string;
}

const CELL = 16;
const LEFT = 40;
const TOP = 16;

/** When urges come, by weekday and hour: a 7 × 24 heatmap, one sentence, the counts as a table, and a way into the plan. */
export function RiskHeatmap({ grid, window, onAddToPlan, status }: Props) {
  const max = Math.max(1, ...grid.flat());
  const partLabels = [t('progress_partNight'), t('progress_partMorning'), t('progress_partAfternoon'), t('progress_partEvening')];
  return (
    <div class="risk">
      <p id="risk-sentence" class="risk-sentence">
        {window ? t('progress_riskSentence', [window.name]) : t('progress_riskTooFew')}
      </p>
      <svg class="heatmap" viewBox={`0 0 ${LEFT + 24 * CELL} ${TOP + 7 * CELL}`} role="img" aria-labelledby="risk-sentence">
        {[0, 6, 12, 18].map((hour) => (
          <text key={hour} class="axis" x={LEFT + hour * CELL} y={TOP - 4}>
            {String(hour).padStart(2, '0')}
          </text>
        ))}
        {/* The 168 empty hours are one rectangle filled with a pattern of cells; only hours with urges
            are drawn one by one, over it (fewer elements to make and lay out, issue 19). */}
        <defs>
          <pattern id="heat-cells" patternUnits="userSpaceOnUse" x={LEFT} y={TOP} width={CELL} height={CELL}>
            <rect class="cell" x="1" y="1" width={CELL - 2} height={CELL - 2} rx="2" />
          </pattern>
        </defs>
        <rect x={LEFT} y={TOP} width={24 * CELL} height={7 * CELL} fill="url(#heat-cells)" />
        {grid.map((hours, day) => (
          <g key={day}>
            <text class="axis" x={LEFT - 6} y={TOP + day * CELL + CELL * 0.7} text-anchor="end">
              {weekdayName(day, 'short')}
            </text>
            {hours.map((count, hour) =>
              count > 0 ? (
                <rect
                  key={hour}
                  class="cell hot"
                  x={LEFT + hour * CELL + 1}
                  y={TOP + day * CELL + 1}
                  width={CELL - 2}
                  height={CELL - 2}
                  rx="2"
                  fill-opacity={0.2 + (0.8 * count) / max}
                />
              ) : null,
            )}
          </g>
        ))}
      </svg>
      <p class="muted">{t('progress_riskCounted', [HIGH_CRAVING])}</p>
      {window && (
        <p>
          <button type="button" onClick={() => void onAddToPlan(window.name)}>
            {t('progress_riskAdd', [window.name])}
          </button>
        </p>
      )}
      <p role="status" class="status">
        {status}
      </p>
      <Disclosure summary={t('progress_showNumbers')}>
        {() => (
          <div class="table-scroll">
            <table class="numbers">
              <caption class="visually-hidden">{t('progress_riskHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('progress_colDay')}</th>
                  {partLabels.map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.map((hours, day) => (
                  <tr key={day}>
                    <th scope="row">{weekdayName(day)}</th>
                    {DAY_PARTS.map(({ part, from }) => (
                      <td key={part}>{hours.slice(from, from + 6).reduce((a, b) => a + b, 0)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Disclosure>
    </div>
  );
}
