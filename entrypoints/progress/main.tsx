import { render } from 'preact';
import '../../components/base.css';
import '../../components/progress/progress.css';
import './style.css';
import { catalogueLanguage } from '../../lib/i18n/i18n';
import { localisePage } from '../../lib/i18n/localise-page';
import { App } from './App';

localisePage(document, undefined, catalogueLanguage());
render(<App />, document.getElementById('app')!);
