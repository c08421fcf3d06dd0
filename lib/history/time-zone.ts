/** The person's IANA time zone now, as the browser reports it ("Europe/London"). */
export function currentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
