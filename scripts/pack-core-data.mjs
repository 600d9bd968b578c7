// Copies the built-in packs and the registry (rules/) into packages/core before `npm pack` of
// @plan-lint/core, so that the tarball installs and runs with no repository around; removes the
// copy afterwards, so that the repository keeps one rules/ (core finds it upward when developing).
// Run by core's prepack and postpack scripts: node ../../scripts/pack-core-data.mjs copy|clean
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const target = path.join(root, 'packages/core/rules');
const action = process.argv[2];

rmSync(target, { recursive: true, force: true });
if (action === 'copy') {
  // Data only: tests are not shipped.
  cpSync(path.join(root, 'rules'), target, { recursive: true, filter: (source) => !/\.test\.[cm]?[jt]s$/.test(source) });
} else if (action !== 'clean') {
  console.error('usage: pack-core-data.mjs copy|clean');
  process.exit(2);
}
