import { afterAll, beforeAll, expect, test } from 'vitest';
import { addTriggerThroughOptions, launchSteadfast, reloadExtension, removeProfile, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

let server: TestServer;
let app: Steadfast;
let profile: string;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  profile = app.profile;
  const options = await addTriggerThroughOptions(app, 'trigger.test');
  await options.getByLabel('My reasons (one a line)').fill('Being there for my friends');
  await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await waitForRuleFor(app.worker, 'trigger.test');
});

afterAll(async () => {
  await app?.close();
  if (profile) removeProfile(profile);
  await server?.stop();
});

async function expectPausedWithPlan() {
  server.reset();
  const page = await app.context.newPage();
  await page.goto('http://trigger.test/after');
  await page.waitForURL((u) => u.pathname === '/pause.html');
  await expect.poll(() => page.locator('.plan').innerText()).toContain('Being there for my friends');
  expect(server.requestsTo('trigger.test')).toBe(0);
  await page.close();
}

test('triggers and the plan survive a browser restart with the same profile', async () => {
  await app.close();
  app = await launchSteadfast(server.port, profile);
  // The very first navigation after the browser starts is paused too.
  await expectPausedWithPlan();
});

test('triggers and the plan survive the extension reloading (as on an update)', async () => {
  await reloadExtension(app);
  await waitForRuleFor(app.worker, 'trigger.test');
  await expectPausedWithPlan();
});
