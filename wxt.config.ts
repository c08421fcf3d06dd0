import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { CRISIS_NUMBERS_MARKER, crisisNumbersHtml } from './components/crisis-numbers';
import { PAGE_SHELL_MARKER, pageShellHtml, pageShellOption } from './components/page-shell';
import type { HelpService } from './lib/help/regions';
import { catalogueGetMessage, type Catalogue } from './lib/i18n/catalogue-format';

// `npm run dev` opens the extension in a browser: Debian's Chromium where it is installed
// (CHROMIUM_PATH overrides), otherwise whatever Chrome WXT finds.
const chromium = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => path && existsSync(path));

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

/**
 * Static HTML (the pause page's first screen, every page's title) cannot call `i18n.getMessage`
 * before it paints, so `__MSG_key__` in a page is filled from the English catalogue at build time,
 * and the element carries `data-msg="key"` so its script puts the person's language in
 * (lib/i18n/localise-page.ts). An unknown key stops the build.
 */
function messagesInHtml(): Plugin {
  const catalogue = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return {
    name: 'steadfast:messages-in-html',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        return html.replace(/__MSG_([A-Za-z0-9_@]+)__/g, (_, key: string) => {
          const entry = catalogue[key];
          if (!entry) throw new Error(`${context.filename}: no message "${key}" in public/_locales/en/messages.json`);
          return escape(entry.message.replace(/\$\$/g, '$'));
        });
      },
    },
  };
}

/**
 * Every page's shell (name, "Get help now", "I'm not safe") written into its static HTML where the
 * page marks `<!-- page shell -->`, with its stylesheet inlined in <head>: help is there before any
 * script runs (components/page-shell.ts). Runs before `messagesInHtml`, which fills in its words.
 */
function pageShellInHtml(): Plugin {
  const css = readFileSync('components/page-shell.css', 'utf8');
  return {
    name: 'steadfast:page-shell-in-html',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const found = pageShellOption(html);
        if (!found) return html;
        return html.replace(PAGE_SHELL_MARKER, pageShellHtml(found.option)).replace('</head>', `<style>\n${css}</style>\n  </head>`);
      },
    },
  };
}

/**
 * The crisis screen's numbers, every region's, written into its static HTML from
 * lib/help/directory.json where the page marks `<!-- crisis numbers -->`
 * (components/crisis-numbers.ts): they show even when storage fails or no script runs.
 */
function crisisNumbersInHtml(): Plugin {
  const services = (JSON.parse(readFileSync('lib/help/directory.json', 'utf8')) as { services: HelpService[] }).services;
  const english = catalogueGetMessage(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Catalogue);
  const words = (key: string, substitutions: readonly string[] = []) => {
    const text = english(key, [...substitutions]);
    if (!text) throw new Error(`crisis numbers: no message "${key}" in public/_locales/en/messages.json`);
    return text;
  };
  return {
    name: 'steadfast:crisis-numbers-in-html',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        return html.includes(CRISIS_NUMBERS_MARKER) ? html.replace(CRISIS_NUMBERS_MARKER, crisisNumbersHtml(services, words)) : html;
      },
    },
  };
}

/**
 * The pause page and the popup each load two script files before their script draws: their own
 * entry and one chunk, `first`, holding every module either of them imports statically that some
 * other page or part also uses. Without this Rolldown splits shared code by which pages share it,
 * a chunk per combination, each a round trip before the page's script runs (issue 19:
 * `pause.html` loaded 13 script files, `popup.html` 16). Other pages load `first` and their own
 * chunks as before; what a page imports with `import()` (words when the browser has none, the crisis
 * lines) stays in chunks of its own, loaded after it has drawn. tests/e2e/script-shape.test.ts
 * holds the build to it. The popup (and Progress) since take their own copies instead (`ownModules`
 * below): the popup loads one file; `first` is the pause page's.
 */
const FIRST_SCREEN_PAGES = ['pause', 'popup'];

