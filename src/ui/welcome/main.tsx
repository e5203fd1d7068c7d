import { render } from 'preact';
import '../components/base.css';
import '../options/options.css';
import './welcome.css';
import { Welcome } from './welcome';
import { localisePage } from '../i18n';

localisePage('welcomeTitle');
render(<Welcome />, document.getElementById('app')!);
