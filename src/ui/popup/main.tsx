import { render } from 'preact';
import '../components/base.css';
import './popup.css';
import { Popup } from './popup';
import { localisePage } from '../i18n';

performance.mark('popup-start');
localisePage('extName');
render(<Popup />, document.getElementById('app')!);
