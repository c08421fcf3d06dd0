import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { TestServer } from '../e2e/test-server';
import { addTriggerThroughOptions, launchSteadfastInFirefox, waitForRuleFor, waitForText, type SteadfastFirefox } from './firefox';

export interface FirefoxFixture {
  server: TestServer;
  app: SteadfastFirefox;
  /** A fresh tab for `visit`, closed afterwards, so no test starts on another's page. */
  inNewTab(visit: (page: Page) => Promise<void>): Promise<void>;
}

/** A trigger typed into "My recovery": as typed, as the list shows it, and the host its rule names. */
export interface TypedTrigger {
  typed: string;
  listed?: string;
  host?: string;
}

export interface FirefoxFixtureOptions {
  /** Triggers typed into "My recovery" once Firefox is up; each waits for its line and its rule. */
  triggers?: (string | TypedTrigger)[];
  /** More set-up once Firefox is up, before the triggers. */
  setUp?: (fixture: FirefoxFixture) => Promise<void>;
  /** Forget the test server's request counts before each test. */
  resetServer?: boolean;
}

/**
 * The set-up every Firefox end-to-end file shares: the test server, one Firefox ESR with
 * Steadfast for the file (reached "My recovery" from the welcome), its triggers in force, closed
 * after it. The fields are filled in `beforeAll`.
 */
export function steadfastFirefoxFixture({ triggers = [], setUp, resetServer = false }: FirefoxFixtureOptions = {}): FirefoxFixture {
  const fixture = {
    async inNewTab(visit: (page: Page) => Promise<void>) {
      const page = await fixture.app.browser.newPage();
      try {
        await visit(page);
      } finally {
        await page.close();
      }
    },
  } as FirefoxFixture;
  beforeAll(async () => {
    // Firefox resolves the test hosts to 127.0.0.1, so the addresses carry the server's port.
    fixture.server = await new TestServer().start();
    fixture.app = await launchSteadfastInFirefox();
    await setUp?.(fixture);
    for (const each of triggers) {
      const { typed, listed = typed, host = listed.split('/')[0]! } = typeof each === 'string' ? { typed: each } : each;
      await addTriggerThroughOptions(fixture.app.options, typed);
      await waitForText(fixture.app.options, '.trigger-list', listed);
      await waitForRuleFor(fixture.app.options, host);
    }
  });
  afterAll(async () => {
    await fixture.app?.close();
    await fixture.server?.stop();
  });
  if (resetServer) beforeEach(() => fixture.server.reset());
  return fixture;
}
