// Bundles the built CLI (and its worker) into packages/cli/bundle/, and the language server into
// packages/lsp/bundle/: one file to load instead of
// hundreds of ESM modules (chevrotain pulls in lodash-es), which cut cold start about 2.5x here.
// The bin falls back to dist/ when the bundle is absent.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
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

const cli = await build({
  absWorkingDir: root,
  // Whitespace and syntax only: the bundle is a third smaller to read and parse at each start, and
  // identifiers keep their names, so that a stack trace in a bug report still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  write: false,
  // Side by side, so that the pool's `new URL('./worker.js', import.meta.url)` finds the worker.
  entryPoints: { main: 'packages/cli/dist/main.js', worker: 'packages/cli/dist/lint/worker.js' },
  outdir: 'packages/cli/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // jsonc-parser's UMD build resolves its parts at run time; its ESM build bundles.
  mainFields: ['module', 'main'],
  // Loaded lazily: only for .docx and .pdf inputs, and only by `plan-lint mcp` (the MCP SDK).
  external: ['mammoth', 'pdfjs-dist', '@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*', 'zod'],
  // CommonJS dependencies (json-rules-engine) call require() for Node built-ins.
  banner: { js: "import { createRequire as __planLintRequire } from 'node:module'; const require = __planLintRequire(import.meta.url);" },
  logLevel: 'warning',
});
for (const file of cli.outputFiles) {
  mkdirSync(path.dirname(file.path), { recursive: true });
  writeFileSync(file.path, asciiOnly(file.text, file.path));
}

// The language server, for the same reason: loading chevrotain through lodash-es's ~600 modules took
// over a second and ~30 MB here; bundled, the whole server loads in well under 0.1 s. Its bin falls
// back to dist/ when the bundle is absent, like the CLI's.
await build({
  absWorkingDir: root,
  entryPoints: { server: 'packages/lsp/dist/server.js' },
  outdir: 'packages/lsp/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  // The server lints the editor's text only: Word and PDF decoders are never loaded here.
  external: ['mammoth', 'pdfjs-dist'],
  banner: { js: "import { createRequire as __planLintRequire } from 'node:module'; const require = __planLintRequire(import.meta.url);" },
  logLevel: 'warning',
});
