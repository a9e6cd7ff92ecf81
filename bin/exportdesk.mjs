#!/usr/bin/env node
// The `exportdesk` command: runs the TypeScript CLI through tsx, no build step needed.
import { register } from 'tsx/esm/api';

register();
const { main, exitQuietlyOnClosedPipe } = await import('../src/cli/main.ts');
exitQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
