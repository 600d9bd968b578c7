import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileOutcome, LintSettings } from './lint-file.js';

/**
 * Below this many files, worker threads cost more than they save: each one loads the core
 * (parser, engine, packs) again, ~0.25 s here. Measured on the 2-core machine, see the README of
 * packages/cli. PLAN_LINT_WORKERS=N forces N workers (tests), 0 turns them off.
 */
export const WORKER_MIN_FILES = 64;

export function workerCount(files: number): number {
  const forced = process.env.PLAN_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  if (files < WORKER_MIN_FILES) return 0;
  return Math.max(0, Math.min(availableParallelism(), 8, Math.floor(files / (WORKER_MIN_FILES / 2))));
}

/** Lints files on `count` worker threads; results come back in the order of `files`. */
export async function lintInWorkers(
  files: readonly string[],
  settings: LintSettings,
  count: number,
  onDone: (filePath: string) => void,
): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array(files.length);
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: settings }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve();
              const id = next++;
              worker.postMessage({ id, filePath: files[id] });
            };
            worker.on('message', (message: { id: number; outcome?: FileOutcome; error?: string }) => {
              if (message.error !== undefined) return reject(new Error(`worker failed on ${files[message.id]}:\n${message.error}`));
              results[message.id] = message.outcome as FileOutcome;
              onDone(files[message.id]);
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
