import { firefoxHarness } from '../flows/firefox';
import { reviewFlow } from '../flows/review-flow';

// The weekly review's round trip (tests/flows/review-flow.ts) in Firefox ESR; tests/e2e/weekly-review.test.ts runs the same in Chromium.
reviewFlow(firefoxHarness());
