import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ProblemNotice } from '../../components/ProblemNotice';
import { timed } from '../../components/element-timing';
import { MilestoneTimeline } from '../../components/progress/MilestoneTimeline';
import { RiskHeatmap } from '../../components/progress/RiskHeatmap';
import { TurnedBack } from '../../components/progress/TurnedBack';
import { UrgeInsights } from '../../components/progress/UrgeInsights';
import { UrgeTrend } from '../../components/progress/UrgeTrend';
import { YearCalendar } from '../../components/progress/YearCalendar';
import { t, tCount } from '../../lib/i18n/i18n';
import type { Problem } from '../../lib/problems/problems';
import { yearCalendar, yearCounts } from '../../lib/progress/calendar';
import { yearStart } from '../../lib/time/days';
import { addSituationToPlan, type ProgressLoad, type ProgressView } from '../../lib/progress/progress-page';
import type { TrendPeriod } from '../../lib/progress/urge-trend';
import { riskWindowName } from '../../lib/progress/words';

/**
 * "My recovery" → Progress: how far the person has come, and when they are most at risk.
 * `loading` is the history being read (started before the first render, see main.tsx).
 */
export function App({ loading }: { loading: Promise<ProgressLoad> }) {
  const [view, setView] = useState<ProgressView>();
  const [checked, setChecked] = useState(false);
  const [redrawn, setRedrawn] = useState(0);
  const [failed, setFailed] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  // Every section is drawn in one commit. Drawing the first screen (streak, calendar) a frame before
  // the sections below it (a state set in the task after the next frame: commit 796df52) was tried
  // and measured slower, first screen included, in both A/B runs of bench:progress on this loaded
  // machine's software-rastered Chromium (issue 19). `below` is where that split would come back.
  const below = true;
  useEffect(() => {
    loading
      .then(({ view: first, corrected, problems: met }) => {
        setView(first);
        setProblems(met);
        return corrected;
      })
      .then((again) => {
        // Drawn afresh (a new key): the calendar's year and marks belong to the view they came from.
        if (again) {
          setView(again);
          setRedrawn((n) => n + 1);
        }
        setChecked(true);
      })
      .catch(() => setFailed(true));
  }, [loading]);
  // The same element while the view stays the same, so marking the page complete redraws nothing.
  const body = useMemo(() => view && (view.empty ? <Welcome /> : <Progress key={redrawn} view={view} below={below} />), [view, redrawn, below]);
  // First screen: the streak and the calendar drawn (in one commit, with every section). Ready: every section drawn. Complete: and the
  // events counted against what was drawn (redrawn if they disagreed).
  const drawn = view && below;
  return (
    <main
      class="progress"
      aria-busy={!drawn && !failed}
      data-first-screen={view ? 'true' : undefined}
      data-ready={drawn ? 'true' : undefined}
      data-complete={drawn && checked ? 'true' : undefined}
    >
      {failed && <p role="alert">{t('progress_loadFailed')}</p>}
      <ProblemNotice problems={problems} />
      {!view && !failed && <p class="muted">{t('progress_loading')}</p>}
      {body}
    </main>
  );
}

function Welcome() {
  return (
    <section class="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title" {...timed('progress-first-welcome')}>
        {t('progress_emptyHeading')}
      </h2>
      <p>{t('progress_emptyText')}</p>
      <p>
        <a href="/options.html#streak">{t('progress_emptyStart')}</a>
      </p>
    </section>
  );
}

