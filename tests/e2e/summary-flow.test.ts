import { chromiumHarness } from '../flows/chromium';
import { summaryFlow } from '../flows/summary-flow';

// Progress → "Print a summary" (tests/flows/summary-flow.ts) in Chromium; tests/e2e-firefox/summary.test.ts runs the same in Firefox ESR.
summaryFlow(chromiumHarness());
