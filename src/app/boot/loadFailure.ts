/**
 * What the page shows when the app's code cannot be fetched (offline with a partial cache, or a
 * deployment that replaced the chunks while the page loaded). Plain DOM and textContent: Svelte and
 * the app are exactly what did not arrive.
 */
import { bootLocale, bootTexts } from './texts';

export function showLoadFailure(target: HTMLElement, error: unknown, languages: readonly string[] = navigator.languages ?? ['en']): void {
  const t = bootTexts[bootLocale(languages)];
  const box = document.createElement('div');
  box.className = 'boot-failure';
  box.setAttribute('role', 'alert');
  const heading = document.createElement('h1');
  heading.textContent = t.failedHeading;
  const body = document.createElement('p');
  body.textContent = t.failedBody;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = t.reload;
  reload.addEventListener('click', () => location.reload());
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = t.details;
  const pre = document.createElement('pre');
  pre.textContent = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  details.append(summary, pre);
  box.append(heading, body, reload, details);
  target.replaceChildren(box);
  target.removeAttribute('aria-busy');
}
