import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { closeAll, launchSteadfast, type LaunchOptions, type Steadfast } from './browser';
import { TestServer } from './test-server';

export interface SteadfastFixture {
  server: TestServer;
  app: Steadfast;
  /** "My recovery", open in its own tab, when asked for with `options: true`. */
  options: Page;
}

export interface FixtureOptions {
  /** Open "My recovery" in a tab of its own once the browser is up. */
  options?: boolean;
  /** Forget the test server's request counts before each test. */
  resetServer?: boolean;
  /** How to launch Chromium (a locale, a moved clock, …). */
  launch?: LaunchOptions;
}

/**
 * The set-up every Chromium end-to-end file shares: the test server, one Chromium with Steadfast
 * for the file, closed (and its profile deleted) after it. Its fields are filled in `beforeAll`:
 * read them inside tests and hooks, never at the top level of the file.
 */
export function steadfastFixture({ options = false, resetServer = false, launch }: FixtureOptions = {}): SteadfastFixture {
  const fixture = {} as SteadfastFixture;
  beforeAll(async () => {
    fixture.server = await new TestServer().start();
    fixture.app = await launchSteadfast(fixture.server.port, undefined, launch);
    if (options) {
      fixture.options = await fixture.app.context.newPage();
      await fixture.options.goto(fixture.app.url('options.html'));
    }
  });
  afterAll(() => closeAll(fixture.app, fixture.server));
  if (resetServer) beforeEach(() => fixture.server.reset());
  return fixture;
}
