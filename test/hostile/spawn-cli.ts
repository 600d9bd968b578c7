import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repoRoot, 'packages/cli/bin/plan-lint.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * Spawns the BUILT plan-lint bin and kills it after `timeoutMs`, so that a hang fails the test
 * with the time it took instead of stalling the suite. `asUser` runs it as another user (for the
 * unreadable-file case, which root cannot see).
 */
export function runPlanLint(args: string[], options: { cwd: string; timeoutMs?: number; asUser?: number; env?: Record<string, string> }): Promise<Run> {
  if (!existsSync(path.join(repoRoot, 'packages/cli/dist/main.js'))) {
    throw new Error('packages/cli is not built: run `npm run build` first.');
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      // The product's default language (Vietnamese) whatever the machine's LANG; a test that reads English says so.
      env: { ...process.env, NO_COLOR: '1', PLAN_LINT_WORKERS: '0', LC_ALL: 'C', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.asUser !== undefined ? { uid: options.asUser, gid: options.asUser } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Everything the user sees. */
export const shown = (run: Run) => run.stdout + run.stderr;
