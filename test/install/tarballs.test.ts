// Issue 13 item 8: the packed tarballs install and run in an empty folder, with no repository
// around (packs, registry, schemas and the word list travel inside the packages). npm installs the
// four tarballs from the npm cache that `npm ci` filled (--prefer-offline: only a missing
// dependency goes to the registry).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const seed = path.join(repoRoot, 'fixtures/seeds/000_4996ab619162ff16.txt');

let work: string;
let project: string;
let env: NodeJS.ProcessEnv;
let tarballs: string[];

/** The environment of a user's shell: no npm_* variables of the `npm test` that runs this file. */
function cleanEnv(): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && !['NO_COLOR', 'FORCE_COLOR', 'LANG', 'LC_ALL', 'LC_MESSAGES', 'NODE_OPTIONS', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'INIT_CWD'].includes(key)) clean[key] = value;
  }
  return clean;
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: project, env, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'plan-lint-install-'));
  project = path.join(work, 'project');
  mkdirSync(project);
  env = cleanEnv();
  const { packRelease } = (await import(pathToFileURL(path.join(repoRoot, 'scripts/pack-release.mjs')).href)) as { packRelease: (to: string) => string[] };
  tarballs = packRelease(path.join(work, 'tarballs'));
  writeFileSync(path.join(project, 'package.json'), '{ "name": "truong-th", "private": true }\n');
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: project, env, stdio: 'pipe', timeout: 360_000 });
}, 480_000);

// Removing an installed node_modules takes seconds on a busy machine: more than the 10 s default.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('the packed tarballs in an empty folder', () => {
  it('packs the four packages, data inside core, no test files, no code caches', () => {
    expect(tarballs.map((file) => path.basename(file))).toEqual(['plan-lint-dict-vi-0.1.0.tgz', 'plan-lint-core-0.1.0.tgz', 'plan-lint-0.1.0.tgz', 'plan-lint-lsp-0.1.0.tgz']);
    const core = execFileSync('tar', ['tzf', tarballs[1]!], { encoding: 'utf8' }).split('\n');
    for (const file of ['package/rules/recommended/pack.json', 'package/rules/van-ban/citation-issuer/rule.json', 'package/rules/van-ban/citation-issuer/README.md', 'package/rules/registry/documents.json', 'package/schemas/config.schema.json', 'package/schemas/rule.schema.json', 'package/dist/index.js', 'package/dist/index.d.ts']) expect(core).toContain(file);
    expect(core.filter((file) => /\.test\.|\/src\//.test(file))).toEqual([]);
    const cli = execFileSync('tar', ['tzf', tarballs[2]!], { encoding: 'utf8' }).split('\n');
    expect(cli).toContain('package/bundle/main.js');
    expect(cli.filter((file) => /\.v8cache|\.tmp$/.test(file))).toEqual([]);
    // Nothing was copied into the working tree to pack core.
    expect(existsSync(path.join(repoRoot, 'packages/core/rules'))).toBe(false);
  });

  it('every package a bundle loads at run time is a dependency of the bundling package', () => {
    // A local install hoists core's dependencies next to the CLI; a global install (or pnpm) does
    // not, so an undeclared one is missing exactly there.
    const bundles = { 'plan-lint': ['bundle/main.js', 'bundle/worker.js'], '@plan-lint/lsp': ['bundle/server.js'] };
    for (const [name, files] of Object.entries(bundles)) {
      const dir = path.join(project, 'node_modules', name);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      const loaded = new Set<string>();
      for (const file of files) {
        const code = readFileSync(path.join(dir, file), 'latin1');
        for (const [, specifier] of code.matchAll(/\b(?:import|require|__planLintImport)\("([^"]+)"\)/g)) {
          if (specifier!.startsWith('.') || specifier!.startsWith('node:') || builtinModules.includes(specifier!)) continue;
          const parts = specifier!.split('/');
          loaded.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
        }
      }
      expect(loaded.size, name).toBeGreaterThan(0);
      expect([...loaded].filter((dependency) => !(dependency in manifest.dependencies)), name).toEqual([]);
    }
  });

  it('main and types of core point at built files that exist', () => {
    const installed = path.join(project, 'node_modules/@plan-lint/core');
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { main: string; types: string };
    expect(existsSync(path.join(installed, manifest.main))).toBe(true);
    expect(existsSync(path.join(installed, manifest.types))).toBe(true);
  });

  it('`npx plan-lint init` writes a config and a template, which lints clean', () => {
    const init = run('npx', ['--no-install', 'plan-lint', 'init']);
    expect(init).toMatchObject({ code: 0, stdout: 'đã ghi plan-lint.config.json\nđã ghi ke-hoach.md\n' });
    const config = JSON.parse(readFileSync(path.join(project, 'plan-lint.config.json'), 'utf8')) as { $schema: string };
    // The $schema resolves inside the installed core.
    expect(existsSync(path.join(project, config.$schema))).toBe(true);
    const lint = run('npx', ['--no-install', 'plan-lint', 'ke-hoach.md']);
    expect(lint).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('lints a real plan with the packs, registry and word list inside the packages', () => {
    copyFileSync(seed, path.join(project, 'seed.txt'));
    const lint = run(path.join(project, 'node_modules/.bin/plan-lint'), ['seed.txt', '--format', 'json']);
    expect(lint.code).toBe(1);
    const [result] = JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '4:11 duplicate-word',
      '61:4 citation-format',
      '205:16 citation-issuer',
      '209:65 year-consistency',
      '285:3 recipients',
    ]);
  });

  it('reads Word and PDF plans (the lazily loaded readers are installed)', () => {
    for (const file of ['clean.docx', 'clean.pdf']) copyFileSync(path.join(repoRoot, 'fixtures/formats', file), path.join(project, file));
    const lint = run(path.join(project, 'node_modules/.bin/plan-lint'), ['clean.docx', 'clean.pdf', '--format', 'json']);
    const results = JSON.parse(lint.stdout) as { filePath: string; fatalErrorCount: number; messages: unknown[] }[];
    expect(results.map((r) => [path.basename(r.filePath), r.fatalErrorCount, r.messages.length])).toEqual([
      ['clean.docx', 0, 0],
      ['clean.pdf', 0, 0],
    ]);
    expect(lint.code).toBe(0);
  });

  it('`plan-lint-lsp --stdio` answers initialize and publishes the diagnostics of an opened plan', async () => {
    const child = spawn(path.join(project, 'node_modules/.bin/plan-lint-lsp'), ['--stdio'], { cwd: project, env, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    try {
      const initialize = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(project).href,
        workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'project' }],
        capabilities: {},
      });
      expect(initialize.serverInfo?.name).toBe('plan-lint-lsp');
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = pathToFileURL(path.join(project, 'seed.txt')).href;
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(seed, 'utf8') } });
      const params = await published;
      expect(params.uri).toBe(uri);
      expect(params.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`)).toContain('205:16 citation-issuer');
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
