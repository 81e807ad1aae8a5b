#!/usr/bin/env node
// Launcher for `npx tvet-bridge <command>` from a clone: lets Node load the TypeScript sources
// through tsx, then runs the CLI. Nothing is compiled ahead of time.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
