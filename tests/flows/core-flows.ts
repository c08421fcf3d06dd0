import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { crisisScreenFor } from '../../lib/help/crisis-screen';
import directory from '../../lib/help/directory.json';
import { regionFromLocale, regionWhere, type HelpService } from '../../lib/help/regions';
import { catalogueGetMessage, type Catalogue } from '../../lib/i18n/catalogue-format';
import catalogue from '../../public/_locales/en/messages.json';
import type { ChromeApis, Harness, Tab } from './driver';
import {
  addTrigger,
  browserDay,
  dynamicRules,
  eventsOfType,
  expectLoads,
  expectPaused,
  openPopup,
  resetSteadfast,
  store,
  stored,
  waitForRule,
  writePlan,
} from './steps';

/*
 * The core flows of Steadfast, written once and run in Chromium (tests/e2e/flows.test.ts) and in
 * Firefox ESR (tests/e2e-firefox/flows.test.ts). One browser per file; before each test the
 * browser is brought back to a clean slate (no tabs, no storage, no history, no rules), so no test
 * depends on another's order or leftovers, and each sets up what it needs in its own hosts.
 *
 * Each test acts as a person would and checks what they would notice; each first proves its own
 * precondition (the site loads before it is a trigger, the wait is running, …).
 */

const english = catalogueGetMessage(catalogue as Catalogue);
const SERVICES = directory.services as HelpService[];
const FIXTURES = join(import.meta.dirname, '../fixtures/backups');
const IMG = '<img src=x onerror="window.pwned=1">';
const SCRIPT = '<script>window.pwned=2</script>';

/** The reply to "Continue" asked straight from a pause page, as an edited page would ask it. */
const askToContinue = (tab: Tab, url: string) =>
  tab.evaluate((address) => (globalThis as unknown as ChromeApis).chrome.runtime.sendMessage({ type: 'steadfast:continue', url: address, minutes: 5 }), url);

/** Elements hostile text would create if it were ever parsed as HTML, and whether it ran. */
const injected = (tab: Tab) =>
  tab.evaluate(
    () => ({
      images: document.querySelectorAll('img[src="x"], img[onerror]').length,
      scripts: [...document.scripts].filter((s) => s.textContent?.includes('pwned')).length,
      ran: (window as unknown as { pwned?: number }).pwned ?? 0,
    }),
    undefined,
  );
const NOTHING_INJECTED = { images: 0, scripts: 0, ran: 0 };

/** The region the browser's language gives, and the crisis screen's first numbers there. */
async function browserRegion(tab: Tab) {
  const locale = await tab.evaluate(() => navigator.language, undefined);
  const region = regionFromLocale(locale);
  // The precondition: a browser language the directory covers, so there is a number to expect.
  expect(region, `the browser's language ${locale}`).toBeDefined();
  const { emergency, crisis } = crisisScreenFor(region!, SERVICES);
  return { region: region!, where: english(regionWhere(region!)), emergency: emergency[0]!, firstLine: crisis[0]! };
}

/** Surfs an urge on the coping page: rated `before`, a 5-minute wave rated again at once as `after`, finished. */
async function surfUrge(coping: Tab, before: number, after: number): Promise<void> {
  await coping.clickButton('Surf the urge');
  await coping.check(String(before));
  await coping.clickButton('5 minutes');
  await coping.waitForText('[role="timer"]', '');
  await coping.clickButton('Rate it now');
  await coping.check(String(after));
  await coping.clickButton('Finish');
}

