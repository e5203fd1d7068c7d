import { render } from 'preact';
import '../components/base.css';
import './popup.css';
import { Popup } from './popup';
import { localisePage } from '../i18n';
import { shareBlockedStateThroughSession } from '../../adapters/blocked-board';

performance.mark('popup-start');
localisePage('extName');
shareBlockedStateThroughSession();
render(<Popup />, document.getElementById('app')!);
