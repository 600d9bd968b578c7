// Issue 14 item 4 through the built CLI: a FIFO or a device named as the parent (on the command line
// or in the config) is refused at once with exit 2 and a message; nothing waits on it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runPlanLint } from './spawn-cli.js';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-special-'));
  writeFileSync(at('plan.md'), readFileSync(path.join(repoRoot, 'fixtures/family/compliant/truong-th-a.md')));
  execFileSync('mkfifo', [at('parent.md')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('special files are refused, never waited on', () => {
  it('--parent naming a FIFO or /dev/zero: exit 2 and what it is', async () => {
    for (const [parent, kind] of [['parent.md', 'a named pipe \\(FIFO\\)'], ['/dev/zero', 'a character device']]) {
      const run = await runPlanLint(['plan.md', '--parent', parent, '--locale', 'en'], { cwd: dir, timeoutMs: 20_000 });
      expect(run.signal).toBeNull();
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^plan-lint: ${parent.startsWith('/') ? '/dev/zero' : 'parent\\.md'}: file is ${kind}, not a regular file: plan-lint reads only regular files`));
    }
  });

  it('the config\'s "parent" naming a FIFO, and a FIFO given as a plan', async () => {
    const sub = mkdtempSync(path.join(dir, 'sub-'));
    writeFileSync(path.join(sub, 'plan-lint.config.json'), JSON.stringify({ parent: '../parent.md' }));
    writeFileSync(path.join(sub, 'plan.md'), readFileSync(at('plan.md')));
    const run = await runPlanLint(['plan.md', '--locale', 'en'], { cwd: sub, timeoutMs: 20_000 });
    expect([run.signal, run.code]).toEqual([null, 2]);
    expect(run.stderr).toMatch(/parent\.md: file is a named pipe \(FIFO\), not a regular file/);
    // Named as a plan, the folder walk already refuses it as neither a file nor a folder.
    const plan = await runPlanLint(['parent.md', '--locale', 'en'], { cwd: dir, timeoutMs: 20_000 });
    expect([plan.signal, plan.code]).toEqual([null, 2]);
    expect(plan.stderr).toMatch(/"parent\.md" is neither a file nor a folder/);
  });
});
