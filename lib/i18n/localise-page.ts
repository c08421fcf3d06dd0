import { t, type MessageKey } from './i18n';

/**
 * Puts the person's language into a page's static HTML. The build wrote English into each element
 * marked `data-msg="key"` (see `messagesInHtml` in wxt.config.ts) so the page paints before any
 * script runs; this replaces it where the person's language differs, and sets `<html lang>`.
 */
export function localisePage(
  root: Document = document,
  translate: (key: MessageKey, substitutions?: readonly string[]) => string = t,
  language?: string,
): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-msg]')) {
    const text = translate(element.dataset.msg as MessageKey, argumentsOf(element));
    if (element.textContent !== text) element.textContent = text;
  }
  // A name only screen readers hear (`aria-label`), such as the page shell's navigation.
  for (const element of root.querySelectorAll<HTMLElement>('[data-msg-label]')) {
    element.setAttribute('aria-label', translate(element.dataset.msgLabel as MessageKey));
  }
  if (language) root.documentElement.lang = language;
}

/** The words a message with placeholders needs, from `data-msg-args` (a JSON array of strings). */
function argumentsOf(element: HTMLElement): string[] | undefined {
  const written = element.dataset.msgArgs;
  if (written === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(written);
    return Array.isArray(parsed) ? parsed.map(String) : undefined;
  } catch {
    return undefined;
  }
}
