import { firefoxHarness } from '../flows/firefox';
import { summaryFlow } from '../flows/summary-flow';

// Progress → "Print a summary" (tests/flows/summary-flow.ts) in Firefox ESR; tests/e2e/summary-flow.test.ts runs the same in Chromium.
summaryFlow(firefoxHarness());
