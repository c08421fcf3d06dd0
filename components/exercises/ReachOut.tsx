import './exercises.css';
import { HARD_MOMENT_MESSAGE, reachLinks } from '../../lib/coping/reach-out';
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
export function ReachOut({ people, helpHref, message = HARD_MOMENT_MESSAGE, planHref }: ReachOutProps) {
  const named = people.filter((person) => person.name.trim().length > 0);
  return (
    <div class="reach-out">
      {named.length > 0 ? (
        <ul class="reach-out-list">
          {named.map((person) => {
            const links = reachLinks(person, message);
            return (
              <li key={person.id}>
                <strong>{person.name}</strong>
                {person.relationship && <span class="muted"> · {person.relationship}</span>}
                {person.willDo && <span class="muted reach-out-will-do">{person.willDo}</span>}
                <span class="exercise-actions">
                  {links.call && (
                    <a class="button" href={links.call} aria-label={`Call ${person.name}`}>
                      Call
                    </a>
                  )}
                  {links.text && (
                    <a class="button quiet" href={links.text} aria-label={`Text ${person.name}`}>
                      Text
                    </a>
                  )}
                  {links.email && (
                    <a class="button quiet" href={links.email} aria-label={`Email ${person.name}`}>
                      Email
                    </a>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>
          You haven't added anyone to your plan yet, and that's all right. A helpline can listen right now.
          {planHref && (
            <>
              {' '}
              When you feel up to it, <a href={planHref}>add someone you trust to your plan</a>.
            </>
          )}
        </p>
      )}
      <p>
        <a class="help-link" href={helpHref}>
          Get help now
        </a>{' '}
        <span class="muted">Helplines you can call or text, any time.</span>
      </p>
    </div>
  );
}
