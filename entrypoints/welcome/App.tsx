import { useStoredItem } from '../../components/useStoredItem';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ComingBack } from '../../components/ComingBack';
import { ProblemNotice } from '../../components/ProblemNotice';
import { StreakStartForm } from '../../components/StreakStartForm';
import { restoreSession } from '../../lib/backup/restore';
import { historyConnection } from '../../lib/history/db';
import type { RegionCode } from '../../lib/help/directory';
import { loadHelpRegion, saveHelpRegion } from '../../lib/help/help-region-item';
import { dayOf, dayText } from '../../lib/time/days';
import { saveStreakStart, streakStartItem, type StreakStart } from '../../lib/history/streak-start-item';
import { currentTimeZone } from '../../lib/time/days';
import { t } from '../../lib/i18n/i18n';
import type { Plan } from '../../lib/plan/plan';
import { loadPlan } from '../../lib/plan/plan-item';
import { emptyPlan } from '../../lib/plan/plan';
import { problemCollector, type Problem } from '../../lib/problems/problems';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import { answersIn, type PlanAnswers } from '../../lib/welcome/plan-answers';
import { nextPlace, previousPlace, stepNumber } from '../../lib/welcome/steps';
import { createWelcomeStore, type WelcomeStore } from '../../lib/welcome/welcome-store';
import { freshWelcome, loadWelcome, WELCOME_STEPS, type Welcome, type WelcomePlace } from '../../lib/welcome/welcome-item';
import { Done } from './Done';
import { HelpStep } from './HelpStep';
import { PlanStep } from './PlanStep';
import { TriggersStep } from './TriggersStep';

interface Loaded {
  welcome: Welcome;
  plan: Plan;
  start: StreakStart | null;
  /** Undefined when the browser language does not say: the help step asks. */
  region: RegionCode | undefined;
  /** Whether the plan holds words the welcome did not write (read once, as the page opens). */
  keepsOthers: boolean;
  /** What could not be read: the steps start afresh, and saving reads again before it writes. */
  problems: Problem[];
}

const STREAK_FORM = 'welcome-streak';
/** What "Coming back?" restored, carried over the reload that shows it in every step. */
const RESTORED = 'steadfast-welcome-restored';

const HEADINGS = {
  streak: 'welcome_streakHeading',
  triggers: 'welcome_triggersHeading',
  plan: 'welcome_planHeading',
  help: 'welcome_helpHeading',
  done: 'welcome_doneHeading',
} as const;

/**
 * The welcome a first install opens: four short, skippable steps that set a person up (streak
 * start, trigger sites, a reason and an if-then step, help region and a support person), each
 * saved as they go, and a last screen saying what is in place. Reopened from "My recovery", it
 * starts where they left off, with their answers.
 */
