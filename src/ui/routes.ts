/** Pages added by feature areas (import, export runs, exported files, templates). */
import type { Component } from 'svelte';

export const ROUTES: Record<string, Component> = {};
