// Bundles the built CLI (and its worker) into packages/cli/bundle/, and the language server into
// packages/lsp/bundle/: one file to load instead of
// hundreds of ESM modules (chevrotain pulls in lodash-es), which cut cold start about 2.5x here.
// The bin falls back to dist/ when the bundle is absent.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

await build({
  absWorkingDir: root,
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
