// Bundles the built CLI (and its worker) into packages/cli/bundle/, and the language server into
// packages/lsp/bundle/: one file to load instead of
// hundreds of ESM modules (chevrotain pulls in lodash-es), which cut cold start about 2.5x here.
// The bin falls back to dist/ when the bundle is absent.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * The bundle with every non-ASCII character written as a \uXXXX escape. esbuild escapes strings
 * but leaves regular-expression literals as written, and the Vietnamese in them made Node decode
 * the whole 1.7 MB file as UTF-8 into a two-byte string: ASCII-only, decoding and compiling the
 * CLI took about a third less (loadAndTranslate in CPU profiles, 5 runs each at load 5-6).
 * In a regex, a string or an identifier the escape means the same character (a surrogate pair
 * escaped as two \u units is still one code point under the u flag); after a backslash it would
 * not (`\é` would become `\\u00e9`), so that case stops the build.
 */
function asciiOnly(code, file) {
  return code.replace(/[^\x00-\x7f]/g, (char, offset) => {
    if (code[offset - 1] === '\\') throw new Error(`${file}: non-ASCII character after a backslash at offset ${offset}; escape it in the source`);
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * main.js runs inside vm.Script (bin/plan-lint.js), where Node 20 loses the dynamic-import callback
 * once the script comes from a code cache: its import() of the lazily loaded externals (Word, PDF,
 * MCP SDK) becomes a call of `__planLintImport`, a parameter the bin passes in. Any other import()
 * stops the build, so that none is left to fail at run time.
 */
function withImportParameter(code, file) {
  const replaced = code.replace(/\bimport\("([^"]+)"\)/g, (call, specifier) => {
    if (!EXTERNAL.some((name) => specifier === name || (name.endsWith('/*') && specifier.startsWith(name.slice(0, -1))) || specifier.startsWith(`${name}/`))) {
      throw new Error(`${file}: import("${specifier}") is not one of the lazily loaded externals`);
    }
    return `__planLintImport("${specifier}")`;
  });
  if (/\bimport\(/.test(replaced)) throw new Error(`${file}: an import() the bin cannot pass through is left`);
  return replaced;
}

// Loaded lazily: only for .docx (saxes) and .pdf inputs, and only by `plan-lint mcp` (the MCP SDK).
const EXTERNAL = ['saxes', 'pdfjs-dist', '@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*', 'zod'];

/**
 * Imports that a lint of a few Markdown files never calls, loaded on their first call instead of
 * when the bundle starts. Each named import becomes a function that loads the module and calls
 * (or, with `new`, constructs) the real export; a name not listed fails the build ("No matching
 * export"), so none is left eager unnoticed. Only functions and classes can be deferred (the
 * worker's parentPort and workerData stay plain imports). Measured by timing each require and
 * each module's set-up in the bundle: node:crypto ~5 ms, node:worker_threads and node:zlib ~1 ms
 * each, and the HTML-table reader's entities and htmlparser2 ~10 ms (their decoding tables),
 * needed only for a Markdown plan holding a <table>.
 */
const LAZY_IMPORTS = [
  { module: 'node:crypto', names: ['createHash', 'randomBytes'] },
  { module: 'node:zlib', names: ['deflateRawSync', 'inflateRawSync'] },
  { module: 'node:worker_threads', names: ['Worker'], importer: 'packages/cli/dist/lint/worker-pool.js' },
  { module: 'entities', names: ['decodeHTML'], importer: 'packages/core/dist/decode/markdown-html-tables.js' },
  { module: 'htmlparser2', names: ['Parser'], importer: 'packages/core/dist/decode/markdown-html-tables.js' },
];

const lazyImports = {
  name: 'lazy-imports',
  setup(context) {
    const filter = new RegExp(`^(${LAZY_IMPORTS.map((lazy) => lazy.module.replace(/[/.]/g, '\\$&')).join('|')})$`);
    context.onResolve({ filter }, async (args) => {
      if (args.namespace === 'lazy-import' || args.kind !== 'import-statement' || args.pluginData?.lazyTarget) return undefined;
      const lazy = LAZY_IMPORTS.find((entry) => entry.module === args.path && (!entry.importer || args.importer === path.join(root, entry.importer)));
      if (!lazy) return undefined;
      // The module the import would have bundled (its ESM build, not the require() one), or a built-in.
      let target = args.path;
      if (!args.path.startsWith('node:')) {
        const resolved = await context.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer, pluginData: { lazyTarget: true } });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        target = resolved.path;
      }
      return { path: args.path, namespace: 'lazy-import', pluginData: { lazy, target } };
    });
    context.onLoad({ filter: /.*/, namespace: 'lazy-import' }, ({ pluginData: { lazy, target } }) => {
      const forwarders = lazy.names.map((name) => `export function ${name}(...args) { const real = load().${name}; return new.target ? new real(...args) : real(...args); }`);
      return { contents: [`let loaded;`, `const load = () => (loaded ??= require(${JSON.stringify(target)}));`, ...forwarders].join('\n'), loader: 'js', resolveDir: root };
    });
  },
};

