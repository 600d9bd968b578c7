import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintFile, type FileOutcome, type LintSettings } from './lint-file.js';
import type { LintTask, TaskResult } from './worker.js';

/**
 * Worker threads only pay when a batch is large and cores are idle. Measured here (2 cores, the
 * machine shared and loaded to 9–15): 32, 64, 128, 230 and 920 plans took 1.7/3.9/3.3/5.4/9.8–13 s
 * on one thread and 4.2/5.3/6.8/6.6/13.8–15.7 s with 2 workers: each worker loads the core again
 * and competes for the same busy cores. So: at least WORKER_MIN_FILES files, at least 2 cores, and
 * a load average below the core count. PLAN_LINT_WORKERS=N forces N workers (tests), 0 none.
 * Since this thread lints too, a worker costs about 0.8 s of CPU on the other core (start, load
 * the bundle, warm up) before its first result; measured again at load 7 with 100/200/400 plans,
 * one worker still lost (2.5–5.0/4.3–7.9/9.7–10.7 s against 3.2–4.0/3.0–5.4/4.7–8.3 s), so the
 * threshold stays until it can be measured on idle cores.
 */
export const WORKER_MIN_FILES = 500;

export function workerCount(files: number): number {
  const forced = process.env.PLAN_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  const cores = availableParallelism();
  if (files < WORKER_MIN_FILES || cores < 2 || loadavg()[0] >= cores) return 0;
  // This thread lints too (lintInWorkers), so one core is already used.
  return Math.min(cores - 1, 7);
}

// Tasks queued on each worker: one running and the rest waiting, so that a worker has its next
// file at hand while the main thread (busy with other workers' results) gets round to it. With one
// task at a time, each worker sat idle 30 % of the time on 2 loaded cores.
const TASKS_PER_WORKER = 4;

/**
 * Lints files on `count` worker threads and on this thread too; results come back in the order
 * of `files`. This thread starts at once, while the workers load, and takes the next file from
 * the same list as they do.
 */
export async function lintInWorkers(
  files: readonly string[],
  settings: LintSettings,
  count: number,
  onDone: (filePath: string) => void,
): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array(files.length);
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: settings }));
  const onWorkers = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let pending = 0;
        const send = () => {
          while (pending < TASKS_PER_WORKER && next < files.length) {
            const id = next++;
            worker.postMessage({ id, filePath: files[id] } satisfies LintTask);
            pending++;
          }
          if (pending === 0) resolve();
        };
        worker.on('message', (message: TaskResult) => {
          pending--;
          if ('error' in message) return reject(new Error(`worker failed on ${files[message.id]}:\n${message.error}`));
          results[message.id] = message.outcome;
          onDone(files[message.id]);
          send();
        });
        worker.on('error', reject);
        send();
      }),
  );
  const onThisThread = (async () => {
    while (next < files.length) {
      const id = next++;
      results[id] = await lintFile(files[id], settings);
      onDone(files[id]);
      // Workers' results are events: let them in between two files, so that each gets its next task.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  try {
    await Promise.all([...onWorkers, onThisThread]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