/**
 * Rolldown keeps its few helpers (CommonJS interop, module namespaces) in a file of their own,
 * which every page would load as a third script; no chunk group can claim them. They are moved into
 * `first` (each page loads it anyway): run there once, and handed on, from `first`, to the
 * chunks that imported them. Fails the build if the files are not in the shape this expects.
 */
type Bundle = Parameters<Extract<NonNullable<Plugin['generateBundle']>, { handler: unknown }>['handler']>[1];
function foldRuntimeIntoFirst(bundle: Bundle): void {
  const files = Object.values(bundle);
  const runtime = files.find((file) => file.type === 'chunk' && /(^|\/)rolldown-runtime-[^/]*\.js$/.test(file.fileName));
  const first = files.find((file) => file.type === 'chunk' && file.name === 'first');
  if (!runtime || runtime.type !== 'chunk' || !first || first.type !== 'chunk') return;
  const exported = /export\{([^}]*)\};?\s*$/.exec(runtime.code);
  if (!exported || /\bimport\b/.test(runtime.code.slice(0, exported.index))) throw new Error('rolldown runtime: unexpected shape');
  const pairs = exported[1]!.split(',').map((spec) => spec.trim().split(/\s+as\s+/));
  const helpers = `(()=>{${runtime.code.slice(0, exported.index)};return{${pairs.map(([local, name]) => `${name ?? local}:${local}`).join(',')}}})()`;
  const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);
  const importOf = (file: string) => new RegExp(`import\\{([^}]*)\\}from"\\./${base(file).replace(/[.$-]/g, '\\$&')}";`);
  const bindings = (spec: string) =>
    spec
      .split(',')
      .map((one) => one.trim().split(/\s+as\s+/))
      .map(([name, local]) => `${name}:${local ?? name}`)
      .join(',');
  for (const file of files) {
    if (file.type !== 'chunk' || file === runtime) continue;
    const found = importOf(runtime.fileName).exec(file.code);
    if (found && ownChunks.own.has(file.fileName)) {
      // The popup's and Progress's own chunks carry their own copy of the few helpers (see `ownModules`).
      file.code = file.code.replace(found[0], `const __steadfastRuntime=${helpers},{${bindings(found[1]!)}}=__steadfastRuntime;`);
    } else if (file === first) {
      if (!found) throw new Error('rolldown runtime: the first chunk does not import it');
      file.code = `${file.code.replace(found[0], `const __steadfastRuntime=${helpers},{${bindings(found[1]!)}}=__steadfastRuntime;`)}\nexport{__steadfastRuntime};`;
    } else if (found) {
      file.code = file.code.replace(found[0], `import{__steadfastRuntime}from"./${base(first.fileName)}";const{${bindings(found[1]!)}}=__steadfastRuntime;`);
    }
    file.code = file.code.split(runtime.fileName).join(first.fileName);
    file.imports = [...new Set(file.imports.map((name) => (name === runtime.fileName ? first.fileName : name)))].filter((name) => name !== file.fileName);
  }
  for (const file of files) {
    if (file.type === 'asset' && file.fileName.endsWith('.html') && typeof file.source === 'string') {
      file.source = file.source.replace(new RegExp(`\\s*<link rel="modulepreload"[^>]*${base(runtime.fileName).replace(/[.$-]/g, '\\$&')}">`, 'g'), '');
    }
  }
  delete bundle[runtime.fileName];
}
/**
 * The popup's and Progress's own copies of every script module they use (issue 19, items 5 and 6).
 * The pause page's `first` chunk holds everything its first screen needs that another page shares,
 * so a page loading `first` loads the pause page's code too: the popup's script was 31 KB gzip of
 * which the popup needed about half. A chunk cannot hold a module another chunk holds, so these
 * pages' imports resolve to copies (`…?steadfast-own-popup`, the same file under another id, passed
 * on to what it imports): the page's first script holds what it imports statically, in one file,
 * and what it loads with `import()` comes in chunks of its own. A page's copies are only ever loaded
 * by that page, so no module runs twice in one page. Stylesheets are not copied (they are not
 * script); Vite's preload helper is.
 */
