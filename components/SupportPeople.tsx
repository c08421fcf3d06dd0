import { t } from '../lib/i18n/i18n';
import type { SupportPerson } from '../lib/plan/plan';
import { ReachOut } from './exercises/ReachOut';
import { timed } from './element-timing';

/** "Reach out": the person's support people, one click from a call, a text or an email. */
export function SupportPeople({ people, helpHref }: { people: readonly SupportPerson[]; helpHref: string }) {
  if (!people.some((person) => person.name.trim().length > 0)) return null;
  return (
    <section class="card" aria-labelledby="support-title">
      <h2 id="support-title" {...timed('support-people')}>
        {t('support_heading')}
      </h2>
      <ReachOut people={people} helpHref={helpHref} />
    </section>
  );
}
