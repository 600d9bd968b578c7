// A crash or kill while `--fix` writes leaves the original file or the complete new one, never a
// half-written file: killed with SIGKILL at the worst moment (new text written, rename pending,
// held there by pause-before-rename.cjs) and at moments spread over the whole run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runPlanLint } from '../hostile/spawn-cli.js';
import { FIXABLE, render, VARIANTS } from './variants.js';

const bin = path.join(repoRoot, 'packages/cli/bin/plan-lint.js');
const pauseHook = fileURLToPath(new URL('./pause-before-rename.cjs', import.meta.url));
const ORIGINAL = render(FIXABLE[0].text, VARIANTS[5]); // BOM + CRLF + NFD lines: the most to lose

let dir: string;
let fixedText: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-kill-'));
  // What a completed --fix writes: the only other content the file may ever have.
  writeFileSync(path.join(dir, 'reference.md'), ORIGINAL);
  const run = await runPlanLint(['reference.md', '--fix'], { cwd: dir });
  expect(run.signal).toBeNull();
  fixedText = readFileSync(path.join(dir, 'reference.md'), 'utf8');
  expect(fixedText).not.toBe(ORIGINAL);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `plan-lint --fix name`; resolves when `ready` matches stderr (or at once), with the child. */
function startFix(name: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['-r', pauseHook, bin, name, '--fix'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', PLAN_LINT_WORKERS: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, closed, stderr: () => stderr };
}

describe('killed during --fix', () => {
  it('SIGKILL between writing the new text and the rename: the original is intact', async () => {
    writeFileSync(path.join(dir, 'paused.md'), ORIGINAL);
    const run = startFix('paused.md', { PLAN_LINT_PAUSE_BEFORE_RENAME: 'paused.md' });
    const deadline = Date.now() + 45_000;
    while (!run.stderr().includes('paused ') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const [, temp] = /paused (\S+) /.exec(run.stderr()) ?? [];
    expect(temp, `the rename was reached; stderr: ${run.stderr()}`).toBeDefined();
    // At this moment the temporary file holds the complete new text, flushed to disk.
    expect(readFileSync(temp, 'utf8')).toBe(fixedText);
    run.child.kill('SIGKILL');
    expect((await run.closed).signal).toBe('SIGKILL');
    expect(readFileSync(path.join(dir, 'paused.md'), 'utf8')).toBe(ORIGINAL);
    // The next run fixes the file completely.
    const again = await runPlanLint(['paused.md', '--fix'], { cwd: dir });
    expect(again.signal).toBeNull();
    expect(readFileSync(path.join(dir, 'paused.md'), 'utf8')).toBe(fixedText);
  }, 60_000);

  it('SIGKILL at moments spread over a whole run: always the original or the complete fixed file', async () => {
    // How long a full --fix takes here, then kills at fractions of it.
    writeFileSync(path.join(dir, 'timed.md'), ORIGINAL);
    const started = Date.now();
    await startFix('timed.md').closed;
    const duration = Date.now() - started;
    const seen = new Set<string>();
    for (const fraction of [0.5, 0.8, 0.9, 0.95, 0.98, 1.0]) {
      const name = `kill-${fraction}.md`;
      writeFileSync(path.join(dir, name), ORIGINAL);
      const run = startFix(name);
      await new Promise((resolve) => setTimeout(resolve, Math.round(duration * fraction)));
      run.child.kill('SIGKILL');
      await run.closed;
      const content = readFileSync(path.join(dir, name), 'utf8');
      expect([ORIGINAL, fixedText].includes(content), `${name}: ${content.length} characters, neither the original nor the fixed text`).toBe(true);
      seen.add(content === ORIGINAL ? 'original' : 'fixed');
    }
    expect(seen.size).toBeGreaterThan(0);
    // A killed write leaves at most its hidden temporary file, never a second plan.
    expect(readdirSync(dir).filter((name) => name.endsWith('.md') && !name.startsWith('.')).sort()).toEqual(
      ['paused.md', 'reference.md', 'timed.md', ...[0.5, 0.8, 0.9, 0.95, 0.98, 1.0].map((fraction) => `kill-${fraction}.md`)].sort(),
    );
  }, 120_000);
});