/** What both bundles share. */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: the bundle is a third smaller to read and parse at each start, and
  // identifiers keep their names, so that a stack trace in a bug report still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  // Written by this script, ASCII-only (asciiOnly above).
  write: false,
  // jsonc-parser's UMD build resolves its parts at run time; its ESM build bundles.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

const cli = await build({
  ...common,
  // Side by side, so that the pool's `new URL('./worker.js', import.meta.url)` finds the worker.
  entryPoints: { main: 'packages/cli/dist/main.js', worker: 'packages/cli/dist/lint/worker.js' },
  outdir: 'packages/cli/bundle',
  // CommonJS, so that the bin can compile it with vm.Script and a V8 code cache (bin/plan-lint.js);
  // bundle/package.json says so. import.meta.url becomes the bundle file's URL.
  format: 'cjs',
  define: { 'import.meta.url': '__planLintModuleUrl' },
  banner: { js: "var __planLintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  external: EXTERNAL,
  plugins: [lazyImports],
});
const cliBundleDir = path.join(root, 'packages/cli/bundle');
mkdirSync(cliBundleDir, { recursive: true });
// Code caches belong to the bundle they were made from: a new bundle starts without any.
for (const name of readdirSync(cliBundleDir)) if (name.includes('.v8cache')) rmSync(path.join(cliBundleDir, name), { force: true });
writeFileSync(path.join(cliBundleDir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
for (const file of cli.outputFiles) {
  const code = asciiOnly(file.text, file.path);
  writeFileSync(file.path, path.basename(file.path) === 'main.js' ? withImportParameter(code, file.path) : code);
}
// One lint with the new bundle writes its code cache (bin/plan-lint.js), so that the first real
// start after a build is already fast and the cache holds the lint path, not whatever ran first.
spawnSync(process.execPath, [path.join(root, 'packages/cli/bin/plan-lint.js'), path.join(root, 'fixtures/plans/000_4996ab619162ff16.md')], {
  stdio: 'ignore',
});

// The language server, for the same reason: loading chevrotain through lodash-es's ~600 modules took
// over a second and ~30 MB here; bundled, the whole server loads in well under 0.1 s. Its bin falls
// back to dist/ when the bundle is absent, like the CLI's. Minified and ASCII-only like the CLI: a
// long-running server keeps its source in memory, and one-byte source is half the size.
const server = await build({
  ...common,
  entryPoints: { server: 'packages/lsp/dist/server.js' },
  outdir: 'packages/lsp/bundle',
  format: 'esm',
  // The server lints the editor's text only: the Word and PDF decoders' parsers load only for a parent plan in those formats.
  external: ['saxes', 'pdfjs-dist'],
  // CommonJS dependencies (json-rules-engine) call require() for Node built-ins.
  banner: { js: "import { createRequire as __planLintRequire } from 'node:module'; const require = __planLintRequire(import.meta.url);" },
});
mkdirSync(path.join(root, 'packages/lsp/bundle'), { recursive: true });
for (const file of server.outputFiles) writeFileSync(file.path, asciiOnly(file.text, file.path));