export function coreFlows(h: Harness): void {
  beforeEach(() => resetSteadfast(h));

  describe('the pause page', () => {
    test('a site added in My recovery never loads again: the pause page names it and shows the plan, with 0 requests to it', async () => {
      const tab = await h.newTab();
      // The precondition: the site is reachable, so the 0 below is the rule's doing.
      await expectLoads(h, tab, h.web('trigger.test', '/before'), 'trigger.test');
      const options = await addTrigger(h, 'https://www.Trigger.test/some/page?x=1', { listed: 'trigger.test' });
      await writePlan(options, { reasons: 'To be there for my daughter' });
      h.server.reset();
      const url = h.web('www.trigger.test', '/late-night?x=1');
      await expectPaused(h, tab, url, 'trigger.test');
      // The address the person was heading to travels whole in the fragment, and is shown as text.
      expect(await tab.location()).toBe(h.extensionUrl(`pause.html#${url}`));
      await tab.waitForText('.paused-address', 'www.trigger.test/late-night');
      await tab.waitForText('.plan', 'To be there for my daughter');
    });

    test('"Take me away" leaves for My recovery, never back to the trigger site', async () => {
      await addTrigger(h, 'trigger.test');
      const tab = await h.newTab();
      await expectPaused(h, tab, h.web('trigger.test'), 'trigger.test');
      await tab.clickLink('Take me away');
      await tab.waitForPage('options.html');
      expect(h.server.requestsTo('trigger.test')).toBe(0);
      await expect.poll(async () => (await eventsOfType(h, 'intervention')).map((e) => [e.site, e.outcome])).toEqual([['trigger.test', 'left']]);
    });

    test('a path trigger pauses that path only; the rest of the site loads', async () => {
      await addTrigger(h, 'forum.test/late-night');
      const tab = await h.newTab();
      await expectLoads(h, tab, h.web('forum.test', '/daytime'), 'forum.test');
      const before = h.server.targetsTo('forum.test');
      await tab.visit(h.web('forum.test', '/late-night/thread-1'));
      await tab.waitForPage('pause.html');
      await tab.waitForText('.paused-site', 'forum.test');
      expect(h.server.targetsTo('forum.test')).toEqual(before);
    });

    test('trigger words pause any address containing them, in any case, and leave other words alone', async () => {
      const options = await h.openPage('options.html');
      await options.fill('Trigger words', 'Buy Ket');
      await options.clickButton('Add words');
      await options.waitForText('#keywords .trigger-list', 'buy ket');
      await waitForRule(h, 'buy');
      const tab = await h.newTab();
      // Letters hidden in %-codes (`b%75y`), which the site reads as the words, are paused too.
      for (const path of ['/?q=buy+ket', '/?q=where%20to%20BUY%20KET', '/buy-ket', '/?q=b%75y+k%45t', '/?q=%42%55%59+ket']) {
        await expectPaused(h, tab, h.web('search.test', path), 'search.test', 'a page with buy ket in its address');
      }
      await expectLoads(h, tab, h.web('search.test', '/?q=basket+of+ketchup'), 'search.test');
      // The precondition of the hidden forms: the browser sends them as typed, not decoded.
      await expectLoads(h, tab, h.web('search.test', '/?q=b%75y+b%61sket'), 'search.test');
      expect(h.server.targetsTo('search.test')).toContain('/?q=b%75y+b%61sket');
    });
  });

  describe('Pause and Block', () => {
    test('Pause: "Continue" asked early is refused; after the wait the page offers it, in that tab only', async () => {
      // The shortest wait, stored as a shorter wait is once its cooling-off is over (set-up only).
      await store(h, { settings: { waitSeconds: 10, coolingOffHours: 24 } });
      await addTrigger(h, 'pause.test', { mode: 'pause' });
      const url = h.web('pause.test', '/reading');
      const first = await h.newTab();
      await expectPaused(h, first, url, 'pause.test');
      // The precondition: the page's own countdown is running, so the wait is not over.
      await first.waitForText('[role="timer"]', 'seconds');
      expect(await first.count('.continue-anyway button')).toBe(0);
      expect(await askToContinue(first, url)).toEqual({
        ok: false,
        message: 'The pause is not over yet. Stay with it a little longer; the choice will be here when it ends.',
      });
      await first.clickButton('Continue for 5 minutes', 20_000);
      await first.waitForText('#real-page', 'Real page on pause.test');
      expect(await first.location()).toBe(url);
      const loaded = h.server.requestsTo('pause.test');
      expect(loaded).toBeGreaterThan(0);
      await expect.poll(async () => (await eventsOfType(h, 'intervention')).map((e) => e.outcome)).toEqual(['continued']);
      // Only in that tab.
      const second = await h.newTab();
      await second.visit(h.web('pause.test', '/other'));
      await second.waitForPage('pause.html');
      await second.waitForText('.paused-site', 'pause.test');
      expect(h.server.requestsTo('pause.test')).toBe(loaded);
    });

    test('Block: no way through, not by the page and not by asking the background directly', async () => {
      await addTrigger(h, 'block.test', { mode: 'block' });
      await expect.poll(async () => JSON.stringify(await dynamicRules(h))).toMatch(/"id":2,"priority":200/);
      const tab = await h.newTab();
      const url = h.web('block.test');
      await expectPaused(h, tab, url, 'block.test');
      await tab.waitForText('.block-note', 'no way through');
      expect(await tab.count('.continue-anyway')).toBe(0);
      expect(await askToContinue(tab, url)).toEqual({ ok: false, message: 'You set this to Block, so there is no way through from here.' });
      await expectPaused(h, tab, h.web('block.test', '/again'), 'block.test');
    });

    test('the wait before "Continue anyway": a longer one is saved at once, a shorter one waits out the cooling-off, a wrong one is refused', async () => {
      const options = await h.openPage('options.html');
      const label = 'Wait before “Continue anyway” (seconds)';
      expect(await options.value(label)).toBe('30');
      await options.fill(label, '5');
      await options.clickButton('Save wait');
      await options.waitForText('#wait-seconds-error', 'from 10 to 300');
      await options.fill(label, '60');
      await options.clickButton('Save wait');
      await options.waitForText('[role="status"]', 'Saved. The pause page now waits 60 seconds before offering to continue.');
      expect(await stored(h, 'settings')).toMatchObject({ waitSeconds: 60 });
      await options.fill(label, '20');
      await options.clickButton('Save wait');
      await options.waitForText('#settings', 'A shorter wait takes effect in 1 d');
      expect(await stored(h, 'settings')).toMatchObject({ waitSeconds: 60 });
      await options.reload();
      expect(await options.value(label)).toBe('60');
    });
  });

  describe('cooling-off', () => {
    test('removing a trigger added days ago waits out the cooling-off and can be cancelled; the site stays paused', async () => {
      // A trigger the person added two days ago (set-up: no one can type a past day).
      await store(h, {
        triggers: [{ id: 'old', kind: 'site', mode: 'block', display: 'old.test', host: 'old.test', addedAt: Date.now() - 2 * 86_400_000 }],
        triggers$: { v: 2 },
      });
      await waitForRule(h, 'old.test');
      const options = await h.openPage('options.html');
      await options.waitForText('.trigger-list li', 'old.test');
      await options.clickButton('Remove old.test');
      await options.waitForText('.trigger-list li', 'removing in 1 d');
      await options.waitForText('.cooling-off-note', 'tell someone you trust');
      const tab = await h.newTab();
      await expectPaused(h, tab, h.web('old.test'), 'old.test');
      await options.click('.trigger-list li button[aria-label^="Cancel: removing in"]');
      await expect.poll(() => options.text('.trigger-list li')).not.toMatch(/removing/);
      expect(JSON.stringify(await dynamicRules(h))).toContain('old.test');
    });

    test('a trigger added a moment ago is removed at once, and its site loads again', async () => {
      const options = await addTrigger(h, 'fresh.test');
      const tab = await h.newTab();
      await expectPaused(h, tab, h.web('fresh.test'), 'fresh.test');
      await options.clickButton('Remove fresh.test');
      await expect.poll(() => options.count('.trigger-list li')).toBe(0);
      await expect.poll(async () => JSON.stringify(await dynamicRules(h))).not.toContain('fresh.test');
      await expectLoads(h, tab, h.web('fresh.test', '/now'), 'fresh.test');
    });
  });

  describe('the popup', () => {
    test('the streak: a future start day is refused kindly; started ten days back, it shows 10 days', async () => {
      const popup = await openPopup(h);
      await popup.fill('My current streak started on', await browserDay(popup, 3));
      await popup.clickButton('Save start day');
      await popup.waitForText('[role="alert"]', 'in the future');
      expect(await popup.count('.streak-number')).toBe(0);
      await popup.fill('My current streak started on', await browserDay(popup, -10));
      await popup.fill('Days without (optional)', 'ketamine');
      await popup.clickButton('Save start day');
      await popup.waitForText('.streak-number', '10 days');
      expect(await popup.text('.streak')).toContain('without ketamine');
      // Reopened, the popup still shows it.
      await popup.reload();
      await popup.waitForText('.streak-number', '10 days');
    });

    test('a daily check-in takes a few taps, thanks the person once saved, and shows in Progress', async () => {
      const popup = await openPopup(h);
      await popup.click('details.card summary');
      await popup.check('Okay');
      await popup.fill('Urge right now: 0 of 10', '6');
      await popup.check('Tired');
      await popup.clickButton('Save check-in');
      await popup.waitForText('.checkin-done', 'Thank you for checking in');
      const [checkin] = await eventsOfType(h, 'checkin');
      expect(checkin).toMatchObject({ mood: 3, craving: 6, halt: { hungry: false, angry: false, lonely: false, tired: true } });
      const progress = await h.openPage('progress.html');
      await progress.waitForText('main[data-ready="true"]', '');
      await expect.poll(() => progress.count('[role="grid"] .checked')).toBe(1);
    });

    test('"I\'m having an urge" opens the coping tools; an urge ridden out is kept', async () => {
      const popup = await openPopup(h);
      const coping = await h.tabOpenedBy(() => popup.clickLink("I'm having an urge"));
      await coping.waitForPage('coping.html');
      await coping.waitForText('h1', 'You reached for help');
      await surfUrge(coping, 7, 4);
      await expect.poll(async () => (await eventsOfType(h, 'urge')).map((e) => [e.before, e.after])).toEqual([[7, 4]]);
    });
  });

  describe('the urge log', () => {
    /** Fills the open urge log in `tab` as a person would: strengths, what set it off, what they did, minutes. */
    async function logUrge(tab: Tab, urge: { before: number; after: number; setOff?: string; action: string; minutes: string }) {
      await tab.click(`.urge-log fieldset:nth-of-type(1) input[value="${urge.before}"]`);
      await tab.click(`.urge-log fieldset:nth-of-type(2) input[value="${urge.after}"]`);
      if (urge.setOff) await tab.check(urge.setOff);
      await tab.check(urge.action);
      await tab.fill('How long did it last, in minutes?', urge.minutes);
      await tab.clickButton('Save');
      await tab.waitForText('.urge-log [role="status"]', 'Saved.');
    }
    const urgesSaved = async () =>
      (await eventsOfType(h, 'urge')).map((e) => [e.before, e.after, e.minutes, e.action, e.setOffBy]).sort((a, b) => Number(a[0]) - Number(b[0]));

    test('after urge surfing, what set it off and what was done are added to the same urge', async () => {
      const coping = await h.openPage('coping.html');
      await surfUrge(coping, 7, 4);
      // The ratings are saved as the wave ends, before anything more is asked.
      await expect.poll(urgesSaved).toEqual([[7, 4, 0, undefined, undefined]]);
      await coping.waitForText('.urge-log', 'What set it off?');
      expect(await coping.axe()).toEqual([]);
      await coping.check('Feeling tired');
      await coping.check('Escaped (left the situation)');
      await coping.clickButton('Save');
      await coping.waitForText('.urge-log [role="status"]', 'Saved.');
      await expect.poll(urgesSaved).toEqual([[7, 4, 0, 'escape', ['tired']]]);
    });

    test('logged from the popup and the pause page, skipped in one tap; Progress ranks what helped and says when urges fade', async () => {
      const popup = await openPopup(h);
      await popup.click('details.urge-log-card summary');
      await popup.waitForText('.urge-log', 'What set it off?');
      expect(await popup.axe()).toEqual([]);
      await logUrge(popup, { before: 8, after: 2, setOff: 'Feeling lonely', action: 'Distracted myself', minutes: '15' });
      await popup.reload();
      await popup.click('details.urge-log-card summary');
      await logUrge(popup, { before: 7, after: 3, setOff: 'Feeling lonely', action: 'Distracted myself', minutes: '20' });
      await expect.poll(urgesSaved).toEqual([
        [7, 3, 20, 'distract', ['lonely']],
        [8, 2, 15, 'distract', ['lonely']],
      ]);

      // Skip: one tap, after a rating was chosen; the log closes and nothing is saved.
      await popup.reload();
      await popup.click('details.urge-log-card summary');
      await popup.click('.urge-log fieldset:nth-of-type(1) input[value="5"]');
      await popup.clickButton('Skip');
      await expect.poll(() => popup.evaluate(() => document.querySelector<HTMLDetailsElement>('details.urge-log-card')!.open, undefined)).toBe(false);
      expect(await urgesSaved()).toHaveLength(2);

      // The pause page: the log loads when asked for, with "A website" ticked for the site that was paused.
      await addTrigger(h, 'urges.test');
      const tab = await h.newTab();
      await expectPaused(h, tab, h.web('urges.test'), 'urges.test');
      expect(await tab.count('.urge-log')).toBe(0);
      await tab.clickButton('Log an urge');
      await tab.waitForText('.urge-log h2', 'Log an urge');
      expect(await tab.axe()).toEqual([]);
      await logUrge(tab, { before: 6, after: 5, action: 'Delayed (waited it out)', minutes: '10' });
      await expect.poll(urgesSaved).toEqual([
        [6, 5, 10, 'delay', ['site']],
        [7, 3, 20, 'distract', ['lonely']],
        [8, 2, 15, 'distract', ['lonely']],
      ]);

      const progress = await h.openPage('progress.html');
      await progress.waitForText('main[data-complete="true"]', '');
      const helped = await progress.waitForText('.urge-insights .helped', 'Distracted myself: the urge fell by 5 on average (2 times)');
      expect(helped.indexOf('Distracted myself')).toBeLessThan(helped.indexOf('Delayed (waited it out): the urge fell by 1 on average (1 time)'));
      expect(await progress.text('.urge-insights .fade')).toContain('Your urges fade after about 15 minutes.');
      expect(await progress.text('.urge-insights .set-offs')).toMatch(/Feeling lonely: 2 times\s*A website: 1 time/);
      expect(await progress.axe()).toEqual([]);
    });
  });

  describe('help', () => {
    test("the help page opens for the browser's region, emergency number first, and remembers the region chosen", async () => {
      const help = await h.openPage('help.html');
      const { where, emergency } = await browserRegion(help);
      await help.waitForText('.help-region', `Help in ${where}`);
      expect(await help.linkHref(`Call ${emergency.phone}`)).toBe(`tel:${emergency.phone!.replace(/[^\d+]/g, '')}`);
      expect(await help.text('.help-list li')).toContain(emergency.name);
      await help.clickButton('change where you are, for helplines');
      await help.select('Where you are', 'AU');
      await help.clickButton('Done');
      await help.waitForText('.help-region', 'Help in Australia');
      await help.reload();
      await help.waitForText('.help-region', 'Help in Australia');
      expect(await help.linkHref('Call 13 11 14')).toBe('tel:131114');
    });

    test('help is one click from the pause page', async () => {
      await addTrigger(h, 'help.test');
      const tab = await h.newTab();
      await expectPaused(h, tab, h.web('help.test'), 'help.test');
      await tab.clickLink('Get help now');
      await tab.waitForPage('help.html');
      await tab.waitForText('.help-region', 'Help in');
      expect(h.server.requestsTo('help.test')).toBe(0);
    });

    test('"I\'m not safe" on the pause page opens the crisis screen with the region\'s emergency number first', async () => {
      await addTrigger(h, 'crisis.test');
      const tab = await h.newTab();
      await expectPaused(h, tab, h.web('crisis.test'), 'crisis.test');
      const { where, emergency, firstLine } = await browserRegion(tab);
      await tab.clickLink("I'm not safe");
      await tab.waitForPage('crisis.html');
      await tab.waitForText('.help-region', `Help in ${where}`);
      const shown = await tab.waitForText('.crisis-region:not([hidden])', `Call ${emergency.phone}`);
      expect(shown.indexOf(`Call ${emergency.phone}`)).toBeLessThan(shown.indexOf(firstLine.name));
      // The first number a person can press, once the page has put their region first and hidden the rest.
      await expect
        .poll(() => tab.evaluate(() => document.querySelector('.crisis-region:not([hidden]) a[href^="tel:"]')?.getAttribute('href'), undefined))
        .toBe(`tel:${emergency.phone!.replace(/\D/g, '')}`);
      expect(h.server.requestsTo('crisis.test')).toBe(0);
    });
  });

  describe('the plan', () => {
    test('the plan written in My recovery is kept after a reload and shown on the pause page, with a way to call', async () => {
      const options = await addTrigger(h, 'plan.test');
      await writePlan(options, {
        reasons: 'My daughter\nWaking up clear-headed',
        ifThen: ["I'm alone on a Friday night", 'call Sam and go for a walk'],
        coping: 'Cold water on my face',
        person: ['Sam', '+44 7700 900123'],
      });
      await options.reload();
      await expect.poll(() => options.value('My reasons (one a line)')).toBe('My daughter\nWaking up clear-headed');
      expect(await options.value('then I will (1)')).toBe('call Sam and go for a walk');
      const tab = await h.newTab();
      await expectPaused(h, tab, h.web('plan.test', '/late-night'), 'plan.test');
      const plan = await tab.waitForText('.plan', 'My daughter');
      expect(plan).toContain('Waking up clear-headed');
      expect(plan).toContain("If I'm alone on a Friday night, then call Sam and go for a walk");
      expect(plan).toContain('Cold water on my face');
      expect(await tab.linkHref('Call Sam')).toBe('tel:+447700900123');
    });

    test('HTML and script typed into the plan show as text on My recovery, the pause page and the popup, and never run', async () => {
      const options = await addTrigger(h, 'hostile.test');
      await writePlan(options, { reasons: `${IMG}\n${SCRIPT}`, ifThen: [IMG, SCRIPT], person: [`Sam ${IMG}`, '+44 7700 900123'] });
      await options.reload();
      await expect.poll(() => options.value('If (1)')).toBe(IMG);
      expect(await injected(options)).toEqual(NOTHING_INJECTED);
      const tab = await h.newTab();
      await expectPaused(h, tab, h.web('hostile.test'), 'hostile.test');
      const plan = await tab.waitForText('.plan', IMG);
      expect(plan).toContain(SCRIPT);
      await tab.waitForText('body', `Sam ${IMG}`);
      expect(await injected(tab)).toEqual(NOTHING_INJECTED);
      const popup = await openPopup(h);
      await popup.waitForText('body', `Sam ${IMG}`);
      expect(await injected(popup)).toEqual(NOTHING_INJECTED);
    });
  });

  describe('backup', () => {
    test('"Download a backup" and "Replace everything" bring back the plan and triggers as they were', async () => {
      const options = await addTrigger(h, 'trigger.test');
      await writePlan(options, { reasons: 'Seeing the sea again' });
      await options.reload();
      await options.waitForText('#backup', 'Download a backup');
      const requestsBefore = h.server.requestsTo('test');
      const file = await h.download(options, () => options.clickButton('Download a backup'));
      expect(file.name).toMatch(/^steadfast-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const backup = JSON.parse(file.text);
      expect(backup).toMatchObject({ format: 'steadfast-backup', data: { plan: { reasons: ['Seeing the sea again'] } } });
      expect(backup.data.triggers.map((t: { host: string }) => t.host)).toEqual(['trigger.test']);
      expect(h.server.requestsTo('test')).toBe(requestsBefore);

      // Everything gone, as on a new computer; then the file brings it back.
      await resetSteadfast(h);
      const dir = mkdtempSync(join(tmpdir(), 'steadfast-backup-'));
      try {
        writeFileSync(join(dir, file.name), file.text);
        const fresh = await h.openPage('options.html');
        expect(await fresh.value('My reasons (one a line)')).toBe('');
        await fresh.chooseFile('Choose a backup file', join(dir, file.name));
        await fresh.waitForText('#backup', 'This backup holds 1 trigger site');
        await fresh.clickButton('Replace everything');
        await fresh.waitForText('#backup', 'Your backup is restored.');
        await expect.poll(() => fresh.value('My reasons (one a line)')).toBe('Seeing the sea again');
        await fresh.waitForText('.trigger-list', 'trigger.test');
        await waitForRule(h, 'trigger.test');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test.each(['reject-proto-nested-in-plan.json', 'reject-truncated.json', 'reject-duplicate-event-ids.json'])(
      'a broken backup (%s) says why and changes nothing',
      async (name) => {
        const options = await h.openPage('options.html');
        await writePlan(options, { reasons: 'Mine, not the file’s' });
        const before = await stored(h, 'plan');
        await options.chooseFile('Choose a backup file', join(FIXTURES, name));
        await options.waitForText('#backup [role="alert"]', 'Nothing was changed.');
        expect(
          await options.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.textContent === 'Replace everything').length, undefined),
        ).toBe(0);
        expect(await stored(h, 'plan')).toEqual(before);
      },
    );
  });

  test('Progress draws the history: a year of days, and the risk table counts every pause page shown', async () => {
    await addTrigger(h, 'trigger.test');
    const tab = await h.newTab();
    for (const path of ['/one', '/two']) await expectPaused(h, tab, h.web('trigger.test', path), 'trigger.test');
    await expect.poll(async () => (await eventsOfType(h, 'intervention')).length).toBe(2);
    const progress = await h.openPage('progress.html');
    await progress.waitForText('main[data-complete="true"]', '');
    expect(await progress.count('[role="grid"] [data-day]')).toBeGreaterThanOrEqual(365);
    await progress.click('[aria-labelledby="risk-title"] summary');
    await progress.waitForText('[aria-labelledby="risk-title"] table', '');
    const counted = await progress.evaluate(
      () => [...document.querySelectorAll('[aria-labelledby="risk-title"] table tbody td')].reduce((sum, td) => sum + Number(td.textContent), 0),
      undefined,
    );
    expect(counted).toBe(2);
  });

  test('the welcome sets a person up in four steps; their trigger site then shows their own words', async () => {
    const welcome = await h.openPage('welcome.html');
    await welcome.waitForText('body', 'Step 1 of 4');
    await welcome.fill('My current streak started on', await browserDay(welcome, -6));
    await welcome.clickButton('Next');
    await welcome.waitForText('body', 'Step 2 of 4');
    await welcome.fill('Another site', 'welcome.test');
    await welcome.clickButton('Add');
    await welcome.waitForText('body', 'Added. Steadfast will pause welcome.test from now on.');
    await waitForRule(h, 'welcome.test');
    await welcome.clickButton('Next');
    await welcome.waitForText('body', 'Step 3 of 4');
    await welcome.fill('One reason that matters to you', 'To be there for my daughter');
    // Typed key by key, the step saves as it goes: on once the whole reason is kept.
    await expect.poll(async () => (await stored<{ reasons: string[] }>(h, 'plan'))?.reasons).toEqual(['To be there for my daughter']);
    await welcome.clickButton('Next');
    await welcome.waitForText('body', 'Step 4 of 4');
    await welcome.clickButton('Finish');
    const summary = await welcome.waitForText('.set-up', '1 trigger site: welcome.test.');
    expect(summary).toContain('1 reason in your plan.');
    const tab = await h.newTab();
    await expectPaused(h, tab, h.web('welcome.test'), 'welcome.test');
    await tab.waitForText('.plan', 'To be there for my daughter');
    await tab.waitForText('.pause-streak', '6 days without use');
  });

  describe('axe-core finds no WCAG 2 A/AA violation', () => {
    /** Opens Steadfast's page `path` and waits until `selector` shows `text`. */
    const ready = (path: string, selector: string, text: string) => async () => {
      const tab = await h.openPage(path);
      await tab.waitForText(selector, text);
      return tab;
    };
    /** Each page, opened and brought to what it is for. */
    const PAGES: [string, () => Promise<Tab>][] = [
      [
        'pause (through a real trigger redirect)',
        async () => {
          const options = await addTrigger(h, 'trigger.test');
          await writePlan(options, { reasons: 'My daughter', person: ['Sam', '+44 7700 900123'] });
          const tab = await h.newTab();
          await expectPaused(h, tab, h.web('trigger.test'), 'trigger.test');
          await tab.waitForText('.plan', 'My daughter');
          return tab;
        },
      ],
      ['popup', () => openPopup(h)],
      ['options ("My recovery")', ready('options.html', '#plan', 'My reasons')],
      ['help', ready('help.html', 'h2', 'Emergency and urgent help')],
      ['coping', ready('coping.html', 'button', 'Surf the urge')],
      ['crisis ("I\'m not safe")', ready('crisis.html', 'h2', 'People you can call')],
      ['privacy', ready('privacy.html', 'h1', 'Your privacy')],
      ['welcome', ready('welcome.html', 'body', 'Step 1 of 4')],
      // Drawn once the page says so: <main data-complete>, set once the charts are.
      ['progress', ready('progress.html', 'main[data-complete="true"]', '')],
    ];

    test.each(PAGES)('on %s', async (_name, open) => {
      const tab = await open();
      expect(await tab.axe()).toEqual([]);
    });
  });
}
