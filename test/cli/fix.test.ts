import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyPatch } from 'diff';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJson, repoRoot, runCli, tempCopy } from './run-cli.js';

interface Result {
  messages: { ruleId: string; fix?: { range: [number, number]; text: string } }[];
  output?: string;
  source?: string;
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function copyOf(name: string) {
  const temp = tempCopy([name]);
  cleanup = temp.cleanup;
  return { dir: temp.dir, file: path.join(temp.dir, name) };
}

/** The fixes of one lint pass, applied ESLint's way (sorted, non-overlapping). */
function applyFirstPass(text: string, fixes: { range: [number, number]; text: string }[]): string {
  let out = '';
  let cursor = 0;
  let lastEnd = -1;
  for (const fix of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    if (fix.range[0] <= lastEnd) continue;
    out += text.slice(cursor, fix.range[0]) + fix.text;
    cursor = lastEnd = fix.range[1];
  }
  return out + text.slice(cursor);
}

describe('--fix', () => {
  it('changes only the fix ranges, keeps the mode, and a second --fix changes nothing', () => {
    const { file } = copyOf('plan.md');
    chmodSync(file, 0o640);
    const before = readFileSync(file, 'utf8');
    const report = parseJson<Result[]>(runCli([file, '--format', 'json']))[0];
    const fixes = report.messages.flatMap((m) => (m.fix ? [m.fix] : []));
    expect(fixes.length).toBeGreaterThan(0);

    const run = runCli([file, '--fix']);
    expect([0, 1]).toContain(run.code);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    expect(after).toBe(applyFirstPass(before, fixes));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    // Nothing fixable is left, and a second run writes nothing.
    const again = parseJson<Result[]>(runCli([file, '--format', 'json']))[0];
    expect(again.messages.filter((m) => m.fix)).toEqual([]);
    const mtime = statSync(file).mtimeMs;
    runCli([file, '--fix']);
    expect(readFileSync(file, 'utf8')).toBe(after);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('keeps a BOM and CRLF line ends', () => {
    const { file } = copyOf('plan.md');
    const crlf = '\ufeff' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, crlf);
    runCli([file, '--fix']);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\ufeff')).toBe(true);
    expect(after).not.toBe(crlf);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('a failed rename leaves the original intact and no temporary file behind (exit 2)', () => {
    const { dir, file } = copyOf('plan.md');
    const before = readFileSync(file);
    const run = runCli([file, '--fix', '--locale', 'en'], { env: { PLAN_LINT_TEST_FAIL_RENAME: '1' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the fixes were not written (rename failed');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('never rewrites .docx or .pdf, and says so', () => {
    for (const name of ['plan.docx', 'plan.pdf']) {
      const { file } = copyOf(name);
      const before = readFileSync(file);
      const run = runCli([file, '--fix', '--locale', 'en']);
      expect(run.stderr).toContain('Word and PDF files are never rewritten');
      expect(run.stderr).toContain('plan-lint convert FILE -o FILE.md');
      // Their fixes are not announced as something --fix does.
      expect(run.stdout).not.toContain('potentially fixable with the `--fix` option');
      expect(run.stdout).toMatch(/\d+ problems? in Word\/PDF files ha(s a fix|ve fixes), but --fix does not rewrite Word\/PDF files/);
      expect(runCli([file]).stdout).toContain('--fix không ghi lại tệp Word/PDF');
      expect(readFileSync(file).equals(before)).toBe(true);
      cleanup?.();
      cleanup = undefined;
    }
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff of the fixes, not the whole plan, and writes nothing', () => {
    const { file } = copyOf('plan.md');
    const before = readFileSync(file, 'utf8');
    const report = parseJson<Result[]>(runCli([file, '--format', 'json']))[0];
    const fixed = applyFirstPass(before, report.messages.flatMap((m) => (m.fix ? [m.fix] : [])));
    const run = runCli([file, '--fix-dry-run'], { cwd: path.dirname(file) });
    const patch = run.stdout.slice(0, run.stdout.indexOf('\n\n'));
    expect(patch.startsWith('--- a/plan.md\n+++ b/plan.md\n@@ ')).toBe(true);
    expect(patch).toContain('\n-Thực hiện Thực hiện nghiêm túc các nội dung của kế hoạch.\n+Thực hiện nghiêm túc các nội dung của kế hoạch.\n');
    // Context lines only around the changes: far shorter than the plan.
    expect(patch.split('\n').length).toBeLessThan(before.split('\n').length / 2);
    expect(applyPatch(before, `${patch}\n`)).toBe(fixed);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const json = parseJson<Result[]>(runCli([file, '--fix-dry-run', '--format', 'json']))[0];
    expect(json.output).toBe(fixed);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