export function App({
  locale,
  store: given,
  now = Date.now(),
  timeZone = currentTimeZone(),
}: {
  locale: string;
  store?: WelcomeStore;
  now?: number;
  timeZone?: string;
}) {
  // One store for the page's life: it keeps saves in order.
  const [store] = useState(() => given ?? createWelcomeStore());
  const [loaded, setLoaded] = useState<Loaded>();
  const [place, setPlace] = useState<WelcomePlace>('streak');
  const [plan, setPlan] = useState<Plan>();
  const triggers = useStoredItem(triggerListItem).value ?? [];
  const [answers, setAnswers] = useState<PlanAnswers>();
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus follows the person's own moves, not the page opening (a screen reader starts at the top).
  const moved = useRef(false);
  const [restored] = useState(() => {
    const message = sessionStorage.getItem(RESTORED) ?? '';
    sessionStorage.removeItem(RESTORED);
    return message;
  });
  const [session] = useState(() => restoreSession(historyConnection));

  /** Everything from the file (a returning person's own); what that would loosen still waits. */
  async function restoreAll(mode: 'replace') {
    const result = await session.restore(mode);
    if (result.ok) {
      sessionStorage.setItem(RESTORED, result.message);
      location.reload();
    }
    return result;
  }

  useEffect(() => {
    void (async () => {
      const { read, problems } = problemCollector('welcome read');
      const [welcome, plan, start, region] = await Promise.all([
        read(loadWelcome(), 'storage', freshWelcome()),
        read(loadPlan(), 'storage', emptyPlan()),
        read(streakStartItem.getValue(), 'storage', null),
        loadHelpRegion(locale),
      ]);
      setPlan(plan);
      setPlace(welcome.place);
      setAnswers(answersIn(plan, welcome));
      setLoaded({ welcome, plan, start, region, keepsOthers: hasOwnWords(plan, welcome), problems: problems() });
    })();
  }, [locale]);

  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [place]);

  function go(next: WelcomePlace) {
    moved.current = true;
    setStatus('');
    setPlace(next);
    void store.goTo(next);
  }

  /** Saves one answer; the live region says when it is safe on the device. */
  function saving(save: Promise<Plan>) {
    setStatus(t('welcome_saving'));
    save.then(
      (next) => {
        setPlan(next);
        setStatus(t('welcome_saved'));
      },
      () => setStatus(t('welcome_saveFailed')),
    );
  }

  async function saveStart(startedOn: string, substance: string) {
    const check = await saveStreakStart(startedOn, substance);
    if (!check.ok) return check.message;
    const start = await streakStartItem.getValue();
    setLoaded((current) => current && { ...current, start });
    go(nextPlace('streak'));
    return undefined;
  }

  const helpHref = browser.runtime.getURL('/help.html');
  const recoveryHref = browser.runtime.getURL('/options.html');
  if (!loaded || !plan || !answers) return <Header recoveryHref={recoveryHref} />;
  const back = previousPlace(place);

  return (
    <>
      <Header recoveryHref={recoveryHref} />
      <main class="welcome">
        <ProblemNotice problems={loaded.problems} />
        {place !== 'done' && <ComingBack onChoose={session.choose} onRestore={restoreAll} restored={restored || undefined} onDone={() => go('done')} />}
        {place !== 'done' && <p class="intro">{t('welcome_intro')}</p>}
        <section class="card step" aria-labelledby="step-title">
          {place !== 'done' && <p class="step-count">{t('welcome_stepCount', [stepNumber(place), WELCOME_STEPS.length])}</p>}
          <h2 id="step-title" tabIndex={-1} ref={heading}>
            {t(HEADINGS[place])}
          </h2>
          {place === 'streak' && (
            <>
              <p class="muted">{t('welcome_streakIntro')}</p>
              <StreakStartForm formId={STREAK_FORM} today={dayText(dayOf(now, timeZone))} initial={loaded.start ?? undefined} onSave={saveStart} />
            </>
          )}
          {place === 'triggers' && <TriggersStep triggers={triggers} />}
          {place === 'plan' && (
            <PlanStep
              initial={answers}
              keepsOthers={loaded.keepsOthers}
              onReason={(reason) => {
                setAnswers({ ...answers, reason });
                saving(store.saveReason(reason));
              }}
              onIfThen={(ifThen) => {
                setAnswers({ ...answers, ifThen });
                saving(store.saveIfThen(ifThen));
              }}
            />
          )}
          {place === 'help' && (
            <HelpStep
              region={loaded.region}
              person={answers.person}
              onRegion={(region) => {
                setLoaded({ ...loaded, region });
                setStatus(t('welcome_saving'));
                saveHelpRegion(region).then(
                  () => setStatus(t('welcome_saved')),
                  () => setStatus(t('welcome_saveFailed')),
                );
              }}
              onPerson={(person) => {
                setAnswers({ ...answers, person });
                saving(store.savePerson(person));
              }}
            />
          )}
          {place === 'done' && (
            <Done
              start={loaded.start}
              triggers={triggers}
              plan={plan}
              region={loaded.region}
              recoveryHref={recoveryHref}
              helpHref={helpHref}
              lockInHref={browser.runtime.getURL('/lockin.html')}
              onStartAgain={() => go('streak')}
            />
          )}
          <p class="muted save-status" role="status">
            {status}
          </p>
          {place !== 'done' && (
            <div class="step-nav">
              {back && (
                <button type="button" class="quiet" onClick={() => go(back)}>
                  {t('welcome_back')}
                </button>
              )}
              <button type="button" class="quiet" onClick={() => go(nextPlace(place))}>
                {t('welcome_skip')}
              </button>
              {place === 'streak' ? (
                <button type="submit" form={STREAK_FORM}>
                  {t('welcome_next')}
                </button>
              ) : (
                <button type="button" onClick={() => go(nextPlace(place))}>
                  {place === 'help' ? t('welcome_finish') : t('welcome_next')}
                </button>
              )}
            </div>
          )}
        </section>
        {place !== 'done' && <p class="muted later">{t('welcome_later')}</p>}
      </main>
    </>
  );
}

function Header({ recoveryHref }: { recoveryHref: string }) {
  return (
    <header class="top">
      <h1>{t('welcome_heading')}</h1>
      <nav aria-label={t('welcome_pagesLabel')}>
        <a href={recoveryHref}>{t('welcome_myRecovery')}</a>
      </nav>
    </header>
  );
}

/** Whether the plan holds reasons or steps the welcome did not write, so the step can say they are kept. */
function hasOwnWords(plan: Plan, welcome: Welcome): boolean {
  const reasons = [...plan.reasons];
  const own = welcome.reason === undefined ? -1 : reasons.lastIndexOf(welcome.reason);
  if (own >= 0) reasons.splice(own, 1);
  return reasons.some((r) => r.trim()) || plan.ifThenSteps.some((s) => s.id !== welcome.ifThenStepId && (s.when.trim() || s.then.trim()));
}
