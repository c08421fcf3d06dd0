import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// `npm run dev` opens the extension in a browser: Debian's Chromium where it is installed
// (CHROMIUM_PATH overrides), otherwise whatever Chrome WXT finds.
const chromium = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(
  (path) => path && existsSync(path),
);

/**
 * Vite puts a page's stylesheets in <head>, where they hold back its first paint until they have
 * loaded. A page that marks a place with `<!-- app stylesheets -->` gets them there instead: the
 * static content above the marker paints from the page's inline CSS at once, and only what comes
 * after (the app's root, filled in by script) waits for them. The pause page uses this so that it
 * paints before the trigger site would have (BENCHMARKS.md, "Interception").
 */
function stylesheetsAtMarker(): Plugin {
  const marker = '<!-- app stylesheets -->';
  return {
    name: 'steadfast:stylesheets-at-marker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(marker)) return html;
        const links: string[] = [];
        const rest = html.replace(/[ \t]*<link rel="stylesheet"[^>]*>\n?/g, (tag) => {
          links.push(tag.trim());
          return '';
        });
        return rest.replace(marker, links.join('\n    '));
      },
    },
  };
}

// Manifest choices are explained in ../shared/DESIGN.md ("Interception") and README.md
// ("Permissions"). Every permission here is one a person can read a reason for.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), stylesheetsAtMarker()] }),
  webExt: chromium ? { binaries: { chrome: chromium } } : {},
  manifest: ({ browser }) => ({
    name: 'Steadfast',
    description:
      'A calm pause between you and the sites that trigger you, with your own recovery plan, coping tools and help in reach. Nothing leaves your device.',
    permissions: ['declarativeNetRequest', 'storage', 'alarms'],
    // Without host access a declarativeNetRequest redirect is silently ignored.
    host_permissions: ['<all_urls>'],
    web_accessible_resources: [
      {
        resources: ['pause.html'],
        // A narrower `matches` breaks link clicks from other sites.
        matches: ['<all_urls>'],
        // Chrome: a random per-session origin, so no web page can probe for Steadfast.
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'steadfast@steadfast.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
