import { useEffect, useRef, useState } from 'preact/hooks';

/** What the hook needs of a stored item: WXT's `storage.defineItem` items are this. */
export interface StoredSource<T> {
  getValue(): Promise<T>;
  watch(listener: (next: T, previous: T) => void): () => void;
}

export interface StoredItemState<T> {
  /** The value as stored now; undefined until the first read (or after a failed one). */
  value: T | undefined;
  /** True until the first read has answered (with a value or an error). */
  loading: boolean;
  /** Set when the latest read failed (storage turned off, broken); cleared by the next value. */
  error?: unknown;
}

export interface StoredItemOptions<T> {
  /**
   * How to read the value, when it needs more than `getValue()` (defaults filled in, bad entries
   * dropped: `loadSettings`, `loadPlan`). Also used after each change, so both reads agree.
   */
  read?: () => Promise<T>;
}

/**
 * One stored item, read once and then followed as it changes (from this page, another page, the
 * background or sync), for as long as the component is drawn.
 *
 * It listens before it reads, so no change is missed; and a change that arrives while the first
 * read is still on its way wins over that read's older answer. Changes that need a `read` are read
 * in the order they came, and only the latest read's answer is kept.
 */
export function useStoredItem<T>(item: StoredSource<T>, { read }: StoredItemOptions<T> = {}): StoredItemState<T> {
  const [state, setState] = useState<StoredItemState<T>>({ value: undefined, loading: true });
  // The latest `read` given, without following a new function every render.
  const reader = useRef(read);
  reader.current = read;
  useEffect(() => {
    let latest = 0;
    let live = true;
    const load = () => {
      const ticket = ++latest;
      (reader.current ?? (() => item.getValue()))().then(
        (value) => live && ticket === latest && setState({ value, loading: false }),
        (error: unknown) => live && ticket === latest && setState((prev) => ({ value: prev.value, loading: false, error })),
      );
    };
    const unwatch = item.watch((next) => {
      // A removed value comes as null: read it again, which gives the item's fallback.
      if (reader.current || next === null || next === undefined) return load();
      latest += 1; // Any read still on its way now holds an older value.
      if (live) setState({ value: next, loading: false });
    });
    load();
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return state;
}
