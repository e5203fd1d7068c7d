import { render } from 'preact';
import '../components/base.css';
import './history.css';
import { HistoryPage } from './history-page';
import { localisePage } from '../i18n';
import { shareBlockedStateThroughSession } from '../../adapters/blocked-board';

performance.mark('history-start');
localisePage('historyPageTitle');
shareBlockedStateThroughSession();
render(<HistoryPage />, document.getElementById('app')!);
