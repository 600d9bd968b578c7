// Copies the built-in packs and the registry (rules/) into packages/core before `npm pack` of
// @plan-lint/core, so that the tarball installs and runs with no repository around; removes the
// copy afterwards, so that the repository keeps one rules/ (core finds it upward when developing).
// Run by core's prepack and postpack scripts: node ../../scripts/pack-core-data.mjs copy|clean
// scripts/pack-release.mjs uses copyRules on a staged copy of core instead.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** rules/ of the repository into `target` (data only: tests are not shipped). */
export function copyRules(target) {
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(root, 'rules'), target, { recursive: true, filter: (source) => !/\.test\.[cm]?[jt]s$/.test(source) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = path.join(root, 'packages/core/rules');
  const action = process.argv[2];
  if (action === 'copy') copyRules(target);
  else if (action === 'clean') rmSync(target, { recursive: true, force: true });
  else {
    console.error('usage: pack-core-data.mjs copy|clean');
    process.exit(2);
  }
}
