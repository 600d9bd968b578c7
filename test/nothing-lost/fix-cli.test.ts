// `plan-lint --fix` on files in every line-end, BOM and Unicode form, with several file modes:
// lines without a fixable finding stay byte for byte, line ends and BOM stay, the mode stays,
// and a second --fix changes nothing. All variants in one run, as a repository would be fixed.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlanLint } from '../hostile/spawn-cli.js';
import { FIXABLE, lineEnds, render, VARIANTS, type Variant } from './variants.js';

const MODES = [0o600, 0o644, 0o755];

interface Planted {
  name: string;
  full: string;
  variant: Variant;
  mode: number;
  before: string;
  fixedLines: Set<number>;
  after?: string;
}

let dir: string;
const files: Planted[] = [];
let secondRunChanged: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-fix-'));
  VARIANTS.forEach((variant, index) => {
    for (const fixture of FIXABLE) {
      const name = `${path.basename(fixture.name, '.md')}-${index}.md`;
      const full = path.join(dir, name);
      const before = render(fixture.text, variant);
      const mode = MODES[(index + files.length) % MODES.length];
      writeFileSync(full, before);
      chmodSync(full, mode);
      files.push({ name, full, variant, mode, before, fixedLines: new Set() });
    }
  });
  const names = files.map((file) => file.name);
  // The first lint says which lines have fixable findings.
  const lint = await runPlanLint([...names, '--format', 'json'], { cwd: dir, timeoutMs: 60_000 });
  const report = JSON.parse(lint.stdout) as { filePath: string; messages: { line: number; endLine?: number; fix?: unknown }[] }[];
  for (const file of files) {
    for (const message of report.find((entry) => entry.filePath === file.full)?.messages ?? []) {
      if (!message.fix) continue;
      for (let line = message.line; line <= (message.endLine ?? message.line); line++) file.fixedLines.add(line);
    }
  }
  const fix = await runPlanLint([...names, '--fix'], { cwd: dir, timeoutMs: 60_000 });
  expect(fix.code, fix.stderr).not.toBe(2);
  for (const file of files) file.after = readFileSync(file.full, 'utf8');
  await runPlanLint([...names, '--fix'], { cwd: dir, timeoutMs: 60_000 });
  secondRunChanged = files.filter((file) => readFileSync(file.full, 'utf8') !== file.after).map((file) => file.name);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--fix keeps what it does not fix', () => {
  VARIANTS.forEach((variant) => {
    it(`${variant.label}: untouched lines, line ends, BOM and mode survive, for every fixable fixture`, () => {
      for (const file of files.filter((candidate) => candidate.variant === variant)) {
        const after = file.after!;
        expect(file.fixedLines.size, `${file.name} has fixable findings`).toBeGreaterThan(0);
        expect(after, `${file.name} was fixed`).not.toBe(file.before);
        expect(after.startsWith('\ufeff'), `${file.name} BOM`).toBe(variant.bom);
        expect(statSync(file.full).mode & 0o777, `${file.name} mode`).toBe(file.mode);
        expect(lineEnds(after), `${file.name} line ends`).toEqual(lineEnds(file.before));
        const beforeLines = file.before.split(/\r\n|\r|\n/);
        const afterLines = after.split(/\r\n|\r|\n/);
        expect(afterLines.length).toBe(beforeLines.length);
        beforeLines.forEach((line, k) => {
          if (!file.fixedLines.has(k + 1)) expect(afterLines[k], `${file.name} line ${k + 1}`).toBe(line);
        });
      }
    });
  });

  it('a second --fix changes nothing', () => {
    expect(secondRunChanged).toEqual([]);
  });
});
