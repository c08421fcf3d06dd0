import { t, type MessageKey } from './i18n';

/**
 * Puts the person's language into a page's static HTML. The build wrote English into each element
 * marked `data-msg="key"` (see `messagesInHtml` in wxt.config.ts) so the page paints before any
 * script runs; this replaces it where the person's language differs, and sets `<html lang>`.
 */
export function localisePage(root: Document = document, translate: (key: MessageKey) => string = t, language?: string): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-msg]')) {
    const text = translate(element.dataset.msg as MessageKey);
    if (element.textContent !== text) element.textContent = text;
  }
  if (language) root.documentElement.lang = language;
}
