import { render } from 'preact';
import '../components/base.css';
import './history.css';
import { HistoryPage } from './history-page';

performance.mark('history-start');
render(<HistoryPage />, document.getElementById('app')!);
