/**
 * The top of every Steadfast page: the name, "Get help now" and "I'm not safe", one click from
 * every screen (issue 16). It is written into each page's static HTML at build time (the
 * `pageShellInHtml` plugin in wxt.config.ts puts it where a page says `<!-- page shell -->`), so
 * it is there before any script runs and stays when a script or storage fails. The words are
 * `__MSG_key__` placeholders that the build fills with English and `localisePage` translates.
 */

/** Where a page marks its shell: `<!-- page shell -->`, or with an option, `<!-- page shell: new-tab -->`. */
export const PAGE_SHELL_MARKER = /<!-- page shell(?:: ([a-z-]+))? -->/;

export type PageShellOption = 'new-tab' | 'help' | 'crisis';

/** The shell's HTML. `new-tab`: links open a tab (the popup); `help`/`crisis`: that link is this page. */
export function pageShellHtml(option?: PageShellOption): string {
  const link = (className: string, href: string, key: string, here: boolean) =>
    `<a class="${className}" href="${href}" data-msg="${key}"${option === 'new-tab' ? ' target="_blank"' : ''}${here ? ' aria-current="page"' : ''}>__MSG_${key}__</a>`;
  return [
    '<div class="page-shell">',
    '  <p class="brand" data-msg="extName">__MSG_extName__</p>',
    '  <nav class="shell-links" aria-label="__MSG_shell_navLabel__" data-msg-label="shell_navLabel">',
    `    ${link('help-link', '/help.html', 'common_getHelpNow', option === 'help')}`,
    `    ${link('crisis-link', '/crisis.html', 'common_notSafe', option === 'crisis')}`,
    '  </nav>',
    '</div>',
  ].join('\n');
}

/** Reads a page's marker: undefined when the page has none, else its option (if any). */
export function pageShellOption(html: string): { option?: PageShellOption } | undefined {
  const found = PAGE_SHELL_MARKER.exec(html);
  if (!found) return undefined;
  const option = found[1];
  if (option !== undefined && option !== 'new-tab' && option !== 'help' && option !== 'crisis') {
    throw new Error(`Unknown page shell option "${option}"`);
  }
  return { option };
}
