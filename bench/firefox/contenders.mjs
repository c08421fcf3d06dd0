// The Firefox benchmark's two contenders (issue 19, item 7), written into folders of their own from
// the same sources as Chromium's (bench/intercept/bare-extension.mjs, bench/intercept/comparison-extension):
// - bare: Steadfast's Firefox pause.html with every script and stylesheet link taken out, reached
//   by the same kind of declarativeNetRequest redirect (`requestDomains`, `regexSubstitution` into the
//   page's fragment), for its own host;
// - webNavigation: the common blocker, webNavigation.onBeforeNavigate then tabs.update, for its own host.
// Each gets its own host so that all of them (and Steadfast) are installed in one Firefox and
// alternated round by round.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { barePage } from '../intercept/bare-extension.mjs';

const COMPARISON = join(resolve(import.meta.dirname, '..'), 'intercept/comparison-extension');

const gecko = (id) => ({ gecko: { id, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } });

/** The bare page add-on in `dir`, from the Firefox build in `steadfastDir`, redirecting `host`. */
export function writeFirefoxBare(dir, steadfastDir, host) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bare.html'), barePage(steadfastDir));
  const manifest = {
    manifest_version: 3,
    name: 'Benchmark: bare page behind a redirect rule',
    version: '1.0.0',
    permissions: ['declarativeNetRequest'],
    host_permissions: ['<all_urls>'],
    background: { scripts: ['background.js'] },
    web_accessible_resources: [{ resources: ['bare.html'], matches: ['<all_urls>'] }],
    browser_specific_settings: gecko('bench-bare@steadfast.invalid'),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    join(dir, 'background.js'),
    `// One dynamic rule, as Steadfast keeps: ${host} and its subdomains to bare.html.
const rule = {
  id: 1,
  priority: 1,
  action: { type: 'redirect', redirect: { regexSubstitution: browser.runtime.getURL('/bare.html') + '#\\\\1' } },
  condition: { requestDomains: [${JSON.stringify(host)}], regexFilter: '^(.*)$', resourceTypes: ['main_frame', 'sub_frame'] },
};
browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [1], addRules: [rule] });
`,
  );
  return dir;
}

/** The webNavigation blocker in `dir`, blocking `host` (Chromium's comparison add-on, for Firefox). */
export function writeFirefoxWebNavigation(dir, host) {
  mkdirSync(dir, { recursive: true });
  cpSync(COMPARISON, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(COMPARISON, 'manifest.json'), 'utf8'));
  manifest.background = { scripts: ['background.js'] };
  manifest.browser_specific_settings = gecko('bench-webnavigation@steadfast.invalid');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const background = readFileSync(join(COMPARISON, 'background.js'), 'utf8');
  const patched = background.replace("const BLOCKED_HOSTS = ['trigger.test'];", `const BLOCKED_HOSTS = [${JSON.stringify(host)}];`);
  if (patched === background) throw new Error('comparison-extension/background.js: its blocked host list moved');
  writeFileSync(join(dir, 'background.js'), patched);
  return dir;
}
