// Core's layers (ARCHITECTURE.md): imports run one way, from a layer to the ones below it, and the
// packages on top reach core only through its entry. A new import that runs back up (and so any
// cycle between core's folders) fails here, naming the file and what it imports.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORE = path.join(ROOT, 'packages/core/src');

/** Core's folders (and top-level files) from the bottom up: each may import only those before it. */
const LAYERS = ['shared', 'fix', 'decode', 'parse', 'facts', 'engine', 'governance', 'config', 'lint', 'report', 'testing', 'index'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'dist' || name === 'bundle' ? [] : sourceFiles(full);
    return /\.(ts|mts)$/.test(name) && !/\.test\.ts$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module a file names (import, export … from, import(), import type), as TypeScript reads them. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((entry) => entry.fileName);
}

/** The layer of a file of core: its folder below src/, or its own name for a top-level file. */
function layerOf(src: string, file: string): string {
  const [first, ...rest] = path.relative(src, file).split(path.sep);
  return rest.length === 0 ? first!.replace(/\.(ts|js)$/, '') : first!;
}

/** Imports that run from a layer to one above it (or to a folder no layer names), as "file → import: why". */
function layerViolations(src: string, layers: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(src)) {
    const from = layerOf(src, file);
    const rank = layers.indexOf(from);
    if (rank === -1) {
      problems.push(`${path.relative(src, file)}: folder "${from}" has no place in the layers; add it to LAYERS and ARCHITECTURE.md`);
      continue;
    }
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const to = layerOf(src, path.resolve(path.dirname(file), spec));
      const target = layers.indexOf(to);
      if (target > rank) problems.push(`${path.relative(src, file)} → ${spec}: ${to} sits above ${from}`);
    }
  }
  return problems;
}

describe("core's layers", () => {
  it('run one way: every import of core goes to its own layer or one below', () => {
    expect(layerViolations(CORE, LAYERS)).toEqual([]);
  });

  it('catch an import that runs back up, and a folder with no place', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-layers-'));
    try {
      for (const folder of ['parse', 'engine', 'extras']) mkdirSync(path.join(dir, folder));
      writeFileSync(path.join(dir, 'engine', 'run.ts'), "import { parse } from '../parse/parse.js';\nexport const run = parse;\n");
      writeFileSync(path.join(dir, 'parse', 'parse.ts'), "import type { Rule } from '../engine/run.js';\nexport const parse = (rule?: Rule) => rule;\n");
      writeFileSync(path.join(dir, 'extras', 'x.ts'), 'export const x = 1;\n');
      expect(layerViolations(dir, ['parse', 'engine'])).toEqual([
        'extras/x.ts: folder "extras" has no place in the layers; add it to LAYERS and ARCHITECTURE.md',
        'parse/parse.ts → ../engine/run.js: engine sits above parse',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are the ones ARCHITECTURE.md names, in its order', () => {
    const architecture = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const listed = /<!-- layers: (.*) -->/.exec(architecture)?.[1]?.split(/\s*<\s*/);
    expect(listed).toEqual(LAYERS);
  });
});

describe('the packages on top of core', () => {
  const packages = ['cli', 'lsp', 'vscode-extension', 'web'].map((name) => path.join(ROOT, 'packages', name, 'src'));

  it('never are imported by core', () => {
    const upward = sourceFiles(CORE).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^@plan-lint\/(cli|lsp|web)|plan-lint-vscode|\/(cli|lsp|vscode-extension|web)\//.test(spec))
        .map((spec) => `${path.relative(ROOT, file)} → ${spec}`),
    );
    expect(upward).toEqual([]);
  });

  it('reach core only through @plan-lint/core and @plan-lint/core/testing', () => {
    const deep = packages.flatMap((dir) =>
      sourceFiles(dir).flatMap((file) =>
        importsOf(file)
          .filter((spec) => (spec.startsWith('@plan-lint/core') && !['@plan-lint/core', '@plan-lint/core/testing'].includes(spec)) || /(^|\/)core\/(src|dist)\//.test(spec))
          .map((spec) => `${path.relative(ROOT, file)} → ${spec}`),
      ),
    );
    expect(deep).toEqual([]);
  });

  it("use every value core's entry exports (the entry holds what they need, nothing more)", async () => {
    const entry = await import('@plan-lint/core');
    const used = new Set<string>();
    for (const file of packages.flatMap(sourceFiles)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@plan-lint\/core'/g)) {
        for (const name of match[1]!.split(',')) used.add(name.replace(/\btype\b/, '').split(/\sas\s/)[0]!.trim());
      }
      // The CLI and the web page load core lazily: `const core = await import('@plan-lint/core')`, then `core.name`.
      for (const match of text.matchAll(/\bcore\.([A-Za-z_$][\w$]*)/g)) used.add(match[1]!);
    }
    expect(Object.keys(entry).filter((name) => !used.has(name)).sort()).toEqual([]);
  });
});
