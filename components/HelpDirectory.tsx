import { HELP_CATEGORY_TITLES } from '../lib/help/categories';
import type { HelpSection, HelpService } from '../lib/help/directory';
import { serviceLinks, textWithLinks } from '../lib/help/links';
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
  return (
    <li class={service.emergency ? 'card emergency' : 'card'}>
      <h3>{service.name}</h3>
      <p>
        <LinkedText text={service.description} />
      </p>
      {(service.hours || service.confidence === 'secondary') && (
        <p class="help-hours">
          {service.hours}
          {service.confidence === 'secondary' &&
            (links.site ? ' · Please check current hours on their site.' : ' · Please check current hours when you get through.')}
        </p>
      )}
      <p class="actions">
        <ServiceActions service={service} />
      </p>
      <p class="help-source muted">
        {service.confidence === 'official' ? 'Checked on an official page. ' : 'Checked against independent sources only. '}
        Source: <LinkedText text={service.source} />
      </p>
    </li>
  );
}

/** The region's helplines, one section a kind, each a click from a call, a text or their site. */
export function HelpDirectory({ sections, reviewed }: { sections: readonly HelpSection[]; reviewed: string }) {
  return (
    <>
      <p class="muted">
        Numbers checked on {reviewed}. They can change: if one doesn't work, try the next, or the
        provider's own site.
      </p>
      {sections.map((section) => (
        <section key={section.category} class="help-section" aria-labelledby={`help-${section.category}`}>
          <h2 id={`help-${section.category}`}>{HELP_CATEGORY_TITLES[section.category]}</h2>
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
