import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { App } from './App';
import { startPage } from '../../lib/i18n/start-page';

void startPage(() => render(<App />, document.getElementById('app')!));
