import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { App } from './App';
import { afterFirstPaint, startPage } from '../../lib/i18n/start-page';
import { pausedUrlFromHash } from '../../lib/blocking/paused-url';
import { startPauseReads, type PauseFirst } from '../../lib/pause/pause-reads';

// The reads start now, while the browser paints the static first screen (heading, breathing cue,
// "Get help now", "I'm not safe"). The app draws once that paint is on screen, so its work never
// holds the first paint back, and with what storage gave, so its first render already holds the
// plan, the prompt and the support people (issue 19). Storage that has not answered by then does
// not hold the page: it draws without them and they follow.
const reads = startPauseReads(pausedUrlFromHash(location.hash)?.href);
const draw = (shown?: PauseFirst) =>
  void startPage(() => render(<App hash={location.hash} inFrame={window.top !== window} reads={reads} shown={shown} />, document.getElementById('app')!));
afterFirstPaint(() => {
  let drawn = false;
  const once = (shown?: PauseFirst) => {
    if (drawn) return;
    drawn = true;
    draw(shown);
  };
  void reads.first.then(once);
  // A slow storage read never keeps "Take me away" and the paused site's name off the screen.
  setTimeout(once, 250);
});
