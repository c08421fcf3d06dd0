import { serviceLinks } from '../lib/help/links';
import { t } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';

interface Props {
  service: Parameters<typeof serviceLinks>[0] & { name: string; phone?: string | null; sms?: string | null };
  /** Crisis lines leave the web site out: in a crisis, a voice or a text. */
  withSite?: boolean;
}

/** Call, text and visit buttons for a help service, each only when a safe link can be made. */
export function ServiceActions({ service, withSite = true }: Props) {
  const links = serviceLinks(service);
  return (
    <>
      {links.call && (
        <a class="button" href={links.call}>
          {t('help_call', [service.phone ?? ''])}
        </a>
      )}
      {links.text && (
        <a class="button quiet" href={links.text}>
          {t('help_text', [service.sms ?? ''])}
        </a>
      )}
      {withSite && links.site && (
        <a class="button quiet" href={links.site} target="_blank" rel="noreferrer">
          {withParts(t('help_visitSite', [part(0)]), [<span class="visually-hidden">{t('help_visitSiteName', [service.name])}</span>])}
        </a>
      )}
    </>
  );
}
