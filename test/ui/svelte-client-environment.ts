/**
 * A Node environment whose modules Vite transforms for the client, so `$state`, `$derived`
 * and `$effect` in `*.svelte.ts` compile to Svelte's reactive client runtime (the `node`
 * environment compiles them for server rendering, where effects never run).
 */
import type { Environment } from 'vitest/environments';

export default {
  name: 'svelte-client',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} };
  },
} satisfies Environment;