/** The page for a view; `below`: the sections under the first screen too (see App). */
function Progress({ view, below }: { view: ProgressView; below: boolean }) {
  const { streak } = view;
  const [year, setYear] = useState(view.years.to);
  // This year's marks come with the view; an earlier year's days are read when the calendar turns to it.
  const [shown, setShown] = useState({ year, marks: view.marks });
  const [yearFailed, setYearFailed] = useState(false);
  useEffect(() => {
    let current = true;
    setYearFailed(false);
    if (year !== shown.year)
      view.marksOf(year).then(
        (marks) => current && setShown({ year, marks }),
        () => current && setYearFailed(true),
      );
    return () => {
      current = false;
    };
  }, [year, shown.year, view]);
  const weeks = useMemo(() => yearCalendar({ year: shown.year, marks: shown.marks, startedOn: view.startedOn, today: view.today }), [shown, view]);
  const yearEnd = yearStart(shown.year + 1) - 1;
  const { without, setbacks, checkedIn } = yearCounts(weeks);
  const trend = useCallback((period: TrendPeriod) => view.trend(period), [view]);
  const window = below && view.riskWindow ? { ...view.riskWindow, name: riskWindowName(view.riskWindow) } : undefined;
  const [planStatus, setPlanStatus] = useState('');

  async function addToPlan(name: string) {
    const result = await addSituationToPlan(name);
    const message = result === 'added' ? t('progress_riskAdded', [name]) : t('progress_riskAlready', [name]);
    setPlanStatus(message);
    return message;
  }

  return (
    <>
      <section class="card" aria-labelledby="where-title">
        <h2 id="where-title">{t('progress_whereHeading')}</h2>
        {streak ? (
          <dl class="figures">
            <div>
              <dt>{t('progress_currentStreak')}</dt>
              <dd class="streak-day" {...timed('progress-first-streak')}>
                {tCount('progress_days', streak.daysWithout)}
              </dd>
            </div>
            <div>
              <dt>{t('progress_longest')}</dt>
              <dd>{tCount('progress_days', streak.longest)}</dd>
            </div>
            <div>
              <dt>{t('progress_total')}</dt>
              <dd class="total-days">{tCount('progress_days', streak.totalDaysWithout)}</dd>
            </div>
          </dl>
        ) : (
          <p>
            <a href="/options.html#streak">{t('progress_emptyStart')}</a>
          </p>
        )}
      </section>

      <section class="card" aria-labelledby="calendar-title">
        <div class="section-head">
          <h2 id="calendar-title">{t('progress_calendarHeading', [shown.year])}</h2>
          <div class="year-nav">
            <button type="button" class="quiet" disabled={year <= view.years.from} onClick={() => setYear(year - 1)}>
              {t('progress_previousYear')}
            </button>
            <button type="button" class="quiet" disabled={year >= view.years.to} onClick={() => setYear(year + 1)}>
              {t('progress_nextYear')}
            </button>
          </div>
        </div>
        <p class="muted">{t('progress_calendarIntro')}</p>
        {yearFailed && <p role="alert">{t('progress_loadFailed')}</p>}
        <div aria-busy={shown.year !== year && !yearFailed}>
          <YearCalendar year={shown.year} weeks={weeks} initialDay={Math.min(view.today, yearEnd)} />
        </div>
        <dl class="figures year-figures">
          <div>
            <dt>{t('progress_yearWithout')}</dt>
            <dd>{without}</dd>
          </div>
          <div>
            <dt>{t('progress_yearSetbacks')}</dt>
            <dd>{setbacks}</dd>
          </div>
          <div>
            <dt>{t('progress_yearCheckins')}</dt>
            <dd>{checkedIn}</dd>
          </div>
        </dl>
      </section>

      {below && (
        <>
          <section class="card" aria-labelledby="trend-title">
            <h2 id="trend-title">{t('progress_trendHeading')}</h2>
            <UrgeTrend pointsFor={trend} surf={view.surf} />
          </section>

          <section class="card" aria-labelledby="urge-insights-title">
            <h2 id="urge-insights-title">{t('progress_urgesHeading')}</h2>
            <UrgeInsights insights={view.urgeInsights} />
          </section>

          <section class="card" aria-labelledby="risk-title">
            <h2 id="risk-title">{t('progress_riskHeading')}</h2>
            <RiskHeatmap grid={view.risk} window={window} onAddToPlan={addToPlan} status={planStatus} />
          </section>

          <section class="card" aria-labelledby="turned-title">
            <h2 id="turned-title">{t('progress_turnedHeading')}</h2>
            <TurnedBack counts={view.turnedBack} />
          </section>

          <section class="card" aria-labelledby="milestones-title">
            <h2 id="milestones-title">{t('progress_milestonesHeading')}</h2>
            <MilestoneTimeline timeline={view.timeline} />
          </section>
        </>
      )}
    </>
  );
}
