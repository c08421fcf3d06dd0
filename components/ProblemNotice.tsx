import { t } from '../lib/i18n/i18n';
import { PROBLEM_WORDS, type Problem } from '../lib/problems/problems';

/** What went wrong underneath the page, in plain, kind words; nothing when all is well. */
export function ProblemNotice({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="problem-notice" role="status">
      {problems.map((problem) => (
        <p key={problem}>{t(PROBLEM_WORDS[problem])}</p>
      ))}
    </div>
  );
}