const OWN_COPY_PAGES = ['popup', 'progress'];
const OWN_COPY = /\?steadfast-own-([a-z]+)$/;
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const isScript = (id: string) => /\.(m?[jt]sx?)$/.test(id.replace(/\?.*$/, ''));
const isOwnCopy = (moduleIds: readonly string[]) => moduleIds.every((id) => OWN_COPY.test(id) || !isScript(id));
const ownChunks = { own: new Set<string>(), first: '' };
function ownModules(): Plugin {
  const pageEntry = new RegExp(`[\\\\/]entrypoints[\\\\/](${OWN_COPY_PAGES.join('|')})[\\\\/]index\\.html$`);
  return {
    name: 'steadfast:own-modules',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const page = importer && (OWN_COPY.exec(importer)?.[1] ?? pageEntry.exec(importer)?.[1]);
      if (!importer || !page) return null;
      const resolved = await this.resolve(source, importer.replace(OWN_COPY, ''), { ...options, skipSelf: true });
      const suffix = `?steadfast-own-${page}`;
      if (resolved?.id === PRELOAD_HELPER) return PRELOAD_HELPER + suffix;
      if (!resolved || resolved.external || resolved.id.startsWith('\0') || resolved.id.includes('?') || !isScript(resolved.id)) return resolved;
      return { ...resolved, id: resolved.id + suffix };
    },
    async load(id) {
      if (!id.startsWith(PRELOAD_HELPER) || !OWN_COPY.test(id)) return null;
      return (await this.load({ id: PRELOAD_HELPER })).code ?? null;
    },
    generateBundle: {
      // Before Vite writes the preload lists and the HTML (see `modulePreload` below).
      order: 'pre',
      handler(_, bundle) {
        ownChunks.own.clear();
        for (const file of Object.values(bundle)) {
          if (file.type !== 'chunk') continue;
          if (file.name === 'first') ownChunks.first = file.fileName;
          else if (isOwnCopy(file.moduleIds)) ownChunks.own.add(file.fileName);
        }
      },
    },
  };
}

/**
 * Those pages' chunks import `first` for nothing but stylesheets (modules with no script: the
 * stylesheets themselves are linked or preloaded on their own), so neither they nor the pages'
 * HTML fetch it. `build.modulePreload.resolveDependencies` drops it from the HTML's preloads;
 * `stripFirstFromOwn` from the chunks' imports and preload lists, and fails the build if one of
 * them imports anything from it.
 */
const withoutFirstForOwn = (file: string, deps: string[], { hostId, hostType }: { hostId: string; hostType: 'html' | 'js' }) =>
  ownChunks.own.has(hostType === 'html' ? file : hostId) ? deps.filter((dep) => dep !== ownChunks.first) : deps;
function stripFirstFromOwn(bundle: Bundle): void {
  const first = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === 'first');
  if (!first) return;
  const bare = `import"./${first.fileName.slice(first.fileName.lastIndexOf('/') + 1)}";`;
  for (const file of Object.values(bundle)) {
    if (file.type !== 'chunk' || !ownChunks.own.has(file.fileName)) continue;
    if (file.code.includes(`from"./${first.fileName.slice(first.fileName.lastIndexOf('/') + 1)}"`))
      throw new Error(`${file.fileName}: imports more than stylesheets from ${first.fileName}`);
    file.code = file.code.split(bare).join('');
    // Vite's preload list for an `import()` (`__vite__mapDeps`) names it too: point that entry at
    // the chunk itself, already loaded, so the list keeps its order and nothing is fetched.
    file.code = file.code.split(`"${first.fileName}"`).join(`"${file.fileName}"`);
    file.imports = file.imports.filter((name) => name !== first.fileName);
  }
}

