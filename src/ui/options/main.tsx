import { render } from 'preact';
import '../components/base.css';
import './options.css';
import { Options } from './options';

render(<Options />, document.getElementById('app')!);
