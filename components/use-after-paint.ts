import { useEffect, useState } from 'preact/hooks';

/**
 * A module the page loads with `import()` after its first paint (Preact runs effects after it):
 * undefined until it has come. The page draws what it needs first without it (issue 19).
 */
export function useAfterPaint<T>(load: () => Promise<T>): T | undefined {
  const [loaded, setLoaded] = useState<T>();
  useEffect(() => {
    let live = true;
    void load().then((module) => live && setLoaded(() => module));
    return () => {
      live = false;
    };
  }, [load]);
  return loaded;
}
