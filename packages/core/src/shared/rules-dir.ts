import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRules: string | undefined;
let cachedPackage: string | undefined;

/**
 * The installed @plan-lint/core package folder. Resolved as a package, not from this file's place:
 * the CLI and the language server bundle core's code into their own files (scripts/bundle-cli.mjs).
 */
export function corePackageDir(): string {
  if (cachedPackage) return cachedPackage;
  const here = fileURLToPath(import.meta.url);
  try {
    cachedPackage = path.dirname(createRequire(here).resolve('@plan-lint/core/package.json'));
  } catch {
    // Core itself, unbundled: src/config or dist/config, two levels below the package.
    cachedPackage = path.resolve(path.dirname(here), '..', '..');
  }
  return cachedPackage;
}

/**
 * The built-in packs and the registry: `rules/` inside the installed package (copied there when it
 * is packed: scripts/pack-core-data.mjs), else the repository's `rules/` found upward from this
 * module (src/ in tests, dist/ or a bundle when built in the repository).
 */
export function builtinRulesDir(): string {
  if (cachedRules) return cachedRules;
  const inPackage = path.join(corePackageDir(), 'rules');
  if (existsSync(path.join(inPackage, 'recommended', 'pack.json'))) return (cachedRules = inPackage);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'rules');
    if (existsSync(path.join(candidate, 'recommended', 'pack.json'))) return (cachedRules = candidate);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('plan-lint: the built-in rules/ folder was not found in @plan-lint/core or above it');
    dir = up;
  }
}

/** The JSON Schema of plan-lint.config.json as installed (what `plan-lint init` points `$schema` at). */
export function configSchemaPath(): string {
  return path.join(corePackageDir(), 'schemas', 'config.schema.json');
}
