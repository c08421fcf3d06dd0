/**
 * Whether this browser compares a request's host with `requestDomains` letter for letter. Firefox
 * does, so `forum.test.` (the fully qualified name, which every browser sends to the same site and
 * keeps in the address) escapes a rule for `forum.test`; Chromium drops the trailing dot first.
 * Both facts are proven in a real browser by tests/e2e/host-forms.test.ts and its Firefox twin.
 */
export const LITERAL_DOMAINS: boolean = import.meta.env.BROWSER === 'firefox';

/** `domains` for `requestDomains`: where the browser compares literally, each also with its dot. */
export function withFullyQualified(domains: readonly string[], literal: boolean): string[] {
  return literal ? domains.flatMap((domain) => [domain, `${domain}.`]) : [...domains];
}
