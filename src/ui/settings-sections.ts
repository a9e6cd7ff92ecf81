/** Sections of the Settings page contributed by feature areas (export settings, templates). */
import type { Component } from 'svelte';
import ExportSettings from './components/export/export-settings.svelte';
import TemplateSettings from './components/templates/template-settings.svelte';

export const SETTINGS_SECTIONS: Component[] = [ExportSettings, TemplateSettings];
