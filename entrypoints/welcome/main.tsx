import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { App } from './App';
import { catalogueLanguage } from '../../lib/i18n/i18n';
import { localisePage } from '../../lib/i18n/localise-page';

localisePage(document, undefined, catalogueLanguage());
render(<App locale={navigator.language} />, document.getElementById('app')!);
