import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { App } from './App';
import { startPage } from '../../lib/i18n/start-page';
import { pausedUrlFromHash } from '../../lib/blocking/paused-url';
import { startPauseReads, type PauseFirst } from '../../lib/pause/pause-reads';

// The reads start now, while the browser paints the static first screen (heading, breathing cue,
// "Get help now", "I'm not safe"), and the app draws once storage has answered, so its first render
// already holds the plan, the prompt and the support people (issue 19). The history (IndexedDB)
// brings the streak later. Storage that has not answered in 250 ms does not hold the page: it draws
// without them and they follow.
const reads = startPauseReads(pausedUrlFromHash(location.hash)?.href);
let drawn = false;
const draw = (shown?: PauseFirst) => {
  if (drawn) return;
  drawn = true;
  void startPage(() => render(<App hash={location.hash} inFrame={window.top !== window} reads={reads} shown={shown} />, document.getElementById('app')!));
};
void reads.first.then(draw);
setTimeout(draw, 250);
