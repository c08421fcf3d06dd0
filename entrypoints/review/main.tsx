import { render } from 'preact';
import '../../components/base.css';
import '../../components/progress/progress.css';
import '../../components/review/review.css';
import '../progress/style.css';
import { startPage } from '../../lib/i18n/start-page';
import { loadReviewPage } from '../../lib/review/reviews-store';
import { App } from './App';

// Reading the week starts now, while the words are checked and the page's frame is drawn.
const loading = loadReviewPage();
loading.catch(() => {}); // App says so when it fails; this only keeps the rejection from counting as unhandled before App listens.
void startPage(() => render(<App loading={loading} />, document.getElementById('app')!));
