import { mount } from 'svelte';
import App from './ui/app.svelte';
import { resumeSettling } from './ui/resume-settling.ts';
import { localeState } from './ui/i18n/locale.svelte.ts';
import './ui/app.css';

// The language's catalogue is loaded before the first render, so the app never shows English first.
void localeState
  .init()
  .catch((error: unknown) => console.error('The language could not be loaded; showing English.', error))
  .then(() => mount(App, { target: document.getElementById('app')! }));
void resumeSettling();
