// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localisePage } from '../../lib/i18n/localise-page';

import { PAGE_SHELL_MARKER, pageShellHtml } from '../../components/page-shell';

// The pause page as built: its page shell written in (the build's `pageShellInHtml`).
const pauseHtml = readFileSync(join(import.meta.dirname, '../../entrypoints/pause/index.html'), 'utf8').replace(PAGE_SHELL_MARKER, pageShellHtml());

describe('localisePage', () => {
  it('puts the catalogue words into every marked element of the pause page, title included', () => {
    document.documentElement.innerHTML = pauseHtml.replace(/^<!doctype html>\s*<html[^>]*>|<\/html>\s*$/g, '');
    const welsh: Record<string, string> = {
      pause_title: 'Anadlwch · Steadfast',
      pause_heading: 'Saib. Anadlwch.',
      pause_breatheCue: 'Anadlwch i mewn yn araf.',
      common_getHelpNow: 'Cael help nawr',
      common_notSafe: 'Dydw i ddim yn ddiogel',
      shell_navLabel: 'Help nawr',
      extName: 'Steadfast',
    };
    localisePage(document, (key) => welsh[key] ?? key, 'cy');
    expect(document.title).toBe('Anadlwch · Steadfast');
    expect(document.querySelector('h1')?.textContent).toBe('Saib. Anadlwch.');
    expect(document.querySelector('a.help-link')?.textContent).toBe('Cael help nawr');
    expect(document.querySelector('a.crisis-link')?.textContent).toBe('Dydw i ddim yn ddiogel');
    expect(document.querySelector('nav.shell-links')?.getAttribute('aria-label')).toBe('Help nawr');
    expect(document.documentElement.lang).toBe('cy');
    // Nothing in the page is left as a build-time placeholder or a bare key.
    expect(document.body.textContent).not.toMatch(/__MSG_|pause_/);
  });

  it('fills a message with its words from data-msg-args', () => {
    document.body.innerHTML = `<a data-msg="help_call" data-msg-args='["116 123"]'>Call 116 123</a>`;
    localisePage(document, (key, args) => `${key}(${(args ?? []).join(',')})`);
    expect(document.querySelector('a')?.textContent).toBe('help_call(116 123)');
  });

  it('treats a message as text, never as markup', () => {
    document.body.innerHTML = '<h1 data-msg="pause_heading">Pause</h1>';
    localisePage(document, () => '<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