function firstScreenChunk(): Plugin {
  const reached = new Set<string>();
  return {
    name: 'steadfast:first-screen-chunk',
    apply: 'build',
    buildEnd() {
      // Every module the two pages reach by static imports, from their HTML entries down.
      reached.clear();
      const pending = [...this.getModuleIds()].filter((id) =>
        FIRST_SCREEN_PAGES.some((page) => id.replace(/\\/g, '/').endsWith(`/entrypoints/${page}/index.html`)),
      );
      while (pending.length > 0) {
        const id = pending.pop()!;
        if (reached.has(id)) continue;
        reached.add(id);
        pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        foldRuntimeIntoFirst(bundle);
        stripFirstFromOwn(bundle);
      },
    },
    outputOptions(output) {
      if ((output.format ?? 'es') !== 'es') return output;
      return {
        ...output,
        // Shared with another entry (minShareCount 2): what only one page uses stays in its entry.
        codeSplitting: { groups: [{ name: 'first', test: (id: string) => reached.has(id) && !OWN_COPY.test(id), minShareCount: 2 }] },
      };
    },
  };
}

/**
 * Tests only (tests/e2e/autobackup.test.ts): a separate build, in its own folder, where `downloads`
 * is granted at install instead of asked for. Chromium asks for an optional permission in a
 * browser dialog that automation cannot answer (headless, it never resolves), so this is how the
 * end-to-end test reaches the rest of automatic backups. The code is the same; only the manifest
 * differs, and the shipped build never sets this.
 */
const grantDownloadsForTests = process.env.STEADFAST_E2E_GRANT_DOWNLOADS === '1';
/**
 * Tests only (tests/e2e/reminders.test.ts): the same for `notifications`, asked for when a reminder
 * is turned on (lib/reminders/edits.ts). Its own folder too; the shipped build never sets this.
 */
const grantNotificationsForTests = process.env.STEADFAST_E2E_GRANT_NOTIFICATIONS === '1';
const grantedForTests = [...(grantDownloadsForTests ? ['downloads'] : []), ...(grantNotificationsForTests ? ['notifications'] : [])];
const optionalPermissions = ['downloads', 'notifications'].filter((permission) => !grantedForTests.includes(permission));

// Manifest choices are explained in ../shared/DESIGN.md ("Interception") and README.md
// ("Permissions"). Every permission here is one a person can read a reason for.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    build: {
      modulePreload: { resolveDependencies: withoutFirstForOwn },
      ...(process.env.STEADFAST_NO_MINIFY ? { rollupOptions: { output: { minify: { mangle: false, compress: true } } } } : {}),
    },
    plugins: [ownModules(), preact(), pageShellInHtml(), crisisNumbersInHtml(), messagesInHtml(), stylesheetsAtMarker(), firstScreenChunk()],
  }),
  webExt: chromium ? { binaries: { chrome: chromium } } : {},
  ...(grantDownloadsForTests ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-e2e-downloads' } : {}),
  ...(grantNotificationsForTests ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-e2e-notifications' } : {}),
  // `npm run zip` (RELEASING.md): the Firefox sources zip is for AMO's reviewers, who rebuild the
  // add-on from it. Only what the build reads goes in, never test output, logs or benchmarks
  // (WXT's default takes every file, ignoring .gitignore).
  zip: {
    includeSources: ['entrypoints/**', 'components/**', 'lib/**', 'public/**', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', '*.md'],
    excludeSources: ['BENCHMARKS.md'],
  },
  manifest: ({ browser }) => ({
    // Both from public/_locales/<locale>/messages.json, so the stores show them in each language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `tabs`, Firefox only: the address of a page in Reader View (`about:reader?url=…`), which
    // Firefox fetches where no rule sees it and shows under an address no host permission matches.
    permissions: ['declarativeNetRequest', 'storage', 'alarms', ...(browser === 'firefox' ? ['tabs'] : []), ...grantedForTests],
    // `downloads`: asked for only when the person turns on automatic backups (lib/backup/auto-backup.ts),
    // and given back when they turn them off. `notifications`: asked for only when they turn on a
    // reminder (lib/reminders/edits.ts), given back when the last is off; without it the badge reminds.
    ...(optionalPermissions.length > 0 ? { optional_permissions: optionalPermissions } : {}),
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
