import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe is one file, evaluated in the page (an extension page's CSP refuses an injected <script>).
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

interface AxeGlobal {
  axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> };
}

/** Every violation as one line a developer can act on: rule, impact, what to fix and where. */
export function axeResults(violations: unknown[]): string[] {
  return (violations as Violation[]).flatMap((v) =>
    v.nodes.map(
      (node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
    ),
  );
}

/** axe-core's WCAG 2 A and AA rules on `page`, each violation as one line ({@link axeResults}). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as AxeGlobal;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  return axeResults(violations);
}
