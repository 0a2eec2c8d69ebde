/** Mounts the app (inside its outermost error boundary) in place of the boot shell of index.html. */
import { mount } from 'svelte';
import Root from '../crash/Root.svelte';

export function mountApp(target: HTMLElement): ReturnType<typeof mount> {
  target.replaceChildren();
  target.removeAttribute('aria-busy');
  return mount(Root, { target });
}
