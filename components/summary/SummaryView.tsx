import { t, type MessageKey } from '../../lib/i18n/i18n';
import type { CalendarCell } from '../../lib/progress/calendar';
import { decimal, helpedName, longDate, setOffName, shortDate, weekdayName } from '../../lib/progress/words';
import type { HelpedEntry } from '../../lib/progress/urge-insights';
import type { Summary, SummaryPlanChange, SummarySetback } from '../../lib/summary/summary';

interface Props {
  summary: Summary;
  onPrint: () => void;
}

const STATUS: Partial<Record<CalendarCell['status'], MessageKey>> = {
  without: 'summary_dayWithout',
  setback: 'summary_daySetback',
  today: 'summary_dayToday',
  before: 'summary_dayBefore',
};

const ANSWERS = [
  ['whatHappened', 'summary_whatHappened'],
  ['whatIFelt', 'summary_whatIFelt'],
  ['warningSignMissed', 'summary_warningSign'],
  ['whatIllChange', 'summary_whatIllChange'],
  ['whatHelpedBefore', 'summary_whatHelpedBefore'],
] as const satisfies readonly (readonly [keyof SummarySetback, MessageKey])[];

function changeLine({ day, text, from, appliedTo }: SummaryPlanChange): string {
  if (from === 'setback') return t('summary_changeAfterSetback', [shortDate(day), text]);
  return appliedTo ? t('summary_changeInReviewAdded', [shortDate(day), text]) : t('summary_changeInReview', [shortDate(day), text]);
}

const orNone = (n: number | undefined) => (n === undefined ? t('summary_trendNone') : decimal(n));

/**
 * The printed summary: made for paper first (black on white, tables rather than colour alone),
 * calm on screen. Every figure comes worked out from lib/summary/summary.ts.
 */
