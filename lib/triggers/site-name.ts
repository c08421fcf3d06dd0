/** DNS limits (RFC 1035 §2.3.4): rules can never match a name longer than these. */
const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
/** Echoed input is cut so a huge paste cannot flood the message. */
const MAX_ECHO_LENGTH = 60;

/**
 * Input made safe to echo: control and invisible format characters (bidi overrides among them)
 * shown as `�`, cut to a readable length on whole characters. The UI shows it as text, never as HTML.
 */
export function clip(text: string): string {
  const chars = Array.from(text.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD'));
  return chars.length > MAX_ECHO_LENGTH ? `${chars.slice(0, MAX_ECHO_LENGTH - 1).join('')}…` : chars.join('');
}

export const quote = (text: string): string => `“${clip(text)}”`;

/** The host part of what was typed, before `URL` maps it: for messages and for display. */
export function typedHost(text: string): string {
  const afterScheme = text.replace(/^https?:/i, '').replace(/^[/\\]+/, '');
  const authority = afterScheme.split(/[/\\?#]/)[0] ?? '';
  return authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
}

const isNumber = (label: string): boolean => /^(?:\d+|0x[\da-f]*)$/i.test(label);

/**
 * Why `host` (ASCII, from `URL`, trailing dot removed) cannot be a trigger, or undefined if it can.
 * `host` is undefined when `URL` refused the input; then only a numeric name gets its own message.
 */
export function siteNameProblem(host: string | undefined, text: string): string | undefined {
  const typed = typedHost(text).toLowerCase().replace(/\.$/, '');
  const byNumber =
    `Steadfast pauses sites by name, for example example.com, rather than by a number such as ${quote(text)}`;
  if (host === undefined) return isNumber(typed.split('.').pop() ?? '') ? byNumber : undefined;
  const labels = host.split('.');
  if (host.startsWith('[') || isNumber(labels.at(-1) ?? '')) return byNumber;

  if (labels.length === 1) {
    return host === 'localhost'
      ? `${quote(text)} is this computer, not a web site. Try a site such as example.com`
      : `${quote(text)} needs its ending, for example ${clip(`${typed}.com`)}`;
  }
  if (labels.includes('')) {
    return `${quote(text)} has an empty part between dots. Try ${clip(typed.split('.').filter(Boolean).join('.'))}`;
  }
  if (labels[0] === '*') {
    return `No need for “*.”: ${clip(typed.replace(/^\*\./, ''))} already covers all of its subdomains`;
  }
  for (const label of labels) {
    const odd = /[^a-z\d-]/.exec(label);
    if (odd) return `${quote(text)} has “${clip(odd[0])}” in it. Site names use only letters, digits and hyphens`;
  }
  if (labels.some((label) => label.startsWith('-') || label.endsWith('-'))) {
    return `${quote(text)} has a part that starts or ends with a hyphen, which site names cannot have`;
  }
  if (labels.some((label) => label.length > MAX_LABEL_LENGTH)) {
    return `${quote(text)} has a part longer than ${MAX_LABEL_LENGTH} characters between dots, the most a site name allows`;
  }
  if (host.length > MAX_HOST_LENGTH) {
    return `That site name is longer than ${MAX_HOST_LENGTH} characters, the most a site name can have. Check it and try again`;
  }
  return undefined;
}
