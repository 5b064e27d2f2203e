#!/usr/bin/env node
// Launcher for the TypeScript CLI: runs src/cli/main.ts through tsx's ESM loader,
// so `npx fpsimd-viz ...` works straight after `npm ci`, with no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import(new URL('../src/cli/main.ts', import.meta.url).href);
