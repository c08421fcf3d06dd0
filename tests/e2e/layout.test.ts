import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeAll, launchSteadfast, type Steadfast } from './browser';
import { fillRecovery, PAGES } from './pages';
import { TestServer } from './test-server';

// Every page, filled as a person's would be, at WCAG's reflow width, on a phone-sized window and at 200% zoom; with
// reduced motion; in dark mode (WCAG 2.2: 1.4.4 resize text, 1.4.10 reflow, 2.4.11 focus not
// obscured, 2.3.3 animation from interactions).
//
// 200% zoom is a 1280×800 window at 200%: the browser then lays pages out in a 640×400 CSS pixel
// viewport with text still 16 CSS px, so that viewport is what the test sets. A deviceScaleFactor
// of 2 would only draw each CSS pixel with four device pixels: the layout, and so anything that
// could overflow, would be the 1280-wide one.
const VIEWPORTS = [
  // 320 CSS px is WCAG's reflow width (1280 px at 400% zoom); 360 px a common phone.
  { name: '320 px wide (400% zoom)', width: 320, height: 640 },
  { name: '360 px wide', width: 360, height: 740 },
  { name: '200% zoom (640×400 CSS px)', width: 640, height: 400 },
];

let server: TestServer;
let app: Steadfast;
let page: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  page = await app.context.newPage();
  await fillRecovery(app, page);
});

afterAll(() => closeAll(app, server));

const pages = PAGES.map((entry) => [entry.name, entry] as const);

/** In the page: a short name for an element a developer can find ("button.urge-button 'Add'"). */
const DESCRIBE = `(el) => {
  const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + (text ? " '" + text + "'" : '');
}`;

/** Elements that reach past the viewport's sides, unless an ancestor of theirs clips or scrolls them. */
function sidewaysOverflow(page: Page) {
  return page.evaluate((describeSource) => {
    const describe = eval(describeSource) as (el: Element) => string;
    const root = document.documentElement;
    const width = root.clientWidth;
    const clippedByAncestor = (el: Element) => {
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const wide: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if ((rect.right > width + 0.5 || rect.left < -0.5) && !clippedByAncestor(el)) {
        wide.push(`${describe(el)}: ${Math.round(rect.left)}…${Math.round(rect.right)} of ${width}`);
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, wide };
  }, DESCRIBE);
}

/**
 * Focuses every control in document order, as Tab would, then backwards, as Shift+Tab would (the
 * browser then scrolls up, where a sticky header can cover what it brings into view), and checks
 * each is then on screen, within the viewport's width, and not covered: the point a person would
 * click is the control itself.
 */
function unreachableControls(page: Page, backwards: boolean) {
  return page.evaluate(
    ([describeSource, reverse]) => {
      const describe = eval(describeSource) as (el: Element) => string;
      const width = document.documentElement.clientWidth;
      const height = window.innerHeight;
      const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      const problems: string[] = [];
      let checked = 0;
      const controls = [...document.querySelectorAll<HTMLElement>(selector)];
      if (reverse) {
        controls.reverse();
        window.scrollTo(0, document.documentElement.scrollHeight);
      }
      for (const el of controls) {
        if ((el as HTMLButtonElement).disabled) continue;
        if (el.tagName !== 'SUMMARY' && el.closest('details:not([open])')) continue;
        const before = el.getBoundingClientRect();
        if (before.width < 2 || before.height < 2 || getComputedStyle(el).visibility === 'hidden') continue;
        el.focus();
        if (document.activeElement !== el) {
          problems.push(`${describe(el)}: cannot take focus`);
          continue;
        }
        checked += 1;
        // The first line of a link that wraps; the top of a control taller than the window.
        const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
        if (rect.left < -0.5 || rect.right > width + 0.5) {
          problems.push(`${describe(el)}: ${Math.round(rect.left)}…${Math.round(rect.right)} is outside 0…${width}`);
          continue;
        }
        const x = rect.left + rect.width / 2;
        const y = rect.top + Math.min(rect.height / 2, 12);
        if (y < 0 || y > height) {
          problems.push(`${describe(el)}: off screen after focus (y ${Math.round(y)} of ${height})`);
          continue;
        }
        const hit = document.elementFromPoint(x, y);
        const labels = [...((el as HTMLInputElement).labels ?? [])];
        if (!hit || !(hit === el || el.contains(hit) || labels.some((label) => label === hit || label.contains(hit)))) {
          problems.push(`${describe(el)}: covered by ${hit ? describe(hit) : 'nothing'}`);
        }
      }
      (document.activeElement as HTMLElement | null)?.blur();
      return { checked, problems };
    },
    [DESCRIBE, backwards] as const,
  );
}

describe.each(VIEWPORTS)('$name', (viewport) => {
  beforeAll(async () => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
  });

  test.each(pages)('%s: nothing needs scrolling sideways', async (_name, entry) => {
    await entry.open(page, app);
    const { scrollWidth, clientWidth, wide } = await sidewaysOverflow(page);
    expect(wide).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  test.each(pages)('%s: every control can be reached and is not covered, with Tab and Shift+Tab', async (_name, entry) => {
    await entry.open(page, app);
    const { checked, problems } = await unreachableControls(page, false);
    expect(problems).toEqual([]);
    expect((await unreachableControls(page, true)).problems).toEqual([]);
    // Help at least: a page with nothing to reach would pass without proving anything.
    expect(checked).toBeGreaterThan(0);
  });
});

describe('with reduced motion', () => {
  beforeAll(async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  });

  test.each(pages)('%s: no animation runs and no transition is set', async (_name, entry) => {
    await entry.open(page, app);
    const motion = await page.evaluate((describeSource) => {
      const describe = eval(describeSource) as (el: Element) => string;
      const running = document.getAnimations().map((animation) => {
        const name = (animation as CSSAnimation).animationName ?? (animation as CSSTransition).transitionProperty ?? 'script';
        const target = (animation.effect as KeyframeEffect | null)?.target;
        return `${name} on ${target ? describe(target) : 'nothing'}`;
      });
      const moving = (durations: string) => durations.split(',').some((d) => parseFloat(d) > 0);
      const styled: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(el, pseudo);
          if (style.animationName !== 'none' && moving(style.animationDuration))
            styled.push(`animation ${style.animationName} on ${describe(el)}${pseudo ?? ''}`);
          if (style.transitionProperty !== 'none' && moving(style.transitionDuration))
            styled.push(`transition ${style.transitionProperty} on ${describe(el)}${pseudo ?? ''}`);
        }
      }
      return { running, styled };
    }, DESCRIBE);
    expect(motion.running).toEqual([]);
    expect(motion.styled).toEqual([]);
  });
});

describe('in dark mode', () => {
  beforeAll(async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'no-preference' });
  });

  test.each(pages)('%s: the page is dark and its text light', async (_name, entry) => {
    await entry.open(page, app);
    const { background, text } = await page.evaluate(() => {
      const rgba = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
      // sRGB relative luminance, WCAG 2.
      const luminance = ([r = 0, g = 0, b = 0]: number[]) =>
        [r, g, b]
          .map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
          .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
      // What shows behind the text: the body's background, else the root's (the canvas).
      const layers = [document.body, document.documentElement].map((el) => rgba(getComputedStyle(el).backgroundColor));
      const shown = layers.find((c) => (c[3] ?? 1) > 0) ?? [255, 255, 255];
      return { background: luminance(shown), text: luminance(rgba(getComputedStyle(document.body).color)) };
    });
    expect(background).toBeLessThan(0.05);
    expect(text).toBeGreaterThan(0.5);
  });
});
