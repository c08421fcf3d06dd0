import './exercises.css';
import { hardMomentMessage, reachLinks } from '../../lib/coping/reach-out';
import { t } from '../../lib/i18n/i18n';
import type { SupportPerson } from '../../lib/plan/plan';

export interface ReachOutProps {
  people: readonly SupportPerson[];
  helpHref: string;
  /** What a text or an email starts with. */
  message?: string;
  /** Where the person can add support people; no link when left out. */
  planHref?: string;
}

/** The person's support people, each one click from a call, a text or an email, and help beside them. */
export function ReachOut({ people, helpHref, message = hardMomentMessage(), planHref }: ReachOutProps) {
  const named = people.filter((person) => person.name.trim().length > 0);
  return (
    <div class="reach-out">
      {named.length > 0 ? (
        <ul class="reach-out-list">
          {named.map((person) => {
            return (
              <li key={person.id}>
                <strong>{person.name}</strong>
                {person.relationship && <span class="muted"> · {person.relationship}</span>}
                {person.willDo && <span class="muted reach-out-will-do">{person.willDo}</span>}
                <span class="exercise-actions">
                  <ReachButtons person={person} message={message} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>
          {t('exercise_reachOut_nobody')}
          {planHref && (
            <>
              {' '}
              <AddSomeone planHref={planHref} />
            </>
          )}
        </p>
      )}
      <p>
        <a class="help-link" href={helpHref}>
          {t('common_getHelpNow')}
        </a>{' '}
        <span class="muted">{t('exercise_reachOut_helplines')}</span>
      </p>
    </div>
  );
}

/** A character no message holds: it stands in for the link so the sentence can be cut around it. */
const LINK_MARK = '\u2063';

/** "When you feel up to it, add someone you trust to your plan.": one sentence, its link inside. */
function AddSomeone({ planHref }: { planHref: string }) {
  const [before = '', after = ''] = t('exercise_reachOut_addSomeone', [LINK_MARK]).split(LINK_MARK);
  return (
    <>
      {before}
      <a href={planHref}>{t('exercise_reachOut_addSomeoneLink')}</a>
      {after}
    </>
  );
}

/** Call, text and email buttons for one support person, each only when their details make a safe link. */
export function ReachButtons({ person, message = hardMomentMessage() }: { person: SupportPerson; message?: string }) {
  const links = reachLinks(person, message);
  return (
    <>
      {links.call && (
        <a class="button" href={links.call} aria-label={t('exercise_reachOut_callName', [person.name])}>
          {t('exercise_reachOut_call')}
        </a>
      )}
      {links.text && (
        <a class="button quiet" href={links.text} aria-label={t('exercise_reachOut_textName', [person.name])}>
          {t('exercise_reachOut_text')}
        </a>
      )}
      {links.email && (
        <a class="button quiet" href={links.email} aria-label={t('exercise_reachOut_emailName', [person.name])}>
          {t('exercise_reachOut_email')}
        </a>
      )}
    </>
  );
}
