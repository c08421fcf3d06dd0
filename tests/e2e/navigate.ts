import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestServer } from './test-server';

/** Goes to `url` as a person would and finds the pause page with the plan, with 0 requests to `host` (or its subdomains). */
export async function expectPaused(page: Page, server: TestServer, url: string, host: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  await page.locator('.plan').waitFor();
  expect(server.requestsTo(host)).toBe(0);
}

/** Goes to `url` and finds the real page, which the test server served to `host`. */
export async function expectLoads(page: Page, server: TestServer, url: string, host: string): Promise<void> {
  await page.goto(url);
  await page.locator('#real-page').waitFor();
  expect(server.requestsToExactly(host)).toBeGreaterThan(0);
}
