#!/usr/bin/env node
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

// The bundle (scripts/bundle-cli.mjs) starts faster; dist/ is the plain tsc output.
const bundled = fileURLToPath(new URL('../bundle/main.js', import.meta.url));
const { main, saveCodeCache } = existsSync(bundled) ? loadWithCodeCache(bundled) : { main: (await import('../dist/main.js')).main };

// exitCode, not exit(): a report piped to another program is flushed before the process ends.
process.exitCode = await main(process.argv.slice(2));
saveCodeCache?.();

/**
 * Loads the CommonJS bundle through vm.Script with a V8 code cache kept beside it, so that a start
 * reuses the code compiled by an earlier run instead of parsing and compiling the bundle again
 * (Node 20 has no module.enableCompileCache). The cache is named after the bundle's size and
 * modification time: V8 itself only checks the source's length. It is written after the first
 * run (so it holds the functions that run compiled), and again when V8 rejects it (another Node);
 * a folder that cannot be written just means no cache.
 */
function loadWithCodeCache(file) {
  // latin1: the bundle is ASCII-only (scripts/bundle-cli.mjs), and latin1 skips UTF-8 validation.
  const source = readFileSync(file, 'latin1');
  const { size, mtimeMs } = statSync(file);
  const cacheFile = `${file}.${size}-${Math.trunc(mtimeMs)}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // CommonJS's wrapper, and __planLintImport for the bundle's import() of lazily loaded packages
  // (scripts/bundle-cli.mjs): resolved from here, the same node_modules as from bundle/.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __planLintImport) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const module = new Module(file);
  module.filename = file;
  module.paths = Module._nodeModulePaths(path.dirname(file));
  const importLazily = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file), importLazily);
  const needsCache = cachedData === undefined || script.cachedDataRejected;
  const saveCodeCache = () => {
    if (!needsCache) return;
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // Read-only install or a full disk: the next start compiles again, nothing else changes.
    }
  };
  return { main: module.exports.main, saveCodeCache };
}
