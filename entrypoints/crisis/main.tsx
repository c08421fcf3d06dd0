import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { App, RegionLine } from './App';
import { startPage } from '../../lib/i18n/start-page';

// The numbers are already on screen (static HTML); this only orders them and adds the plan.
void startPage(() => {
  render(<RegionLine locale={navigator.language} />, document.getElementById('crisis-region')!);
  render(<App />, document.getElementById('app')!);
});
