#!/usr/bin/env node
import { existsSync } from 'node:fs';

// The bundle (scripts/bundle-cli.mjs) starts faster and smaller; dist/ is the plain tsc output.
const bundled = new URL('../bundle/server.js', import.meta.url);
const { startServer } = await import(existsSync(bundled) ? bundled.href : '../dist/server.js');

startServer();
