// Builds the extension into files vsce packages without node_modules (--no-dependencies):
//   dist/extension.cjs  the client (vscode stays external: VS Code provides it)
//   dist/server.cjs     the language server, bundled from packages/lsp and packages/core sources
//   rules/              the built-in packs and the registry, which core reads at run time
//   schemas/            the JSON Schemas contributed through jsonValidation
//   dist/pdf.worker.mjs pdfjs's worker, imported at run time when a parent plan is a PDF
// Core finds its data relative to `import.meta.url` (rules/ upward, ../../schemas from
// src/engine). In a CommonJS bundle every module shares one file, so each module's
// `import.meta.url` is rewritten to where that module would sit if the repository's layout were
// laid out under the extension folder: `<ext>/packages/core/src/engine/x.ts` finds `<ext>/rules`
// upward and `<ext>/packages/core/schemas/pack.schema.json` next door, with no option in core.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(extensionDir, '../..');
const watch = process.argv.includes('--watch');

const MODULE_URL_HELPER = '__planLintModuleUrl';
const banner = {
  js: [
    '"use strict";',
    // One helper for the whole bundle: the URL a source module would have inside the extension folder.
    `const ${MODULE_URL_HELPER} = (relative) => require("node:url").pathToFileURL(require("node:path").join(__dirname, "..", relative)).href;`,
    'const __planLintBundleUrl = require("node:url").pathToFileURL(__filename).href;',
  ].join('\n'),
};

/** Rewrites `import.meta.url` in the repository's own sources (not in node_modules). */
const moduleUrlPlugin = {
  name: 'plan-lint-module-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      if (!args.path.startsWith(repoRoot + path.sep)) return undefined;
      let source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      // `const require = createRequire(import.meta.url)` (Ajv's standalone validators) hides its
      // require("ajv/dist/runtime/…") calls from the bundler; without it they are plain requires
      // of literal paths, which esbuild bundles.
      source = source.replace(/^\s*const require = createRequire\(import\.meta\.url\);?\s*$/m, '');
      const relative = path.relative(repoRoot, args.path).split(path.sep).join('/');
      const contents = source.replaceAll('import.meta.url', `${MODULE_URL_HELPER}(${JSON.stringify(relative)})`);
      return { contents, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Dependencies that use import.meta.url themselves get the bundle's own URL.
  define: { 'import.meta.url': '__planLintBundleUrl' },
  banner,
  plugins: [moduleUrlPlugin],
  // @plan-lint/core resolves to its TypeScript sources, so a build needs no prior `tsc -b`.
  alias: { '@plan-lint/core': path.join(repoRoot, 'packages/core/src/index.ts') },
  mainFields: ['module', 'main'],
  conditions: ['node', 'import', 'default'],
  sourcemap: false,
  minify: !watch,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
};

function copyData() {
  const rulesOut = path.join(extensionDir, 'rules');
  rmSync(rulesOut, { recursive: true, force: true });
  cpSync(path.join(repoRoot, 'rules'), rulesOut, {
    recursive: true,
    // The packs and the registry are read at run time; tests and examples are not.
    filter: (source) => !/\.test\.[cm]?[jt]s$/.test(source) && !source.split(path.sep).includes('examples'),
  });
  const schemasIn = path.join(repoRoot, 'packages/core/schemas');
  for (const out of [path.join(extensionDir, 'schemas'), path.join(extensionDir, 'packages/core/schemas')]) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const name of ['config.schema.json', 'pack.schema.json', 'rule.schema.json']) {
      const from = path.join(schemasIn, name);
      if (!existsSync(from)) throw new Error(`build: ${from} is missing; the extension contributes it through jsonValidation.`);
      cpSync(from, path.join(out, name));
    }
  }
  // duplicate-word's word lookup (GPL data, its own package): found upward from the bundle as
  // dict-vi/dist/vi-words.bin, with the list's licence beside it.
  const dictOut = path.join(extensionDir, 'dict-vi');
  rmSync(dictOut, { recursive: true, force: true });
  mkdirSync(path.join(dictOut, 'dist'), { recursive: true });
  cpSync(path.join(repoRoot, 'packages/dict-vi/dist/vi-words.bin'), path.join(dictOut, 'dist/vi-words.bin'));
  for (const name of ['LICENSE', 'README.md']) cpSync(path.join(repoRoot, 'packages/dict-vi', name), path.join(dictOut, name));
  // pdfjs (parent plans in PDF) runs its worker in-process and imports it at run time from
  // `./pdf.worker.mjs` next to the bundle; without the file every PDF fails to open.
  const pdfjsDir = path.dirname(createRequire(path.join(repoRoot, 'packages/core/package.json')).resolve('pdfjs-dist/package.json'));
  mkdirSync(path.join(extensionDir, 'dist'), { recursive: true });
  cpSync(path.join(pdfjsDir, 'legacy/build/pdf.worker.min.mjs'), path.join(extensionDir, 'dist/pdf.worker.mjs'));
  // The server reports its version from ../package.json next to its module.
  const lspPackage = JSON.parse(readFileSync(path.join(repoRoot, 'packages/lsp/package.json'), 'utf8'));
  mkdirSync(path.join(extensionDir, 'packages/lsp'), { recursive: true });
  writeFileSync(path.join(extensionDir, 'packages/lsp/package.json'), `${JSON.stringify({ name: lspPackage.name, version: lspPackage.version }, null, 2)}\n`);
}

