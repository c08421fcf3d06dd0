import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { App } from './App';
import { startPage } from '../../lib/i18n/start-page';
import { readRecovery } from '../../lib/history/recovery-state';

// Every read the streak needs starts now, while the words are checked and the page first renders (issue 19).
const reads = readRecovery();
void startPage(() => render(<App reads={reads} />, document.getElementById('app')!));
