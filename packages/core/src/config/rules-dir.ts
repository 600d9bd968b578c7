import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The repository's `rules/` folder (built-in packs and the registry), found upward from this module: src/ in tests, dist/ when built. */
export function builtinRulesDir(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'rules');
    if (existsSync(path.join(candidate, 'recommended', 'pack.json'))) return (cached = candidate);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('plan-lint: the built-in rules/ folder was not found above @plan-lint/core');
    dir = up;
  }
}
