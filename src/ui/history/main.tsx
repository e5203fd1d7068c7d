import { render } from 'preact';
import '../components/base.css';
import './history.css';
import { HistoryPage } from './history-page';
import { localisePage } from '../i18n';

performance.mark('history-start');
localisePage('historyPageTitle');
render(<HistoryPage />, document.getElementById('app')!);