/**
 * Loads both bundles in a plain Node process, from a copy outside the repository (so that nothing
 * resolves through the repository's node_modules) and with a stand-in `vscode` module for the client:
 * a require that esbuild could not follow fails here, at build time, not when VS Code activates it.
 */
function verifyBundles() {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-vsix-check-'));
  try {
    for (const part of ['dist', 'rules', 'schemas', 'packages', 'dict-vi']) cpSync(path.join(extensionDir, part), path.join(copy, part), { recursive: true });
    const loadClient = [
      "const Module = require('node:module');",
      'const resolve = Module._resolveFilename;',
      "Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };",
      "require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: new Proxy({}, { get: () => function () {} }) };",
      `const extension = require(${JSON.stringify(path.join(copy, 'dist/extension.cjs'))});`,
      "if (typeof extension.activate !== 'function') throw new Error('dist/extension.cjs exports no activate()');",
    ].join('\n');
    execFileSync(process.execPath, ['-e', loadClient], { stdio: 'inherit', cwd: copy });
    const version = execFileSync(process.execPath, [path.join(copy, 'dist/server.cjs'), '--version'], { encoding: 'utf8', cwd: copy }).trim();
    if (!/^\d+\.\d+\.\d+/.test(version)) throw new Error(`dist/server.cjs --version printed ${JSON.stringify(version)}`);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const targets = [
  {
    ...common,
    entryPoints: [path.join(extensionDir, 'src/extension.ts')],
    outfile: path.join(extensionDir, 'dist/extension.cjs'),
    external: ['vscode'],
  },
  {
    ...common,
    stdin: {
      contents: "import { startServer } from './packages/lsp/src/server.ts';\nstartServer();\n",
      resolveDir: repoRoot,
      sourcefile: 'plan-lint-server-entry.ts',
      loader: 'ts',
    },
    outfile: path.join(extensionDir, 'dist/server.cjs'),
  },
];

rmSync(path.join(extensionDir, 'dist'), { recursive: true, force: true });
copyData();
if (watch) {
  for (const options of targets) await (await esbuild.context(options)).watch();
  console.log('build: watching');
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
  verifyBundles();
  console.log(`build: ${path.relative(repoRoot, path.join(extensionDir, 'dist'))}/extension.cjs and server.cjs, rules/ and schemas/ copied`);
}
