import { render } from 'preact';
import '../components/base.css';
import './popup.css';
import { Popup, readPopupState } from './popup';
import { localisePage } from '../i18n';
import { shareBlockedStateThroughSession } from '../../adapters/blocked-board';

performance.mark('popup-start');
localisePage('extName');
shareBlockedStateThroughSession();
// Reading starts before the first render; the Popup shows a failure when it awaits the result.
const first = readPopupState();
first.catch(() => undefined);
render(<Popup first={first} />, document.getElementById('app')!);
