import { render } from 'preact';
import '../components/base.css';
import './options.css';
import { Options } from './options';
import { localisePage } from '../i18n';

localisePage('optionsPageTitle');
render(<Options />, document.getElementById('app')!);
