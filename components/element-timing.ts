/**
 * Marks an element for the browser's Element Timing (`PerformanceElementTiming`): when its text has
 * painted is then readable by a benchmark (bench/intercept: the pause page's plan, prompt and
 * support people on screen), with no script of ours running to note it. `elementtiming` is not in
 * Preact's attribute types, hence the spread.
 */
export function timed(name: string): Record<string, string> {
  return { elementtiming: name };
}
