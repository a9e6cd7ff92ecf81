import { mount } from 'svelte';
import App from './ui/app.svelte';
import { resumeSettling } from './ui/resume-settling.ts';
import './ui/app.css';

mount(App, { target: document.getElementById('app')! });
void resumeSettling();
