import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileOutcome, LintSettings } from './lint-file.js';

/**
 * Worker threads only pay when a batch is large and cores are idle. Measured here (2 cores, the
 * machine shared and loaded to 9–15): 32, 64, 128, 230 and 920 plans took 1.7/3.9/3.3/5.4/9.8–13 s
 * on one thread and 4.2/5.3/6.8/6.6/13.8–15.7 s with 2 workers: each worker loads the core again
 * and competes for the same busy cores. So: at least WORKER_MIN_FILES files, at least 2 cores, and
 * a load average below the core count. PLAN_LINT_WORKERS=N forces N workers (tests), 0 none.
 */
export const WORKER_MIN_FILES = 500;

export function workerCount(files: number): number {
  const forced = process.env.PLAN_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  const cores = availableParallelism();
  if (files < WORKER_MIN_FILES || cores < 2 || loadavg()[0] >= cores) return 0;
  return Math.min(cores, 8);
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
