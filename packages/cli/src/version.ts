import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** plan-lint's own version, from the package.json beside `dist/`. */
export function planLintVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
