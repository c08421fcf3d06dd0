import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { App } from './App';
import { afterFirstPaint, startPage } from '../../lib/i18n/start-page';
import { pausedUrlFromHash } from '../../lib/blocking/paused-url';
import { startPauseReads } from '../../lib/pause/pause-reads';

// The reads start now, while the browser paints the static first screen (heading, breathing cue,
// "Get help now", "I'm not safe"); the app draws once that paint is on screen, so its work never
// holds the first paint back, and the plan comes as soon as storage has answered (issue 19).
const reads = startPauseReads(pausedUrlFromHash(location.hash)?.href);
afterFirstPaint(
  () => void startPage(() => render(<App hash={location.hash} inFrame={window.top !== window} reads={reads} />, document.getElementById('app')!)),
);
