import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { App } from './App';
import { localisePage } from '../../lib/i18n/localise-page';
import { catalogueLanguage } from '../../lib/i18n/i18n';

localisePage(document, undefined, catalogueLanguage());
render(<App />, document.getElementById('app')!);
