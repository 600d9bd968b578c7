// Builds the web page into packages/web/dist/: index.html, the page script, the lint worker (core
// and the CLI's lint functions, bundled for the browser) and the pdf.js chunks, loaded only when a
// PDF is opened. Static files: any static host serves them; `npm run web` serves them on loopback.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const web = fileURLToPath(new URL('../', import.meta.url));
const root = path.resolve(web, '../..');
const dist = path.join(web, 'dist');
const shims = path.join(web, 'src/shims');
// Where the embedded files sit in the worker's in-memory tree (src/shims/files.ts: ROOT).
const VIRTUAL_ROOT = '/plan-lint';

const lookup = path.join(root, 'packages/dict-vi/dist/vi-words.bin');
if (!existsSync(lookup)) spawnSync(process.execPath, [path.join(root, 'scripts/build-dictionary.mjs')], { stdio: 'inherit', cwd: root });

/**
 * What core's own loaders read under rules/ at run time: every JSON file (packs in any layout, rule
 * files, the registry) and the rules' docs pages (a rule's docs link is set from its README.md).
 * Not the example plans, which only `plan-lint pack test` reads.
 */
function ruleFilesUnder(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...ruleFilesUnder(full));
    else if (name.endsWith('.json') || name === 'README.md') found.push(full);
  }
  return found;
}

function embeddedFiles() {
  const files = {};
  const add = (file, binary = false) => {
    const name = `${VIRTUAL_ROOT}/${path.relative(root, file).split(path.sep).join('/')}`;
    files[name] = binary ? { base64: readFileSync(file).toString('base64') } : { text: readFileSync(file, 'utf8') };
  };
  for (const file of ruleFilesUnder(path.join(root, 'rules'))) add(file);
  add(path.join(root, 'packages/core/package.json'));
  add(path.join(root, 'packages/cli/package.json'));
  add(lookup, true);
  return files;
}

const NODE_BUILTINS = {
  'node:fs': 'fs.ts',
  'node:fs/promises': 'fs-promises.ts',
  'node:path': 'path.ts',
  'node:url': 'url.ts',
  'node:module': 'module.ts',
  'node:buffer': 'buffer.ts',
  'node:zlib': 'zlib.ts',
  'node:crypto': 'crypto.ts',
};

/** Node built-ins → the browser modules in src/shims; the embedded files → a generated module. */
const browserPlugin = {
  name: 'plan-lint-browser',
  setup(context) {
    // Bare `buffer` is the npm package (the shims use it); every other bare built-in name is Node's.
    context.onResolve({ filter: /^(node:[a-z_/]+|fs|fs\/promises|path|url|module|zlib|crypto)$/ }, (args) => {
      const id = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
      if (NODE_BUILTINS[id]) return { path: path.join(shims, NODE_BUILTINS[id]) };
      if (args.path.startsWith('node:')) return { errors: [{ text: `${args.path} has no browser module (imported by ${path.relative(root, args.importer)})` }] };
      return undefined;
    });
    context.onResolve({ filter: /^saxes$/ }, () => ({ path: path.join(shims, 'saxes.ts') }));
    context.onResolve({ filter: /^plan-lint-web:embedded$/ }, () => ({ path: 'embedded', namespace: 'plan-lint-web' }));
    context.onLoad({ filter: /.*/, namespace: 'plan-lint-web' }, () => ({ contents: `export default ${JSON.stringify(embeddedFiles())};`, loader: 'js' }));
  },
};

/**
 * The hashes of the inline scripts of the HTML report the page shows in a frame: a srcdoc frame
 * keeps the page's CSP, which allows no other inline script. Taken from core's own formatter.
 */
async function reportScriptHashes() {
  const coreEntry = path.join(root, 'packages/core/dist/index.js');
  if (!existsSync(coreEntry)) spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/core'], { stdio: 'inherit', cwd: root });
  const core = await import(pathToFileURL(coreEntry).href);
  const hashes = new Set();
  for (const locale of ['vi', 'en']) {
    const html = core.formatters.html([], { cwd: '/', rules: [], packs: [], version: '0.0.0', locale });
    for (const [, script] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) hashes.add(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  }
  return [...hashes].join(' ');
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: path.join(web, 'src/main.ts'), worker: path.join(web, 'src/worker.ts') },
  outdir: dist,
  bundle: true,
  // ES modules with shared chunks: the worker is a module worker, and pdf.js is a chunk of its own.
  format: 'esm',
  splitting: true,
  platform: 'browser',
  target: ['chrome120', 'firefox121', 'safari17'],
  mainFields: ['browser', 'module', 'main'],
  alias: { '@plan-lint/core': path.join(root, 'packages/core/src/index.ts') },
  inject: [path.join(shims, 'globals.ts')],
  // Every module's import.meta.url: a file in the in-memory tree, from which core finds rules/ upward.
  define: { 'import.meta.url': JSON.stringify(`file://${VIRTUAL_ROOT}/packages/cli/dist/main.js`) },
  plugins: [browserPlugin],
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
copyFileSync(path.join(web, 'src/style.css'), path.join(dist, 'style.css'));
const page = readFileSync(path.join(web, 'src/index.html'), 'utf8');
if (!page.includes('REPORT_SCRIPT_HASHES')) throw new Error('index.html: the CSP has no REPORT_SCRIPT_HASHES placeholder');
writeFileSync(path.join(dist, 'index.html'), page.replace('REPORT_SCRIPT_HASHES', await reportScriptHashes()));
const outputs = Object.entries(result.metafile.outputs).map(([file, output]) => `${path.relative(dist, path.join(root, file))} ${(output.bytes / 1024).toFixed(0)} KB`);
console.log(`web: built ${path.relative(root, dist)} in ${Date.now() - started} ms: ${outputs.filter((o) => !o.endsWith('.map')).join(', ')}`);
