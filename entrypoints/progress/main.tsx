import { render } from 'preact';
import '../../components/base.css';
import '../../components/progress/progress.css';
import './style.css';
import { startPage } from '../../lib/i18n/start-page';
import { App } from './App';

void startPage(() => render(<App />, document.getElementById('app')!));
