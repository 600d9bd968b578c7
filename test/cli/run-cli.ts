import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const bin = path.join(repoRoot, 'packages/cli/bin/plan-lint.js');
export const formatsDir = path.join(repoRoot, 'fixtures/formats');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the BUILT bin, as a user's shell would (no TTY, so no colours and no progress bar). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  if (!existsSync(path.join(repoRoot, 'packages/cli/dist/main.js'))) {
    throw new Error('packages/cli is not built: run `npm run build` (or `npx tsc -b packages/core packages/cli`) first.');
  }
  // The locale comes from LANG and LC_* too: each test states the one it needs (default Vietnamese).
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    LANG: undefined,
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A throwaway copy of some fixtures; removed by the returned cleanup. */
export function tempCopy(files: string[], from = formatsDir): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-cli-'));
  for (const file of files) cpSync(path.join(from, file), path.join(dir, path.basename(file)));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function parseJson<T = unknown>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout.slice(0, 500)}\nstderr:\n${run.stderr.slice(0, 1000)}`);
  }
}

const memo = new Map<string, CliRun>();

/** runCli for runs that change nothing on disk: the same arguments run once per test file. */
export function runCliOnce(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  const key = JSON.stringify([args, options]);
  let run = memo.get(key);
  if (!run) {
    run = runCli(args, options);
    memo.set(key, run);
  }
  return run;
}
