import { describe, expect, test } from 'vitest';
import { META_KEY, readPart, splitIntoChunks, staleChunkKeys } from '../../lib/sync/chunks';
import { itemBytes, SYNC_QUOTA } from '../../lib/sync/quota';

describe('cutting a part into chunks', () => {
  test.each([
    ['a short value', JSON.stringify({ a: 1 })],
    ['ASCII just over one item', JSON.stringify('x'.repeat(8_200))],
    ['quotes and backslashes, which JSON escapes and so grow', JSON.stringify('"\\'.repeat(9_000))],
    ['accents, emoji and CJK (several UTF-8 bytes each)', JSON.stringify('café 😊 回復 '.repeat(4_000))],
    ['control characters (six bytes each as \\u00XX)', JSON.stringify('\u0001'.repeat(5_000))],
  ])('%s: every item fits 8 KB and the chunks read back as the same JSON', (_name, json) => {
    const { info, items } = splitIntoChunks('plan', json);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    expect(Object.keys(items)).toHaveLength(info.count);
    expect(readPart(info, 'plan', items)).toEqual({ status: 'ok', value: JSON.parse(json) });
  });

  test('the same value gives the same keys, so an unchanged part is not written again', () => {
    expect(splitIntoChunks('triggers', '[1,2,3]')).toEqual(splitIntoChunks('triggers', '[1,2,3]'));
    expect(splitIntoChunks('triggers', '[1,2,3]').info.hash).not.toBe(splitIntoChunks('triggers', '[1,2,4]').info.hash);
  });

  test('a chunk that has not arrived yet makes the part incomplete, never half old and half new', () => {
    const { info, items } = splitIntoChunks('plan', JSON.stringify('y'.repeat(20_000)));
    const [first] = Object.keys(items);
    const some = { ...items };
    delete some[first!];
    expect(readPart(info, 'plan', some)).toEqual({ status: 'incomplete' });
  });

  test.each([
    ['a chunk that is not a string', (items: Record<string, unknown>, key: string) => (items[key] = 42)],
    ['a chunk whose content does not match its name', (items: Record<string, unknown>, key: string) => (items[key] = '{"x":1}')],
  ])('%s is unreadable', (_name, spoil) => {
    const { info, items } = splitIntoChunks('plan', '{"reasons":[]}');
    const spoilt: Record<string, unknown> = { ...items };
    spoil(spoilt, Object.keys(items)[0]!);
    expect(readPart(info, 'plan', spoilt).status).toBe('unreadable');
  });

  test('JSON naming __proto__ is unreadable, whatever its hash', () => {
    const json = '{"__proto__":{"polluted":true}}';
    const { info, items } = splitIntoChunks('plan', json);
    expect(readPart(info, 'plan', items)).toEqual({ status: 'unreadable' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('chunks no part names any more are stale; the meta and foreign keys are not', () => {
    const old = splitIntoChunks('plan', '"old"');
    const next = splitIntoChunks('plan', '"new"');
    const all = { ...old.items, ...next.items, [META_KEY]: {}, 'someone-else': 1 };
    expect(staleChunkKeys({ format: 1, parts: { plan: next.info } }, all)).toEqual(Object.keys(old.items));
  });
});
