import { regionName, type RegionCode } from '../../lib/help/directory';
import type { StreakStart } from '../../lib/history/streak-start-item';
import { catalogueLanguage, t, tCount } from '../../lib/i18n/i18n';
import type { Plan } from '../../lib/plan/plan';
import type { Trigger } from '../../lib/triggers/trigger';
import { useProtection } from '../../components/use-protection';
import { describeProblem } from '../../lib/blocking/protection-status';
import { ReminderOffer } from './ReminderOffer';

interface Props {
  start: StreakStart | null;
  triggers: readonly Trigger[];
  plan: Plan;
  /** Undefined when the person skipped the question and their browser language did not say. */
  region: RegionCode | undefined;
  recoveryHref: string;
  helpHref: string;
  /** The lock-in page, offered last and only as a choice (issue 21). */
  lockInHref?: string;
  onStartAgain: () => void;
}

const filled = (text: string) => text.trim().length > 0;

/** `2026-11-20` → "20 November 2026", in the catalogue's language, whatever the time zone. */
function longDay(day: string): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(at)) return day;
  return new Intl.DateTimeFormat(catalogueLanguage(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/** The last screen: what is set up now, what happens on a trigger site, and where to go next. */
export function Done({ start, triggers, plan, region, recoveryHref, helpHref, lockInHref, onStartAgain }: Props) {
  const sites = triggers.filter((trigger) => trigger.kind !== 'keyword').map((trigger) => trigger.display);
  const list = new Intl.ListFormat(catalogueLanguage(), { type: 'conjunction' }).format(sites);
  const reasons = plan.reasons.filter(filled).length;
  const steps = plan.ifThenSteps.filter((step) => filled(step.when) || filled(step.then)).length;
  const people = plan.supportPeople.filter((person) => filled(person.name)).length;
  // Private windows are off by default in every browser: ask for them here, with the steps.
  const { problems, family } = useProtection();
  const privateOff = problems.find((problem) => problem.kind === 'private-windows');

  return (
    <>
      <p>{t('welcome_doneIntro')}</p>
      <ul class="set-up">
        <li>{start ? t('welcome_doneStreak', [longDay(start.startedOn)]) : t('welcome_doneNoStreak')}</li>
        <li>{sites.length > 0 ? tCount('welcome_doneTriggers', sites.length, [list]) : t('welcome_doneNoTriggers')}</li>
        <li>{tCount('welcome_doneReasons', reasons)}</li>
        <li>{tCount('welcome_doneSteps', steps)}</li>
        <li>{tCount('welcome_donePeople', people)}</li>
        <li>{region ? t('welcome_doneRegion', [t(regionName(region))]) : t('welcome_doneNoRegion')}</li>
      </ul>
      {privateOff && (
        <section class="protection-off" aria-labelledby="private-title">
          <h3 id="private-title">{t('protection_welcomeHeading')}</h3>
          <p>
            {describeProblem(privateOff, family).what} {describeProblem(privateOff, family).how}
          </p>
        </section>
      )}
      <ReminderOffer />
      <h3>{t('welcome_donePauseHeading')}</h3>
      <p>{t('welcome_donePause')}</p>
      <h3>{t('welcome_doneNextHeading')}</h3>
      <ul class="next-links">
        <li>
          <a href={recoveryHref}>{t('welcome_myRecovery')}</a>
          <span class="muted">{t('welcome_doneRecovery')}</span>
        </li>
        <li>
          <a href={helpHref}>{t('common_getHelpNow')}</a>
          <span class="muted">{t('welcome_doneHelp')}</span>
        </li>
        {lockInHref && (
          <li>
            <a href={lockInHref}>{t('lockIn_heading')}</a>
            <span class="muted">{t('welcome_doneLockIn')}</span>
          </li>
        )}
      </ul>
      <p>
        <button type="button" class="quiet" onClick={onStartAgain}>
          {t('welcome_startAgain')}
        </button>
      </p>
    </>
  );
}
