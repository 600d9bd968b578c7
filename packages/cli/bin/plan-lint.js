#!/usr/bin/env node
import { existsSync } from 'node:fs';

// The bundle (scripts/bundle-cli.mjs) starts faster; dist/ is the plain tsc output.
const bundled = new URL('../bundle/main.js', import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : '../dist/main.js');

// exitCode, not exit(): a report piped to another program is flushed before the process ends.
process.exitCode = await main(process.argv.slice(2));