export function SummaryView({ summary, onPrint }: Props) {
  const { from, to, counts } = summary;
  return (
    <>
      <p class="summary-range">{t('summary_range', [longDate(from), longDate(to)])}</p>
      <p class="muted summary-made">{t('summary_madeOn', [longDate(to)])}</p>
      <div class="no-print summary-actions">
        <button type="button" onClick={onPrint}>
          {t('summary_print')}
        </button>
        <p class="muted">{t('summary_printHint')}</p>
      </div>

      {summary.empty ? (
        <p class="summary-empty">{t('summary_empty')}</p>
      ) : (
        <>
          <section class="summary-section" aria-labelledby="summary-days-title">
            <h2 id="summary-days-title">{t('summary_calendarHeading')}</h2>
            <dl class="figures">
              <Figure label={t('summary_countWithout')} value={counts.without} />
              <Figure label={t('summary_countSetbacks')} value={counts.setbacks} />
              <Figure label={t('summary_countCheckedIn')} value={counts.checkedIn} />
              <Figure label={t('summary_countUrges')} value={counts.urges} />
              <Figure label={t('summary_countTurnedBack')} value={counts.turnedBack} />
            </dl>
            <table class="summary-calendar">
              <caption class="visually-hidden">{t('summary_calendarLabel')}</caption>
              <thead>
                <tr>
                  {[0, 1, 2, 3, 4, 5, 6].map((weekday) => (
                    <th scope="col" key={weekday}>
                      {weekdayName(weekday, 'short')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {summary.calendar.map((week, w) => (
                  <tr key={w}>{week.map((cell, d) => (cell ? <Day key={d} cell={cell} /> : <td key={d} class="outside" />))}</tr>
                ))}
              </tbody>
            </table>
          </section>

          <section class="summary-section" aria-labelledby="summary-trend-title">
            <h2 id="summary-trend-title">{t('summary_trendHeading')}</h2>
            <div class="table-scroll">
              <table class="numbers summary-trend">
                <thead>
                  <tr>
                    <th scope="col">{t('summary_trendWeek')}</th>
                    <th scope="col">{t('summary_trendCheckins')}</th>
                    <th scope="col">{t('summary_trendCraving')}</th>
                    <th scope="col">{t('summary_trendUrges')}</th>
                    <th scope="col">{t('summary_trendBefore')}</th>
                    <th scope="col">{t('summary_trendAfter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.weeks.map((week) => (
                    <tr key={week.from}>
                      <th scope="row">{t('summary_trendWeekDates', [shortDate(week.from), shortDate(week.to)])}</th>
                      <td>{week.checkins}</td>
                      <td>{orNone(week.craving)}</td>
                      <td>{week.urges}</td>
                      <td>{orNone(week.urgeBefore)}</td>
                      <td>{orNone(week.urgeAfter)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section class="summary-section" aria-labelledby="summary-helped-title">
            <h2 id="summary-helped-title">{t('summary_helpedHeading')}</h2>
            <WhatHelped summary={summary} />
          </section>

          <section class="summary-section" aria-labelledby="summary-plan-title">
            <h2 id="summary-plan-title">{t('summary_planHeading')}</h2>
            {summary.plan.changes.length > 0 ? (
              <>
                <p>{t('summary_planIntro')}</p>
                <ul class="summary-changes">
                  {summary.plan.changes.map((change, i) => (
                    <li key={i}>{changeLine(change)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('summary_planNoChanges')}</p>
            )}
            <p class="summary-review">
              {summary.plan.reviewDate === undefined
                ? t('summary_reviewNone')
                : t(summary.plan.reviewDue ? 'summary_reviewDue' : 'summary_review', [longDate(summary.plan.reviewDate)])}
            </p>
          </section>

          <section class="summary-section" aria-labelledby="summary-setbacks-title">
            <h2 id="summary-setbacks-title">{t('summary_setbacksHeading')}</h2>
            {summary.setbacks.length === 0 ? (
              <p>{t('summary_setbacksNone')}</p>
            ) : (
              <>
                <p class="muted">{t('summary_setbacksIntro')}</p>
                {summary.setbacks.map((setback) => (
                  <article class="summary-setback" key={setback.id} aria-labelledby={`setback-${setback.id}`}>
                    <h3 id={`setback-${setback.id}`}>{longDate(setback.day)}</h3>
                    <dl>
                      {ANSWERS.map(([field, label]) => (
                        <div key={field}>
                          <dt>{t(label)}</dt>
                          <dd class={setback[field] ? undefined : 'muted'}>{setback[field] || t('summary_notWritten')}</dd>
                        </div>
                      ))}
                    </dl>
                  </article>
                ))}
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Day({ cell }: { cell: CalendarCell }) {
  const status = STATUS[cell.status];
  return (
    <td class={`day ${cell.status}`}>
      <span class="date">{shortDate(cell.day)}</span>
      {status && <span class="mark">{t(status)}</span>}
      {cell.craving !== undefined && <span class="mark checkin">{t('summary_dayCheckin', [cell.craving])}</span>}
    </td>
  );
}

function helpedLine(entry: HelpedEntry): string {
  const action = helpedName(entry);
  const line =
    entry.averageDrop > 0
      ? t('summary_helpedEased', [action, decimal(entry.averageDrop), entry.count])
      : entry.averageDrop < 0
        ? t('summary_helpedRose', [action, decimal(-entry.averageDrop), entry.count])
        : t('summary_helpedSame', [action, entry.count]);
  return entry.fewTries ? `${line}; ${t('summary_helpedFewTries')}` : line;
}

/** What the urge log learnt over the four weeks (lib/progress/urge-insights.ts), and how urges eased while waited out. */
function WhatHelped({ summary }: { summary: Summary }) {
  const { surf, insights } = summary;
  if (!surf && insights.helped.length === 0 && !insights.fade && insights.setOffs.length === 0) return <p>{t('summary_helpedNone')}</p>;
  return (
    <>
      {insights.helped.length > 0 && (
        <>
          <h3>{t('summary_helpedMost')}</h3>
          <ol class="summary-helped">
            {insights.helped.map((entry) => (
              <li key={`${entry.action}:${entry.ownAction ?? ''}`}>{helpedLine(entry)}</li>
            ))}
          </ol>
        </>
      )}
      {insights.fade && <p class="summary-fade">{t('summary_fade', [insights.fade.minutes, insights.fade.count])}</p>}
      {insights.setOffs.length > 0 && (
        <>
          <h3>{t('summary_setOffsHeading')}</h3>
          <ul class="summary-set-offs">
            {insights.setOffs.slice(0, 5).map((entry) => (
              <li key={entry.setOff === 'own' ? `own:${entry.text}` : entry.setOff}>{t('summary_setOffLine', [setOffName(entry), entry.count])}</li>
            ))}
          </ul>
        </>
      )}
      {surf && <p class="summary-surf">{t('summary_surf', [surf.pairs, decimal(surf.averageBefore), decimal(surf.averageAfter), surf.fell])}</p>}
    </>
  );
}
