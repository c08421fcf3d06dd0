import { useEffect, useState } from 'preact/hooks';

/**
 * A module the page loads with `import()` after its first paint (Preact runs effects after it):
 * undefined until it has come. The page draws what it needs first without it (issue 19). With
 * `ready` false the load waits until it is true and a paint has followed: the popup holds it back
 * until the streak is drawn, as fetching it costs the main thread more than the streak's reads do.
 */
export function useAfterPaint<T>(load: () => Promise<T>, ready = true): T | undefined {
  const [loaded, setLoaded] = useState<T>();
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void load().then((module) => live && setLoaded(() => module));
    return () => {
      live = false;
    };
  }, [load, ready]);
  return loaded;
}
