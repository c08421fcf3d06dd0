import { useEffect, useRef, useState } from 'preact/hooks';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * Whole seconds since `startedAt` (a `Date.now()` value), up to `limitSeconds`. One interval runs
 * while `startedAt` is set and the limit is not reached; it is cleared when either changes and
 * when the component unmounts, so no timer outlives the view. The count comes from the clock, not
 * from counting ticks, because browsers slow intervals down in background tabs.
 */
export function useElapsedSeconds(startedAt: number | undefined, limitSeconds = Infinity): number {
  const [elapsed, setElapsed] = useState<{ from?: number; seconds: number }>({ seconds: 0 });

  useEffect(() => {
    if (startedAt === undefined) return undefined;
    let id: ReturnType<typeof setInterval> | undefined;
    const tick = () => {
      const seconds = Math.min(limitSeconds, Math.max(0, Math.floor((Date.now() - startedAt) / 1000)));
      setElapsed((old) => (old.from === startedAt && old.seconds === seconds ? old : { from: startedAt, seconds }));
      if (seconds >= limitSeconds && id !== undefined) {
        clearInterval(id);
        id = undefined;
      }
    };
    // A quarter-second tick keeps each shown second within 250 ms of the real one.
    id = setInterval(tick, 250);
    tick();
    return () => {
      if (id !== undefined) clearInterval(id);
    };
  }, [startedAt, limitSeconds]);

  // Until the first tick of a new start, the last session's count must not show.
  return startedAt !== undefined && elapsed.from === startedAt ? elapsed.seconds : 0;
}

/**
 * True when the person asked their system for less motion. `query` is for tests and for pages
 * without `matchMedia`; the answer follows the setting if it changes while the page is open.
 */
export function usePrefersReducedMotion(query?: MediaQueryList): boolean {
  // Asked once a mount: a fresh MediaQueryList every render would re-subscribe every render.
  const [list] = useState(() => query ?? (typeof matchMedia === 'function' ? matchMedia(REDUCED_MOTION) : undefined));
  const [reduced, setReduced] = useState(list?.matches ?? false);
  useEffect(() => {
    if (!list) return undefined;
    const update = () => setReduced(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [list]);
  return reduced;
}

/**
 * A ref to the control that should have focus after a view changes (`view` differs from the last
 * render), so keyboard and screen reader users are not dropped on the page's body when the
 * button they pressed goes away. Nothing moves on the first render.
 */
export function useFocusOnChange<T extends HTMLElement>(view: string) {
  const ref = useRef<T>(null);
  const last = useRef(view);
  useEffect(() => {
    if (last.current === view) return;
    last.current = view;
    ref.current?.focus();
  }, [view]);
  return ref;
}
