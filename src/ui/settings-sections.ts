/** Sections of the Settings page contributed by feature areas (export settings, templates). */
import type { Component } from 'svelte';

export const SETTINGS_SECTIONS: Component[] = [];
