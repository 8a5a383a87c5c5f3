#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader: no separate server build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
