// The bare contender (issue 19): an extension whose block page is static HTML with no script,
// reached by the same declarativeNetRequest redirect Steadfast uses (a dynamic rule, `requestDomains`
// with `regexFilter: '^(.*)$'` and `regexSubstitution` into the page's fragment). Its page is
// Steadfast's own pause.html as built, with every script and stylesheet link taken out: the same
// first screen (page shell, heading, breathing cue, inline CSS), so the difference between the two
// is what Steadfast's script and stylesheets cost. Written by the benchmark into a folder of its own.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Steadfast's built pause page (in `steadfastDir`) with every script and stylesheet link taken out. */
export function barePage(steadfastDir) {
  return readFileSync(join(steadfastDir, 'pause.html'), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '')
    .replace(/<link rel="(?:stylesheet|modulepreload)"[^>]*>\s*/g, '');
}

/** Writes the bare extension into `dir` from the Steadfast build in `steadfastDir`; returns `dir`. */
export function writeBareExtension(dir, steadfastDir, triggerHost) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bare.html'), barePage(steadfastDir));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify(
      {
        manifest_version: 3,
        name: 'Benchmark: bare page behind a redirect rule',
        version: '1.0.0',
        permissions: ['declarativeNetRequest'],
        host_permissions: ['<all_urls>'],
        background: { service_worker: 'background.js' },
        web_accessible_resources: [{ resources: ['bare.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'background.js'),
    `// Keeps one dynamic rule, as Steadfast does: ${triggerHost} and its subdomains to bare.html.
const rule = {
  id: 1,
  priority: 1,
  action: { type: 'redirect', redirect: { regexSubstitution: 'chrome-extension://' + chrome.runtime.id + '/bare.html#\\\\1' } },
  condition: { requestDomains: [${JSON.stringify(triggerHost)}], regexFilter: '^(.*)$', resourceTypes: ['main_frame', 'sub_frame'] },
};
chrome.runtime.onInstalled.addListener(() => chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [1], addRules: [rule] }));
`,
  );
  return dir;
}
