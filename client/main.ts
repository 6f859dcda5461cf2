import { h, render } from 'preact';
import { App } from './ui/App';
import './styles.css';

/** The page: one Preact tree; the Phaser board is loaded when a match opens. */
render(h(App, {}), document.getElementById('app')!);
