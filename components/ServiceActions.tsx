import { serviceLinks } from '../lib/help/links';

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
          Call {service.phone}
        </a>
      )}
      {links.text && (
        <a class="button quiet" href={links.text}>
          Text {service.sms}
        </a>
      )}
      {withSite && links.site && (
        <a class="button quiet" href={links.site} target="_blank" rel="noreferrer">
          Visit their site<span class="visually-hidden"> ({service.name})</span>
        </a>
      )}
    </>
  );
}
