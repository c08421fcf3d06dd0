// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { useStoredItem, type StoredItemOptions, type StoredSource } from '../../components/useStoredItem';

afterEach(cleanup);

const words = storage.defineItem<string[]>('local:test-words', { fallback: [] });

function Show<T>({ item, options }: { item: StoredSource<T>; options?: StoredItemOptions<T> }) {
  const { value, loading, error } = useStoredItem(item, options);
  return <p data-testid="out">{loading ? 'loading' : error ? `error: ${(error as Error).message}` : JSON.stringify(value)}</p>;
}
const out = () => screen.getByTestId('out').textContent;

/** A promise and the hands that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('useStoredItem', () => {
  test('is loading, then shows the stored value, then follows each change from anywhere', async () => {
    await words.setValue(['calm']);
    render(<Show item={words} />);
    expect(out()).toBe('loading');
    await waitFor(() => expect(out()).toBe('["calm"]'));
    await act(() => words.setValue(['calm', 'walk']));
    await waitFor(() => expect(out()).toBe('["calm","walk"]'));
    // Another page (or the background) writing storage directly is followed too.
    await act(() => fakeBrowser.storage.local.set({ 'test-words': ['sea'] }));
    await waitFor(() => expect(out()).toBe('["sea"]'));
    // Removed: the fallback.
    await act(() => words.removeValue());
    await waitFor(() => expect(out()).toBe('[]'));
  });

  test('a change that arrives before the first read answers wins over that read’s older value', async () => {
    await words.setValue(['old']);
    const first = deferred<string[]>();
    const getValue = vi.spyOn(words, 'getValue').mockImplementationOnce(() => first.promise);
    render(<Show item={words} />);
    expect(getValue).toHaveBeenCalledTimes(1);
    // The change lands while the first read is still on its way…
    await act(() => words.setValue(['new']));
    await waitFor(() => expect(out()).toBe('["new"]'));
    // …and the first read's answer, read before the change, comes late: it must not win.
    await act(async () => first.resolve(['old']));
    expect(out()).toBe('["new"]');
  });

  test('with `read`, each change is read again and only the latest read counts', async () => {
    await words.setValue(['a']);
    const reads = [deferred<string[]>(), deferred<string[]>(), deferred<string[]>()];
    let n = 0;
    const read = vi.fn(() => reads[n++]!.promise);
    render(<Show item={words} options={{ read }} />);
    await act(() => words.setValue(['b']));
    await act(() => words.setValue(['c']));
    await waitFor(() => expect(read).toHaveBeenCalledTimes(3));
    // Answers come back out of order: the latest read is the one kept.
    await act(async () => reads[2]!.resolve(['C']));
    await act(async () => reads[0]!.resolve(['A']));
    await act(async () => reads[1]!.resolve(['B']));
    expect(out()).toBe('["C"]');
  });

  test('a failed read gives an error state, and the next change clears it', async () => {
    vi.spyOn(words, 'getValue').mockRejectedValueOnce(new Error('storage is off'));
    render(<Show item={words} />);
    await waitFor(() => expect(out()).toBe('error: storage is off'));
    await act(() => words.setValue(['back']));
    await waitFor(() => expect(out()).toBe('["back"]'));
  });

  test('stops following when the component goes', async () => {
    const unwatch = vi.fn();
    const item: StoredSource<number> = { getValue: async () => 1, watch: () => unwatch };
    const { unmount } = render(<Show item={item} />);
    await waitFor(() => expect(out()).toBe('1'));
    act(() => void unmount());
    expect(unwatch).toHaveBeenCalledTimes(1);
  });
});
