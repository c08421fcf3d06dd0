import './open-early';
import { render } from 'preact';
import '../../components/base.css';
import '../../components/progress/progress.css';
import './style.css';
import { startPage } from '../../lib/i18n/start-page';
import { loadProgressView } from '../../lib/progress/progress-page';
import { App } from './App';

// Reading the history starts now, while the words are checked and the page's frame is drawn.
const loading = loadProgressView();
loading.catch(() => {}); // App says so when it fails; this only keeps the rejection from counting as unhandled before App listens.
void startPage(() => render(<App loading={loading} />, document.getElementById('app')!));
