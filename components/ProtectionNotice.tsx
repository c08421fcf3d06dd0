import { describeProblem, type BrowserFamily, type ProtectionProblem } from '../lib/blocking/protection-status';
import { t } from '../lib/i18n/i18n';

interface Props {
  problems: readonly ProtectionProblem[];
  family: BrowserFamily;
  /** Asks the browser for site access again (only a click may ask); the button shows only with it. */
  onAllowSites?: () => void;
  /** A heading above the list (My recovery); the popup shows the first line alone on top. */
  heading?: string;
}

/** What part of protection is off and how to turn it back on, most serious first. Nothing when all is on. */
export function ProtectionNotice({ problems, family, onAllowSites, heading }: Props) {
  if (problems.length === 0) return null;
  return (
    <section class="protection-off" aria-label={heading ?? t('protection_heading')}>
      {heading && <h2>{heading}</h2>}
      <ul>
        {problems.map((problem) => {
          const { what, how } = describeProblem(problem, family);
          return (
            <li key={problem.kind} data-problem={problem.kind}>
              <strong>{what}</strong> <span>{how}</span>
              {problem.kind === 'site-access' && onAllowSites && (
                <>
                  {' '}
                  <button type="button" onClick={onAllowSites}>
                    {t('hostAccess_allow')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
