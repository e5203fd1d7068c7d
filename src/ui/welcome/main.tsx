import { render } from 'preact';
import '../components/base.css';
import '../options/options.css';
import './welcome.css';
import { Welcome } from './welcome';

render(<Welcome />, document.getElementById('app')!);
