import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintFile, type FileOutcome, type LintSettings } from './lint-file.js';
import type { LintTask, TaskResult } from './worker.js';

/**
 * Worker threads only pay when a batch is large and there are cores to spare. A lint allocates a
 * lot, and V8's own background threads (GC, compiler) already keep a second core about 20 % busy
 * for one lint thread. Measured here on an idle 2-core VM, the 1,000-plan corpus: this thread alone
 * 3.2–3.4 s wall (3.8 s CPU); with 1 worker 3.4–3.6 s (5.5 s CPU); with 2 workers 4.0 s. Two
 * separate processes on half the corpus each took 3.3 s against 2.0 s alone, while a pure
 * arithmetic loop runs twice in the time of once: the two threads contend for memory, not cores.
 * So workers start only with at least MIN_CORES_FOR_WORKERS cores, WORKER_MIN_FILES files and a
 * load average below the core count; this thread lints too. PLAN_LINT_WORKERS=N forces N workers
 * (tests, or a machine where they pay), 0 none.
 */
export const WORKER_MIN_FILES = 500;
export const MIN_CORES_FOR_WORKERS = 4;

export function workerCount(files: number): number {
  const forced = process.env.PLAN_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  const cores = availableParallelism();
  if (files < WORKER_MIN_FILES || cores < MIN_CORES_FOR_WORKERS || loadavg()[0] >= cores) return 0;
  // This thread lints too (lintInWorkers), and V8's background threads need some room.
  return Math.min(cores - 2, 7);
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
