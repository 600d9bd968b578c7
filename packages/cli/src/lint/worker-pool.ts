import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { inputErrorMessage } from '../input/input-messages.js';
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
 * the same list as they do. A worker that dies (out of memory, a crash) costs only the file it was
 * linting, which gets a fatal message: its other queued files go to a new worker.
 */
export async function lintInWorkers(
  files: readonly string[],
  settings: LintSettings,
  count: number,
  onDone: (filePath: string) => void,
  workerUrl: URL = new URL('./worker.js', import.meta.url),
): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array(files.length);
  const retry: number[] = [];
  let next = 0;
  const take = (): number | undefined => (retry.length > 0 ? retry.shift() : next < files.length ? next++ : undefined);
  const finish = (id: number, outcome: FileOutcome) => {
    results[id] = outcome;
    onDone(files[id]);
  };
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(workerUrl, { workerData: settings });
      // Sent and not answered yet, in the order sent (the worker lints them in that order).
      const pending: number[] = [];
      let stopped = false;
      const send = () => {
        while (pending.length < TASKS_PER_WORKER) {
          const id = take();
          if (id === undefined) break;
          worker.postMessage({ id, filePath: files[id] } satisfies LintTask);
          pending.push(id);
        }
        if (pending.length === 0 && !stopped) {
          stopped = true;
          void worker.terminate().then(() => resolve());
        }
      };
      worker.on('message', (message: TaskResult) => {
        const at = pending.indexOf(message.id);
        if (at === -1) return;
        pending.splice(at, 1);
        finish(message.id, 'error' in message ? failed(files[message.id], message.error, settings) : message.outcome);
        send();
      });
      // Acted on at 'exit' only: Node delivers every message the worker posted before it emits
      // 'exit', so the files still pending then are exactly those it did not finish ('error' can
      // come before the last results).
      let failure: Error | undefined;
      worker.on('error', (error) => (failure ??= error));
      worker.on('exit', (code) => {
        if (stopped) return;
        stopped = true;
        const [culprit, ...rest] = pending;
        const reason = failure?.message ?? `the worker thread stopped (exit code ${code})`;
        if (culprit !== undefined) finish(culprit, failed(files[culprit], reason, settings));
        retry.push(...rest);
        resolve(retry.length > 0 || next < files.length ? runWorker() : undefined);
      });
      send();
    });
  const onWorkers = Array.from({ length: count }, runWorker);
  const onThisThread = (async () => {
    for (let id = take(); id !== undefined; id = take()) {
      finish(id, await lintFile(files[id], settings));
      // Workers' results are events: let them in between two files, so that each gets its next task.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await Promise.all([...onWorkers, onThisThread]);
  return results;
}

/** The report of a file whose lint failed in a worker: a fatal message, so the run goes on. */
function failed(filePath: string, reason: string, settings: LintSettings): FileOutcome {
  const english = `internal error while linting this file (${reason.split('\n')[0].slice(0, 200)}); the other files were linted. Please report it.`;
  return { report: { filePath, diagnostics: [], fatal: { message: inputErrorMessage('internal', english, settings.locale) } } };
}
