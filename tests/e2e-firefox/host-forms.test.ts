import { expect, test } from 'vitest';
import { openAddress, waitForLocation, waitForText } from './firefox';
import { steadfastFirefoxFixture } from './fixture';

// Firefox ESR: the fully qualified form of a trigger's host (`forum.test.`, with the trailing dot)
// is the same site to the browser, and is paused before any request, for a whole site and for a
// path trigger. Each form is first shown to reach the server when the host is not a trigger.

const firefox = steadfastFirefoxFixture({ triggers: ['forum.test', 'other.test/forum'], resetServer: true });

test.each([
  ['a site trigger', '/', 'forum.test'],
  ['a path trigger', '/forum', 'other.test'],
])('%s at its fully qualified name: a host that is not a trigger is reached, the trigger is paused with 0 requests', async (_, path, host) => {
  await firefox.inNewTab(async (page) => {
    await page.goto(`http://trigger.test.:${firefox.server.port}${path}`);
    await waitForText(page, '#real-page', 'Real page');
    expect(firefox.server.requestsToExactly('trigger.test.')).toBeGreaterThan(0);
    const url = `http://${host}.:${firefox.server.port}${path}`;
    await openAddress(page, url);
    await waitForLocation(page, `${firefox.app.origin}/pause.html#${url}`);
    expect(firefox.server.requestsTo(host) + firefox.server.requestsToExactly(`${host}.`)).toBe(0);
  });
});
