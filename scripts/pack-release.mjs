// Packs the four publishable packages as npm tarballs into one folder, the form plan-lint is
// installed in until it is on the npm registry (README "Installing"):
//   npm run build && node scripts/pack-release.mjs release/
//   npm install release/*.tgz          # in any folder: dict-vi, core, CLI and language server
// The working tree is left untouched: core is packed from a staged copy that carries rules/
// (its own prepack would copy rules/ into packages/core while tests may be reading it).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { copyRules } from './pack-core-data.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Dependencies first: an `npm install` of the tarballs in this order finds each one's dependency. */
export const PACKAGES = ['dict-vi', 'core', 'cli', 'lsp'];

/** Packs every package into `destination`; returns the tarballs' absolute paths in PACKAGES order. */
export function packRelease(destination) {
  const target = path.resolve(destination);
  mkdirSync(target, { recursive: true });
  for (const name of ['cli', 'lsp']) {
    if (!existsSync(path.join(root, 'packages', name, 'bundle'))) throw new Error(`packages/${name}/bundle is missing: run \`npm run build\` first`);
  }
  const stage = mkdtempSync(path.join(tmpdir(), 'plan-lint-pack-'));
  try {
    return PACKAGES.map((name) => {
      let dir = path.join(root, 'packages', name);
      if (name === 'core') {
        const staged = path.join(stage, 'core');
        for (const entry of ['package.json', 'dist', 'schemas']) cpSync(path.join(dir, entry), path.join(staged, entry), { recursive: true });
        copyRules(path.join(staged, 'rules'));
        dir = staged;
      }
      // --ignore-scripts: core's prepack is replaced by the staging above; the others have none.
      const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', target], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const [{ filename }] = JSON.parse(out);
      return path.join(target, filename);
    });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const destination = process.argv[2] ?? 'release';
  for (const file of packRelease(destination)) console.log(path.relative(process.cwd(), file));
}
