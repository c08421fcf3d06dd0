import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TriggerV1 } from '../../lib/triggers/trigger';

const v1: TriggerV1[] = [
  { id: 'a', kind: 'site', display: 'example.com', host: 'example.com', addedAt: 1 },
  { id: 'b', kind: 'path', display: 'other.org/forum', host: 'other.org', path: '/forum', addedAt: 2 },
];

test('v1 triggers upgrade to v2 as Block, losing nothing (an update never loosens protection)', async () => {
  await fakeBrowser.storage.local.set({ triggers: v1, triggers$: { v: 1 } });
  vi.resetModules();
  const { triggerListItem } = await import('../../lib/triggers/trigger-list');
  await triggerListItem.migrate();
  expect(await triggerListItem.getValue()).toEqual(v1.map((t) => ({ ...t, mode: 'block' })));
  expect((await fakeBrowser.storage.local.get('triggers$')).triggers$).toEqual({ v: 2 });
});

test('a fresh install starts at v2 with an empty list', async () => {
  vi.resetModules();
  const { triggerListItem } = await import('../../lib/triggers/trigger-list');
  expect(await triggerListItem.getValue()).toEqual([]);
});
