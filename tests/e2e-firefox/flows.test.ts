import { coreFlows } from '../flows/core-flows';
import { firefoxHarness } from '../flows/firefox';

// The core flows (tests/flows/core-flows.ts) in Firefox ESR; tests/e2e/flows.test.ts runs the same in Chromium.
coreFlows(firefoxHarness());
