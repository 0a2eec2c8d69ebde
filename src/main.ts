import { mount } from 'svelte';
import Root from './app/crash/Root.svelte';
import './app/styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('ECS Playground: #app element missing from index.html');

// Root wraps App in the outermost error boundary.
export default mount(Root, { target });
