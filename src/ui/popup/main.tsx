import { render } from 'preact';
import '../components/base.css';
import './popup.css';
import { Popup } from './popup';

performance.mark('popup-start');
render(<Popup />, document.getElementById('app')!);
