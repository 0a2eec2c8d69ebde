import './app/styles.css';
import './app/boot/boot.css';
import { showLoadFailure } from './app/boot/loadFailure';

const target = document.getElementById('app');
if (!target) throw new Error('ECS Playground: #app element missing from index.html');

// index.html paints the shell on its own; the app (Svelte, the simulation core, the views) is one
// dynamic import away, so the JavaScript before the first paint stays small. Root wraps App in the
// outermost error boundary.
import('./app/boot/mountApp').then(
  ({ mountApp }) => mountApp(target),
  (error: unknown) => showLoadFailure(target, error),
);
