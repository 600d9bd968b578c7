#!/usr/bin/env node
import { main } from '../dist/main.js';

// exitCode, not exit(): a report piped to another program is flushed before the process ends.
process.exitCode = await main(process.argv.slice(2));
