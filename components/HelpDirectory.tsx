import { helpCategoryTitle } from '../lib/help/categories';
import type { HelpSection, HelpService } from '../lib/help/directory';
import { serviceLinks, textWithLinks } from '../lib/help/links';
import { t } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';
import { ServiceActions } from './ServiceActions';
import './help.css';

/** Text with its web addresses as links that open in a new tab. */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {textWithLinks(text).map((part, i) =>
        'href' in part ? (
          <a key={i} href={part.href} target="_blank" rel="noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

function HelpEntry({ service }: { service: HelpService }) {
  const links = serviceLinks(service);
  // Hours are the provider's own words (directory data); only the advice around them is ours.
  const checkHours = service.confidence === 'secondary' && t(links.site ? 'help_checkHoursOnSite' : 'help_checkHoursWhenThrough');
  const source = t(service.confidence === 'official' ? 'help_sourceOfficial' : 'help_sourceSecondary', [part(0)]);
  return (
    <li class={service.emergency ? 'card emergency' : 'card'}>
      <h3>{service.name}</h3>
      <p>
        <LinkedText text={service.description} />
      </p>
      {(service.hours || checkHours) && <p class="help-hours">{[service.hours, checkHours].filter(Boolean).join(' · ')}</p>}
      <p class="actions">
        <ServiceActions service={service} />
      </p>
      <p class="help-source muted">{withParts(source, [<LinkedText text={service.source} />])}</p>
    </li>
  );
}

/** The region's helplines, one section a kind, each a click from a call, a text or their site. */
export function HelpDirectory({ sections, reviewed }: { sections: readonly HelpSection[]; reviewed: string }) {
  return (
    <>
      <p class="muted">{t('help_numbersCompiled', [reviewed])}</p>
      {sections.map((section) => (
        <section key={section.category} class="help-section" aria-labelledby={`help-${section.category}`}>
          <h2 id={`help-${section.category}`}>{helpCategoryTitle(section.category)}</h2>
          <ul class="help-list">
            {section.services.map((service) => (
              <HelpEntry key={service.id} service={service} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
