// Issue 14 items 8–11: --fix never loses a file or an edit. A read-only file is refused (exit 2);
// a symbolic link is written through to its target and stays a link; hard links stay linked; an
// edit saved while --fix runs is kept; a temp left by a killed run is named as plan-lint's and
// removed by the next run.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runPlanLint } from '../hostile/spawn-cli.js';
import { FIXABLE } from './variants.js';

const ORIGINAL = FIXABLE[0].text;
const editHook = fileURLToPath(new URL('./edit-before-write.cjs', import.meta.url));
const pauseHook = fileURLToPath(new URL('./pause-before-rename.cjs', import.meta.url));
const bin = path.join(repoRoot, 'packages/cli/bin/plan-lint.js');
let dir: string;
let fixed: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-fix-safety-'));
  chmodSync(dir, 0o777); // the read-only case also runs as another user
  writeFileSync(at('reference.md'), ORIGINAL);
  await runPlanLint(['reference.md', '--fix'], { cwd: dir });
  fixed = readFileSync(at('reference.md'), 'utf8');
  expect(fixed).not.toBe(ORIGINAL);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--fix and the file system', () => {
  it('a read-only (0444) file is refused with exit 2 and a message, for root and for another user', async () => {
    writeFileSync(at('readonly.md'), ORIGINAL);
    chmodSync(at('readonly.md'), 0o444);
    const users = process.getuid?.() === 0 ? [undefined, 65534] : [undefined];
    for (const asUser of users) {
      const run = await runPlanLint(['readonly.md', '--fix', '--format', 'json', '--locale', 'en'], { cwd: dir, asUser });
      expect(run.code).toBe(2);
      const [report] = JSON.parse(run.stdout) as { messages: { fatal?: boolean; message: string }[] }[];
      expect(report.messages.filter((message) => message.fatal).map((message) => message.message)).toEqual([
        'fixes not written: the file is read-only (mode 0444); make it writable (chmod u+w) for --fix to change it',
      ]);
      expect(run.stderr).toContain('readonly.md: the fixes were not written (the file is read-only (mode 0444)');
      expect(readFileSync(at('readonly.md'), 'utf8')).toBe(ORIGINAL);
      expect(statSync(at('readonly.md')).mode & 0o777).toBe(0o444);
    }
    const vi = await runPlanLint(['readonly.md', '--fix', '--format', 'json', '--locale', 'vi'], { cwd: dir });
    expect(vi.stdout).toContain('không ghi các sửa lỗi: tệp chỉ cho phép đọc (quyền 0444)');
  });

  it('a symbolic link: the target is fixed, the link stays a link to it', async () => {
    mkdirSync(at('real'), { recursive: true });
    writeFileSync(at('real/target.md'), ORIGINAL);
    symlinkSync('real/target.md', at('link.md'));
    const run = await runPlanLint(['link.md', '--fix'], { cwd: dir });
    expect(run.code).not.toBe(2);
    expect(lstatSync(at('link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(at('link.md'))).toBe('real/target.md');
    expect(readFileSync(at('real/target.md'), 'utf8')).toBe(fixed);
    expect(readdirSync(at('real')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('hard links: every name sees the fixed text, and they stay one file', async () => {
    writeFileSync(at('hard-a.md'), ORIGINAL);
    linkSync(at('hard-a.md'), at('hard-b.md'));
    const inode = statSync(at('hard-a.md')).ino;
    const run = await runPlanLint(['hard-a.md', '--fix'], { cwd: dir });
    expect(run.code).not.toBe(2);
    expect(readFileSync(at('hard-b.md'), 'utf8')).toBe(fixed);
    expect([statSync(at('hard-a.md')).ino, statSync(at('hard-b.md')).ino, statSync(at('hard-a.md')).nlink]).toEqual([inode, inode, 2]);
  });

  it('an edit saved while --fix runs is kept, and the run says so (exit 2)', async () => {
    writeFileSync(at('edited.md'), ORIGINAL);
    const run = await runPlanLint(['edited.md', '--fix', '--locale', 'en'], {
      cwd: dir,
      env: { PLAN_LINT_EDIT_BEFORE_WRITE: at('edited.md'), NODE_OPTIONS: `--require ${editHook}` },
    });
    expect(run.code).toBe(2);
    expect(readFileSync(at('edited.md'), 'utf8')).toBe(`${ORIGINAL}Dòng do người dùng vừa lưu.\n`);
    expect(run.stderr).toContain(
      'edited.md: the fixes were not written (the file changed on disk while plan-lint ran (its size, modification time or content differ from what was linted); the newer edit is kept: run --fix again); the file is unchanged.',
    );
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a temp left by a killed --fix is named as plan-lint\'s, and the next run removes it (a live run\'s and other files stay)', async () => {
    writeFileSync(at('killed.md'), ORIGINAL);
    const child = spawn(process.execPath, ['-r', pauseHook, bin, 'killed.md', '--fix'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', PLAN_LINT_WORKERS: '0', PLAN_LINT_PAUSE_BEFORE_RENAME: 'killed.md' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = new Promise((resolve) => child.on('close', resolve));
    const deadline = Date.now() + 45_000;
    while (!stderr.includes('paused ') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    await closed;
    const [, temp] = /paused (\S+) /.exec(stderr) ?? [];
    expect(path.basename(temp)).toMatch(/^\.plan-lint-fix-\d+-[0-9a-f]{8}\.tmp$/);
    expect(existsSync(temp)).toBe(true);
    // A temp of a process still running (this test's) and a file that only looks similar are not touched.
    const live = at(`.plan-lint-fix-${process.pid}-0123abcd.tmp`);
    const other = at('.killed.md.1234.tmp');
    writeFileSync(live, 'x');
    writeFileSync(other, 'x');
    const next = await runPlanLint(['killed.md'], { cwd: dir });
    expect(next.signal).toBeNull();
    expect([existsSync(temp), existsSync(live), existsSync(other)]).toEqual([false, true, true]);
    rmSync(live);
    rmSync(other);
  }, 60_000);
});

describe('temporary files of the lockfile and the pack cache (issue 14 item 11)', () => {
  it("core names them as the CLI's own temps, and a later lint removes those a killed run left", async () => {
    const { ownTempPath } = await import('../../packages/core/src/shared/temp-file.js');
    for (const target of [at('plan-lint.lock.json'), at('.plan-lint-cache/0123abcd.json')]) {
      const temp = ownTempPath(target);
      expect(path.dirname(temp)).toBe(path.dirname(target));
      expect(path.basename(temp)).toMatch(/^\.plan-lint-write-\d+-[0-9a-f]{8}\.tmp$/);
    }
    // A process id that is not running: what a run killed while writing the lockfile or a cached pack leaves.
    const project = at('with-lockfile');
    mkdirSync(path.join(project, '.plan-lint-cache'), { recursive: true });
    writeFileSync(path.join(project, 'plan-lint.config.json'), '{ "packs": ["recommended"] }\n');
    writeFileSync(path.join(project, 'ke-hoach.md'), ORIGINAL);
    const lockTemp = path.join(project, '.plan-lint-write-999999999-0123abcd.tmp');
    const cacheTemp = path.join(project, '.plan-lint-cache', '.plan-lint-write-999999999-89abcdef.tmp');
    for (const file of [lockTemp, cacheTemp]) writeFileSync(file, '{');
    const run = await runPlanLint(['ke-hoach.md'], { cwd: project });
    expect(run.signal).toBeNull();
    expect([existsSync(lockTemp), existsSync(cacheTemp)]).toEqual([false, false]);
  }, 60_000);
});
