import { dialable, type SupportPerson } from '../lib/plan/plan';

/** The person's support people, each one click from a call, a text or an email. */
export function SupportPeople({ people, message }: { people: readonly SupportPerson[]; message: string }) {
  const named = people.filter((person) => person.name.trim().length > 0);
  if (named.length === 0) return null;
  return (
    <section class="card" aria-labelledby="support-title">
      <h2 id="support-title">Reach out</h2>
      <ul class="support-list">
        {named.map((person) => {
          const phone = dialable(person.phone);
          const email = person.email.trim();
          return (
            <li key={person.id}>
              <strong>{person.name}</strong>
              {person.relationship && <span class="muted"> · {person.relationship}</span>}
              {person.willDo && <p class="muted">{person.willDo}</p>}
              <p class="actions">
                {phone && (
                  <a class="button" href={`tel:${phone}`} aria-label={`Call ${person.name}`}>
                    Call
                  </a>
                )}
                {phone && (
                  <a
                    class="button quiet"
                    href={`sms:${phone}?body=${encodeURIComponent(message)}`}
                    aria-label={`Text ${person.name}`}
                  >
                    Text
                  </a>
                )}
                {email.includes('@') && (
                  <a
                    class="button quiet"
                    href={`mailto:${encodeURIComponent(email).replace('%40', '@')}?body=${encodeURIComponent(message)}`}
                    aria-label={`Email ${person.name}`}
                  >
                    Email
                  </a>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
